## Command menu descriptions
cmd-start = Empezar y ver qué hace bridgebot
cmd-help = Cómo usar bridgebot
cmd-setup = Registrar este grupo como ciudad: /setup <ciudad> <idioma> [zona horaria]
cmd-partnership = Ver el hermanamiento, o new / invite / join / leave
cmd-contacts = A quién contactar en cada ciudad hermana
cmd-lang = Cambiar el idioma de este grupo
cmd-focal = Definir la persona de contacto de esta ciudad: /focal @usuario

## Welcome and help
start-private = ¡Hola! Soy bridgebot. Conecto los grupos de Telegram de ciudades hermanas: cada mensaje aparece en los grupos de todas las ciudades hermanas, traducido al idioma de cada grupo en el propio servidor del bot, sin servicios en la nube. Añádame al grupo de su ciudad para empezar.
start-group = ¡Hola! Soy bridgebot. Un administrador del grupo puede registrarlo con /setup y después enlazarlo con las ciudades hermanas.
help =
    bridgebot conecta los grupos de ciudades hermanas y traduce entre ellos.

    Primeros pasos (administradores del grupo):
    /setup <ciudad> <idioma> [zona horaria] — registrar este grupo, p. ej. /setup Hamburg de Europe/Berlin
    /partnership new <nombre> — crear un hermanamiento (administradores del bot); usted recibe un código de invitación
    /partnership invite — un código de invitación nuevo para una ciudad más
    /partnership join <código> — unir este grupo a un hermanamiento
    /partnership leave — retirar este grupo del hermanamiento
    /lang <idioma> — cambiar el idioma de este grupo
    /focal @usuario — definir la persona de contacto de esta ciudad

    Para todos:
    /partnership — las ciudades, sus idiomas y sus horas locales
    /contacts — la persona de contacto de cada ciudad
    /commit <qué> para <fecha> — registrar un compromiso (si responde a un mensaje, toma su texto)
    /commitments [all | done | overdue | @usuario] — los compromisos del hermanamiento
    /done, /blocked, /reopen, /due <n.º> — actualizar un compromiso
    /followup <#n.º | @usuario | all> <cuándo> [nota] — programar un seguimiento (coordinación), p. ej. /followup #7 viernes 10:00, /followup all cada lunes 09:00
    /followups — los seguimientos programados y los recordatorios automáticos; /followup cancel <F-n.º>
    /report — actividad del hermanamiento: mensajes y compromisos, con gráfico
    /glossary — nombres y siglas que la traducción deja sin cambios
    /unsend — responda a su mensaje para borrar sus copias
    /help — este texto

## Setup
setup-done = ✅ Este grupo quedó registrado como { $city }: idioma { $language }, zona horaria { $tz } (hora local: { $time }).
setup-tz-hint = Consejo: añada la zona horaria para que los recordatorios lleguen a la hora local correcta, p. ej. /setup { $city } { $lang } Europe/Berlin.
usage-setup = Uso: /setup <ciudad> <idioma> [zona horaria], p. ej. /setup Hamburg de Europe/Berlin

## Partnerships
usage-partnership = Uso: /partnership [new <nombre> | invite | join <código> | leave | original quote|full|none]
usage-partnership-new = Uso: /partnership new <nombre>, p. ej. /partnership new Hamburg–Guadalajara
usage-partnership-join = Uso: /partnership join <código> — con el código que recibió el administrador de otra ciudad.
partnership-created = 🤝 Hermanamiento “{ $name }” creado. Código de invitación para la primera ciudad: { $code } (válido durante { $days ->
        [one] { $days } día
       *[other] { $days } días
    }, de un solo uso). Un administrador del grupo de esa ciudad debe enviar: /partnership join { $code }
partnership-invite = Nuevo código de invitación para “{ $name }”: { $code } (válido durante { $days ->
        [one] { $days } día
       *[other] { $days } días
    }, de un solo uso). Un administrador del grupo de la nueva ciudad debe enviar: /partnership join { $code }
partnership-joined = 🤝 Este grupo se unió a “{ $name }”, que ahora enlaza { $count ->
        [one] { $count } ciudad
       *[other] { $count } ciudades
    }.
partnership-new-member = 🤝 { $city } se unió al hermanamiento “{ $name }”.
partnership-left = Este grupo dejó el hermanamiento “{ $name }”. Ya no se retransmitirá nada aquí.
partnership-show =
    🤝 { $name } — { $count ->
        [one] { $count } ciudad
       *[other] { $count } ciudades
    }
    { $members }
partnership-member-line = • { $city } — { $language }, { $time } ({ $tz }) — persona de contacto: { $focal }
contacts-show =
    Persona de contacto en cada ciudad:
    { $members }
focal-none = sin definir (/focal @usuario)

## Group settings
lang-done = ✅ El idioma de este grupo ahora es { $language }.
usage-lang = Uso: /lang <idioma>, p. ej. /lang de o /lang alemán
focal-done = ✅ { $person } es ahora la persona de contacto de { $city }.
usage-focal = Uso: /focal @usuario (o responda con /focal a uno de sus mensajes)

## Errors
error-name-empty = El nombre necesita al menos una letra.
error-name-too-long = Ese nombre es demasiado largo (máximo { $max } caracteres).
error-bad-timezone = “{ $tz }” no es una zona horaria que yo conozca. Use un nombre IANA como Europe/Berlin, America/Mexico_City o Asia/Shanghai.
error-bad-language = “{ $lang }” no es un idioma que yo conozca. Use un código como de, en, zh, es, o un nombre como alemán.
error-not-set-up = Este grupo aún no está registrado. Un administrador del grupo puede hacerlo con /setup <ciudad> <idioma> [zona horaria].
error-chat-admin-only = Solo un administrador de este grupo (o del bot) puede hacer eso.
error-bot-admin-only = Solo un administrador del bot puede hacer eso.
error-already-in-partnership = Este grupo ya forma parte de un hermanamiento. Primero salga de él con /partnership leave.
error-no-partnership = Este grupo aún no forma parte de ningún hermanamiento. Únase a uno con /partnership join <código>.
error-code-unknown = Ese código de invitación no es válido. Revíselo o pida uno nuevo con /partnership invite.
error-code-used = Ese código de invitación ya se usó. Pida uno nuevo con /partnership invite.
error-code-expired = Ese código de invitación caducó. Pida uno nuevo con /partnership invite.
error-unknown-user = Todavía no conozco a { $user }. Esa persona tiene que escribir primero un mensaje en un grupo donde yo esté; o bien, responda con el comando a uno de sus mensajes.
error-group-only = Este comando solo funciona en grupos.
error-unknown-command = No conozco el comando { $command }. Envíe /help para ver lo que puedo hacer.

## Relay
cmd-glossary = Términos que la traducción deja tal cual
cmd-unsend = Responda a un mensaje con /unsend para borrar sus copias
relay-header = { $sender } · { $city }
relay-pivot = (traducido del { $source } a través del inglés)
relay-no-model = (sin traducir: no hay ningún modelo de idioma { $source } → { $target } instalado)
relay-group-unreachable = ⚠️ Ya no se pueden entregar mensajes a { $city }: el bot fue eliminado de ese grupo o perdió sus permisos allí. Un administrador de ese grupo puede volver a añadir el bot y unirse de nuevo con un código de invitación nuevo.
usage-unsend = Responda con /unsend a un mensaje retransmitido (o a su copia) para borrar sus copias en los grupos de las ciudades hermanas.
unsend-done = 🗑 Borrando las copias en { $count ->
        [one] { $count } grupo de ciudad hermana
       *[other] { $count } grupos de ciudades hermanas
    }.
error-unsend-unknown = Ese mensaje no se retransmitió, así que no hay nada que borrar.
error-unsend-not-yours = Solo quien escribió el mensaje o un administrador puede borrar sus copias.
error-unsend-done = Las copias de ese mensaje ya se borraron.
partnership-original-done = ✅ Ahora las copias muestran el texto original así: { $mode }.
usage-partnership-original = Uso: /partnership original quote|full|none — quote: plegado bajo la traducción; full: completo; none: no se muestra.

## Glossary
usage-glossary = Uso: /glossary add <término> [<idioma>=<traducción> ...], /glossary remove <término>, o /glossary para ver la lista. Ejemplo: /glossary add Elbphilharmonie es=Filarmónica del Elba
glossary-added = ✅ “{ $term }” está en el glosario: { $translations }.
glossary-removed = ✅ “{ $term }” se quitó del glosario.
glossary-empty = El glosario está vacío. Añada con /glossary add <término> los nombres y siglas que no se deben traducir.
glossary-list =
    Glosario ({ $count ->
        [one] { $count } término
       *[other] { $count } términos
    }):
    { $terms }
error-glossary-full = El glosario está lleno ({ $max } términos). Quite primero algún término.
error-glossary-unknown = “{ $term }” no está en el glosario.
error-coordinator-only = Solo la coordinación (administradores del grupo, administradores del bot o personas con ese rol) puede hacer eso.

## Commitments
cmd-commit = Registrar un compromiso: /commit [@responsable] <qué> [para <fecha>]
cmd-commitments = Compromisos abiertos del hermanamiento
cmd-done = Marcar un compromiso como cumplido: /done <n.º>
cmd-blocked = Marcar un compromiso como bloqueado: /blocked <n.º> <motivo>
cmd-reopen = Reabrir un compromiso: /reopen <n.º>
cmd-due = Cambiar una fecha límite: /due <n.º> <fecha>
cmd-role = Asignar el rol de coordinación o de miembro
usage-commit = Uso: /commit [@responsable] <qué se prometió> [para <fecha>], p. ej. /commit enviar el presupuesto para el viernes. O responda a un mensaje con /commit [para <fecha>].
usage-done = Uso: /done <n.º>, p. ej. /done #7
usage-blocked = Uso: /blocked <n.º> <motivo>, p. ej. /blocked #7 esperando la confirmación del local
usage-reopen = Uso: /reopen <n.º>
usage-due = Uso: /due <n.º> <fecha>, p. ej. /due #7 en 2 semanas
usage-commitments = Uso: /commitments [all | done | overdue | @usuario]
usage-role = Uso: /role @usuario coordinator|officer
commitment-created = 📌 #{ $id } { $owner } ({ $city }) se compromete a: { $text } — fecha límite: { $due }
commitment-done = ✅ #{ $id } cumplido: { $text } ({ $owner }, marcado por { $actor })
commitment-blocked = ⛔ #{ $id } bloqueado: { $text } — { $reason } ({ $actor })
commitment-reopened = 🔄 #{ $id } reabierto: { $text } ({ $actor })
commitment-due = 📅 #{ $id } nueva fecha límite: { $due } — { $text } ({ $actor })
commitment-no-due = sin definir
commitments-header = Compromisos ({ $count }) — página { $page }/{ $pages }
commitment-line = #{ $id } · { $owner } ({ $city }) · fecha límite: { $due }{ $state }
    { $text }
commitment-state-done = { " " }· cumplido
commitment-state-blocked = { " " }· bloqueado: { $reason }
commitment-state-overdue = { " " }· ⚠️ vencido
commitments-empty = Aún no hay compromisos aquí. Registre uno con /commit <qué> para <fecha>.
role-coordinator = ✅ { $person } ahora forma parte de la coordinación de este hermanamiento.
role-officer = ✅ { $person } ahora es miembro de este hermanamiento (sin derechos de coordinación).
error-commitment-id = “{ $id }” no es un número de compromiso. Use el número que aparece como #7.
error-commitment-unknown = No hay ningún compromiso #{ $id } en este hermanamiento.
error-commitment-not-yours = Solo la persona responsable del compromiso o alguien de la coordinación puede cambiarlo.
error-commitment-already-done = #{ $id } ya está cumplido.
error-commitment-already-open = #{ $id } ya está abierto.
error-commit-owner = ¿Quién asume este compromiso? Use /commit @usuario <qué>.
error-commit-too-long = Es demasiado largo para un compromiso (máximo { $max } caracteres).
error-date-unreadable = No pude entender la fecha “{ $date }”. Pruebe, p. ej., 2026-12-04, viernes, mañana o en 2 semanas.
error-date-past = “{ $date }” ya pasó. Indique una fecha futura, por favor.

## Follow-ups
cmd-followup = Programar un seguimiento: /followup <#n.º | @usuario | all> <cuándo> [nota]
cmd-followups = Seguimientos programados y recordatorios automáticos
cmd-report = Actividad del hermanamiento: mensajes y compromisos
usage-followup = Uso: /followup <#n.º | @usuario | all> <cuándo> [nota], p. ej. /followup #7 viernes 10:00 por favor, envíe el orden del día, o /followup all cada lunes 09:00. Cancele con /followup cancel <F-n.º>; consulte los recordatorios automáticos con /followup settings.
usage-followup-settings = Uso: /followup settings <reminder | overdue | digest | dormancy | hours | days> <valor>, p. ej. /followup settings reminder 3d, /followup settings digest off, /followup settings hours 09:00-18:00, /followup settings days mon-fri
followup-scheduled =
    ⏰ Seguimiento F{ $id } programado — { $what }, { $when }.
    { $times }
followup-time-line = • { $city }: { $time }
followup-outside-hours = { " " }⚠️ fuera del horario laboral allí
followup-once = el { $time }
followup-target-commitment = compromiso #{ $id }
followup-target-user = { $person }
followup-target-all = todos
followup-cancelled = 🗑 Seguimiento F{ $id } cancelado.
followups-header = Seguimientos programados ({ $count }):
followups-line =
    F{ $id } · { $what } · { $when } · nota: { $note }
      próximo: { $next }
followups-next-item = { $city } { $time }
followups-empty = No hay seguimientos programados. Programe uno con /followup <#n.º | @usuario | all> <cuándo>.
followup-settings =
    Recordatorios automáticos (respetan el horario laboral local de cada ciudad):
    • recordatorio antes de una fecha límite: { $reminder }
    • aviso de compromisos vencidos: { $overdue }
    • resumen semanal: { $digest }
    • alerta de inactividad si el hermanamiento está en silencio durante: { $dormancy }
    • horario laboral: { $hours }, { $days }
    La coordinación los cambia con /followup settings <nombre> <valor>.
followup-settings-saved = ✅ Guardado.
setting-off = desactivado
setting-on = activado
setting-hours = { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
setting-days = { $days ->
        [one] { $days } día
       *[other] { $days } días
    }
rule-day = { $interval ->
        [one] todos los días
       *[other] cada { $interval } días
    } a las { $time }
rule-week = { $interval ->
        [one] cada { $weekday }
       *[other] cada { $interval } semanas, el { $weekday },
    } a las { $time }
rule-month = { $interval ->
        [one] cada mes
       *[other] cada { $interval } meses
    }, el día { $day }, a las { $time }
error-when-unreadable = No pude entender la fecha u hora “{ $when }”. Pruebe, p. ej., en 3 días, mañana 10:00, 2026-12-01 09:30, viernes 15:00 o cada lunes 09:00.
error-followup-id = “{ $id }” no es un número de seguimiento. Use el número que aparece como F3.
error-followup-unknown = No hay ningún seguimiento F{ $id } programado en este hermanamiento.
error-followup-commitment-done = #{ $id } ya está cumplido: no hace falta darle seguimiento.
error-setting-unknown = No existe el ajuste “{ $setting }”. Use reminder, overdue, digest, dormancy, hours o days.
error-setting-value = “{ $value }” no sirve para { $setting }. Ejemplos: reminder 2d, overdue off, digest monday 09:00, dormancy 21d, hours 08:00-20:00, days mon-fri.

## Nudges
nudge-followup-commitment = ⏰ Seguimiento de #{ $id }: { $owner } ({ $city }) — { $text } — fecha límite: { $due }
nudge-followup-person = ⏰ Seguimiento para { $person }
nudge-followup-all = ⏰ Seguimiento para todos en “{ $name }”
nudge-none-open = No hay compromisos abiertos.
nudge-more = … y { $count } más (/commitments)
nudge-note = 📝 { $note }
nudge-late = (Enviado con retraso: estaba previsto para el { $time }, cuando el bot no estaba en funcionamiento.)
nudge-reminder = ⏳ Recordatorio: #{ $id } vence el { $due } — { $owner } ({ $city }): { $text }
nudge-overdue = ⚠️ #{ $id } está vencido desde el { $due } — { $owner } ({ $city }): { $text }. ¿Cumplido? /done { $id } · ¿Nueva fecha? /due { $id } <fecha>
nudge-digest = 📋 Resumen semanal de “{ $name }”: { $open ->
        [one] { $open } abierto
       *[other] { $open } abiertos
    }, { $overdue ->
        [one] { $overdue } vencido
       *[other] { $overdue } vencidos
    }
nudge-dormancy = 💤 “{ $name }” lleva { $days ->
        [one] { $days } día
       *[other] { $days } días
    } en silencio (última actividad: { $since }). Una breve actualización mantiene viva la cooperación: ¿qué hay de nuevo por parte de ustedes?

## Report
report-header = 📊 “{ $name }” — actividad del hermanamiento, últimos { $days } días (a fecha de { $date })
report-city = • { $city }: { $messages ->
        [one] { $messages } mensaje
       *[other] { $messages } mensajes
    } · compromisos: { $made ->
        [one] { $made } asumido
       *[other] { $made } asumidos
    }, { $done ->
        [one] { $done } cumplido
       *[other] { $done } cumplidos
    } ({ $ontime } a tiempo), { $overdue ->
        [one] { $overdue } vencido
       *[other] { $overdue } vencidos
    } · última actividad: { $last }
report-never = nunca
report-median = Mediana del tiempo de cumplimiento: { $days ->
        [one] { $days } día
       *[other] { $days } días
    }
report-median-none = Todavía no se ha cumplido ningún compromiso.
report-chart-caption = 📊 “{ $name }” de un vistazo
report-chart-messages = Mensajes, últimos { $days } días
report-chart-commitments = Compromisos
report-chart-made = asumidos
report-chart-done = cumplidos
report-chart-ontime = a tiempo
report-chart-overdue = vencidos

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 Hermanamiento “{ $name }” creado. { $person }, le he enviado el código de invitación por nuestro chat privado.
partnership-created-joined-code-sent = 🤝 Hermanamiento “{ $name }” creado; este grupo es su primera ciudad. { $person }, le he enviado el código de invitación para la siguiente ciudad por nuestro chat privado.
partnership-invite-code-sent = { $person }, le he enviado un nuevo código de invitación para “{ $name }” por nuestro chat privado.
partnership-code-private-needed = { $person }, solo envío los códigos de invitación en privado, y Telegram no me permite escribirle hasta que usted inicie un chat conmigo. Abra { $link }, pulse “Iniciar” y vuelva a enviar el comando aquí. No se ha emitido ningún código.
error-code-anonymous = Los códigos de invitación se envían en privado a quien los pide, así que no puedo enviar uno a un administrador anónimo. Por favor, vuelva a enviar el comando con su propio nombre.
start-join-code = Ya puedo enviarle códigos de invitación. Vuelva a enviar /partnership invite (o /partnership new <nombre>) en el grupo de su ciudad y el código llegará aquí.
error-unsend-other-city = Solo quien escribió el mensaje, un administrador del grupo de { $city } o un administrador del bot puede borrarlo de todos los grupos. Para quitarlo solo de este grupo, borre aquí la copia.
error-unsend-left = Este mensaje se retransmitió en un hermanamiento del que este grupo ya no forma parte, así que sus copias ya no se pueden borrar desde aquí.

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 Se borraron las copias en: { $cities }.
unsend-report-kept = ⚠️ No se pudieron borrar las copias en { $cities } (Telegram solo permite a los bots borrar mensajes hasta 48 horas después de enviarlos). Un administrador de cada uno de esos grupos puede borrarlas a mano.

# Dates too far ahead (hostile input)
error-date-too-far = “{ $date }” está demasiado lejos. Indique una fecha dentro de los próximos { $years } años, por favor.

# Errores de Telegram: un grupo hermano que no permite un tipo de mensaje
relay-kind-refused = ℹ️ { $city } no permite { $kind ->
        [photo] fotos
        [video] vídeos
        [animation] GIF
        [audio] música
        [voice] mensajes de voz
        [document] archivos
        [sticker] stickers
        [video_note] videomensajes
        [poll] encuestas
        [dice] dados
       *[other] este tipo de mensajes
    }, así que ese contenido no se retransmite allí. Un administrador de ese grupo puede permitirlo en los permisos del grupo.

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = Ciudades por correo electrónico: /email add | remove | mode
usage-email = /email muestra las ciudades por correo electrónico; /email add <dirección> <ciudad> <idioma> [zona horaria]; /email remove <dirección>; /email mode <dirección> each|digest [minutos]
usage-email-add = Uso: /email add <dirección> <ciudad> <idioma> [zona horaria], por ejemplo /email add wang@hz.example Hangzhou zh Asia/Shanghai. Para otra dirección de una ciudad por correo ya existente basta con la ciudad.
usage-email-remove = Uso: /email remove <dirección>
usage-email-mode = Uso: /email mode <dirección> each|digest [minutos] (un resumen como máximo cada N minutos, 10 por defecto)
error-email-off = El correo electrónico no está configurado en este bot. Quien lo opera puede definir BRIDGEBOT_EMAIL_ADDRESS, BRIDGEBOT_SMTP_URL y BRIDGEBOT_IMAP_URL.
error-email-bad-address = “{ $address }” no es una dirección de correo electrónico.
error-email-known = { $address } ya está registrada.
error-email-city-language = { $city } todavía no es una ciudad por correo electrónico de este hermanamiento: indique su idioma (y zona horaria), por ejemplo /email add <dirección> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } ya participa con su grupo de Telegram.
error-email-unknown = { $address } no es una dirección de este hermanamiento.
error-email-command = { $command } no se puede usar por correo electrónico. Por correo puede usar /done, /blocked, /reopen, /due, /commitments y /commit.
email-invited = Invitación enviada a { $address } ({ $city } ✉). La dirección no recibe nada más hasta que alguien responda a la invitación.
email-removed = Se ha eliminado { $address }; ya no recibe nada.
email-mode-set-each = { $address } recibe ahora un correo por mensaje.
email-mode-set-digest = { $address } recibe ahora un resumen como máximo cada { $minutes } minutos.
email-list-empty = Este hermanamiento no tiene ciudades por correo electrónico. La coordinación puede invitar una con /email add <dirección> <ciudad> <idioma> [zona horaria].
email-list-header = Ciudades por correo electrónico de este hermanamiento:
email-mode-each = un correo por mensaje
email-mode-digest = resumen cada { $minutes } min
email-state-invited = invitada, a la espera de respuesta
email-state-active = activa
email-state-bouncing = los correos se devuelven
email-state-stopped = dada de baja
email-partner-joined = ✉ { $address } ha confirmado y ahora participa por correo electrónico por { $city }.
email-partner-stopped = ✉ { $address } ({ $city }) se ha dado de baja y ya no recibe correos.
email-partner-bouncing = ✉ Los correos a { $address } ({ $city }) se devuelven una y otra vez, así que no se envía nada más allí. Revise la dirección (/email remove y después /email add).
email-invitation-subject = Invitación al hermanamiento { $partnership }
email-invitation =
    Estimada señora, estimado señor:

    { $inviter } ({ $inviter_city }) le invita a participar por correo electrónico en el hermanamiento { $partnership } en nombre de { $city }. Ciudades del hermanamiento: { $cities }.

    Recibirá los mensajes de las ciudades hermanas traducidos al { $language }, con el original debajo (reunidos en un resumen), los compromisos nuevos y cumplidos, y recordatorios a su hora local. Sus respuestas se traducen y se transmiten a cada grupo; una respuesta puede empezar con comandos como /done 12 o /commit <qué> para <fecha>.

    Para confirmar, basta con responder a este correo. Hasta entonces no recibirá nada más.
    Para dejar de recibir correos en cualquier momento, responda “baja”.
email-answer-subject = Re: { $command }
email-digest-subject = { $partnership }: conversación del { $date }
email-footer = Responda a este correo para contestar a las ciudades hermanas; su respuesta se traduce para ellas. Comandos: /done <número>, /blocked <número> <motivo>, /commit <qué> para <fecha>, /commitments. Para darse de baja, responda “baja”.
