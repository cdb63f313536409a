## Command menu descriptions
cmd-start = Começar e ver o que o bridgebot faz
cmd-help = Como usar o bridgebot
cmd-setup = Configurar este grupo como uma cidade: /setup <cidade> <idioma> [fuso horário]
cmd-partnership = Mostrar a parceria, ou new / invite / join / leave
cmd-contacts = Pessoa de contato em cada cidade parceira
cmd-lang = Mudar o idioma deste grupo
cmd-focal = Definir a pessoa de contato desta cidade: /focal @pessoa

## Welcome and help
start-private = Olá! Sou o bridgebot. Conecto os grupos de Telegram de cidades parceiras: cada mensagem aparece em todos os grupos parceiros, traduzida para o idioma de cada grupo no próprio servidor do bot, sem serviço em nuvem. Adicione-me ao grupo da sua cidade para começar.
start-group = Olá! Sou o bridgebot. Um administrador do grupo pode configurar este grupo com /setup e depois conectá-lo às cidades parceiras.
help =
    O bridgebot conecta os grupos de cidades parceiras e traduz entre eles.

    Primeiros passos (administradores do grupo):
    /setup <cidade> <idioma> [fuso horário] — configurar este grupo, ex.: /setup Hamburg de Europe/Berlin
    /partnership new <nome> — criar uma parceria (administradores do bot); você recebe um código de convite
    /partnership invite — um novo código de convite para mais uma cidade
    /partnership join <código> — conectar este grupo a uma parceria
    /partnership leave — retirar este grupo da parceria
    /lang <idioma> — mudar o idioma deste grupo
    /focal @pessoa — definir a pessoa de contato desta cidade

    Para todos:
    /partnership — as cidades, seus idiomas e horas locais
    /contacts — a pessoa de contato de cada cidade
    /commit <o quê> até <data> — registrar um compromisso (em resposta a uma mensagem, usa o texto dela)
    /commitments [all | done | overdue | @pessoa] — os compromissos da parceria
    /done, /blocked, /reopen, /due <nº> — atualizar um compromisso
    /followup <#nº | @pessoa | all> <quando> [nota] — agendar um acompanhamento (coordenação), ex.: /followup #7 sexta-feira 10:00, /followup all toda segunda-feira 09:00
    /followups — acompanhamentos agendados e lembretes automáticos; /followup cancel <F-nº>
    /report — atividade da parceria: mensagens e compromissos, com gráfico
    /glossary — nomes e siglas que a tradução mantém inalterados
    /unsend — responda à sua mensagem para apagar as cópias dela
    /help — este texto

## Setup
setup-done = ✅ Este grupo agora representa { $city }: idioma { $language }, fuso horário { $tz } (hora local: { $time }).
setup-tz-hint = Dica: indique o fuso horário para que os lembretes respeitem a hora local, por exemplo /setup { $city } { $lang } Europe/Berlin.
usage-setup = Uso: /setup <cidade> <idioma> [fuso horário], ex.: /setup Hamburg de Europe/Berlin

## Partnerships
usage-partnership = Uso: /partnership [new <nome> | invite | join <código> | leave | original quote|full|none]
usage-partnership-new = Uso: /partnership new <nome>, ex.: /partnership new Hamburg–Guadalajara
usage-partnership-join = Uso: /partnership join <código> — use o código que o administrador de outra cidade recebeu.
partnership-created = 🤝 Parceria “{ $name }” criada. Código de convite para a primeira cidade: { $code } (válido por { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }, de uso único). Um administrador do grupo dessa cidade deve enviar: /partnership join { $code }
partnership-invite = Novo código de convite para “{ $name }”: { $code } (válido por { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }, de uso único). Um administrador do grupo da nova cidade deve enviar: /partnership join { $code }
partnership-joined = 🤝 Este grupo entrou em “{ $name }”, que agora conecta { $count ->
        [one] { $count } cidade
       *[other] { $count } cidades
    }.
partnership-new-member = 🤝 { $city } entrou na parceria “{ $name }”.
partnership-left = Este grupo saiu da parceria “{ $name }”. Nada mais será retransmitido para cá.
partnership-show =
    🤝 { $name } — { $count ->
        [one] { $count } cidade
       *[other] { $count } cidades
    }
    { $members }
partnership-member-line = • { $city } — { $language }, { $time } ({ $tz }) — pessoa de contato: { $focal }
contacts-show =
    Pessoa de contato em cada cidade:
    { $members }
focal-none = não definido (/focal @pessoa)

## Group settings
lang-done = ✅ O idioma deste grupo agora é { $language }.
usage-lang = Uso: /lang <idioma>, ex.: /lang pt ou /lang português
focal-done = ✅ { $person } agora é a pessoa de contato de { $city }.
usage-focal = Uso: /focal @pessoa (ou responda a uma mensagem dessa pessoa com /focal)

## Errors
error-name-empty = O nome deve ter pelo menos uma letra.
error-name-too-long = Esse nome é longo demais (no máximo { $max } caracteres).
error-bad-timezone = “{ $tz }” não é um fuso horário que eu conheça. Use um nome IANA como Europe/Berlin, America/Mexico_City ou Asia/Shanghai.
error-bad-language = “{ $lang }” não é um idioma que eu conheça. Use um código como de, en, zh, es ou um nome como alemão.
error-not-set-up = Este grupo ainda não foi configurado. Um administrador do grupo pode fazer isso com /setup <cidade> <idioma> [fuso horário].
error-chat-admin-only = Só um administrador deste grupo (ou do bot) pode fazer isso.
error-bot-admin-only = Só um administrador do bot pode fazer isso.
error-already-in-partnership = Este grupo já está em uma parceria. Saia dela primeiro com /partnership leave.
error-no-partnership = Este grupo ainda não está em nenhuma parceria. Entre em uma com /partnership join <código>.
error-code-unknown = Esse código de convite não é válido. Verifique-o ou peça um novo com /partnership invite.
error-code-used = Esse código de convite já foi usado. Peça um novo com /partnership invite.
error-code-expired = Esse código de convite expirou. Peça um novo com /partnership invite.
error-unknown-user = Ainda não conheço { $user }. Essa pessoa precisa primeiro escrever uma mensagem em um grupo onde eu esteja; ou então responda com o comando a uma das mensagens dela.
error-group-only = Este comando só funciona em grupos.
error-unknown-command = Não conheço o comando { $command }. Envie /help para ver o que posso fazer.

## Relay
cmd-glossary = Termos que a tradução mantém como estão
cmd-unsend = Responda a uma mensagem com /unsend para apagar as cópias dela
relay-header = { $sender } · { $city }
relay-pivot = (traduzido do { $source } via inglês)
relay-no-model = (não traduzido: não há nenhum modelo de idioma { $source } → { $target } instalado)
relay-group-unreachable = ⚠️ Não é possível entregar mais mensagens a { $city }: o bot foi removido desse grupo ou perdeu as permissões lá. Um administrador desse grupo pode adicionar o bot de novo e voltar a entrar com um novo código de convite.
usage-unsend = Responda a uma mensagem retransmitida (ou à cópia dela) com /unsend para apagar as cópias nos grupos parceiros.
unsend-done = 🗑 As cópias em { $count ->
        [0] { $count } grupos parceiros
        [one] { $count } grupo parceiro
       *[other] { $count } grupos parceiros
    } serão apagadas.
error-unsend-unknown = Essa mensagem não foi retransmitida, por isso não há nada a apagar.
error-unsend-not-yours = Só quem escreveu a mensagem ou um administrador pode apagar as cópias dela.
error-unsend-done = As cópias dessa mensagem já foram apagadas.
partnership-original-done = ✅ As cópias agora mostram o texto original assim: { $mode }.
usage-partnership-original = Uso: /partnership original quote|full|none — quote: recolhido sob a tradução; full: mostrado por inteiro; none: não mostrado.

## Glossary
usage-glossary = Uso: /glossary add <termo> [<idioma>=<tradução> ...], /glossary remove <termo> ou /glossary para listar. Exemplo: /glossary add Elbphilharmonie es=Filarmónica del Elba
glossary-added = ✅ “{ $term }” está no glossário: { $translations }.
glossary-removed = ✅ “{ $term }” foi removido do glossário.
glossary-empty = O glossário está vazio. Adicione nomes e siglas que não devem ser traduzidos com /glossary add <termo>.
glossary-list =
    Glossário ({ $count ->
        [one] { $count } termo
       *[other] { $count } termos
    }):
    { $terms }
error-glossary-full = O glossário está cheio ({ $max } termos). Remova um termo primeiro.
error-glossary-unknown = “{ $term }” não está no glossário.
error-coordinator-only = Só a coordenação (um administrador do grupo, um administrador do bot ou quem recebeu essa função) pode fazer isso.

## Commitments
cmd-commit = Anotar um compromisso: /commit [@responsável] <o quê> [até <data>]
cmd-commitments = Compromissos em aberto da parceria
cmd-done = Marcar um compromisso como concluído: /done <nº>
cmd-blocked = Marcar um compromisso como bloqueado: /blocked <nº> <motivo>
cmd-reopen = Reabrir um compromisso: /reopen <nº>
cmd-due = Mudar um prazo: /due <nº> <data>
cmd-role = Atribuir a alguém a função de coordenação ou de membro
usage-commit = Uso: /commit [@responsável] <o que foi prometido> [até <data>], ex.: /commit enviar o orçamento até sexta-feira. Ou responda a uma mensagem com /commit [até <data>].
usage-done = Uso: /done <nº>, ex.: /done #7
usage-blocked = Uso: /blocked <nº> <motivo>, ex.: /blocked #7 falta confirmar o local
usage-reopen = Uso: /reopen <nº>
usage-due = Uso: /due <nº> <data>, ex.: /due #7 sexta-feira
usage-commitments = Uso: /commitments [all | done | overdue | @pessoa]
usage-role = Uso: /role @pessoa coordinator|officer
commitment-created = 📌 #{ $id } { $owner } ({ $city }) assume: { $text } — prazo: { $due }
commitment-done = ✅ #{ $id } concluído: { $text } ({ $owner }, marcado por { $actor })
commitment-blocked = ⛔ #{ $id } bloqueado: { $text } — { $reason } ({ $actor })
commitment-reopened = 🔄 #{ $id } reaberto: { $text } ({ $actor })
commitment-due = 📅 Novo prazo do #{ $id }: { $due } — { $text } ({ $actor })
commitment-no-due = não definido
commitments-header = Compromissos ({ $count }) — página { $page }/{ $pages }
commitment-line = #{ $id } · { $owner } ({ $city }) · prazo: { $due }{ $state }
    { $text }
commitment-state-done = { " " }· concluído
commitment-state-blocked = { " " }· bloqueado: { $reason }
commitment-state-overdue = { " " }· ⚠️ em atraso
commitments-empty = Ainda não há compromissos aqui. Anote um com /commit <o quê> até <data>.
role-coordinator = ✅ { $person } agora faz parte da coordenação desta parceria.
role-officer = ✅ { $person } agora é membro desta parceria (sem direitos de coordenação).
error-commitment-id = “{ $id }” não é um número de compromisso. Use o número mostrado como #7.
error-commitment-unknown = Não existe nenhum compromisso #{ $id } nesta parceria.
error-commitment-not-yours = Só quem assumiu o compromisso ou a coordenação pode alterá-lo.
error-commitment-already-done = #{ $id } já está concluído.
error-commitment-already-open = #{ $id } já está em aberto.
error-commit-owner = Quem assume este compromisso? Use /commit @pessoa <o quê>.
error-commit-too-long = Isso é longo demais para um compromisso (no máximo { $max } caracteres).
error-date-unreadable = Não consegui ler a data “{ $date }”. Tente, por exemplo, 2026-12-04, sexta-feira, amanhã ou em 2 semanas.
error-date-past = “{ $date }” já passou. Indique uma data futura.

## Follow-ups
cmd-followup = Agendar um acompanhamento: /followup <#nº | @pessoa | all> <quando> [nota]
cmd-followups = Acompanhamentos agendados e lembretes automáticos
cmd-report = Atividade da parceria: mensagens e compromissos
usage-followup = Uso: /followup <#nº | @pessoa | all> <quando> [nota], ex.: /followup #7 sexta-feira 10:00 por favor enviem a pauta, ou /followup all toda segunda-feira 09:00. Cancele com /followup cancel <F-nº>; veja os lembretes automáticos com /followup settings.
usage-followup-settings = Uso: /followup settings <reminder | overdue | digest | dormancy | hours | days> <valor>, ex.: /followup settings reminder 3d, /followup settings digest off, /followup settings hours 09:00-18:00, /followup settings days mon-fri
followup-scheduled =
    ⏰ Acompanhamento F{ $id } agendado — { $what }, { $when }.
    { $times }
followup-time-line = • { $city }: { $time }
followup-outside-hours = { " " }⚠️ fora do horário de trabalho local
followup-once = em { $time }
followup-target-commitment = compromisso #{ $id }
followup-target-user = { $person }
followup-target-all = todos
followup-cancelled = 🗑 Acompanhamento F{ $id } cancelado.
followups-header = Acompanhamentos agendados ({ $count }):
followups-line =
    F{ $id } · { $what } · { $when } · nota: { $note }
      próximo: { $next }
followups-next-item = { $city } { $time }
followups-empty = Nenhum acompanhamento agendado. Agende um com /followup <#nº | @pessoa | all> <quando>.
followup-settings =
    Lembretes automáticos (dentro do horário de trabalho de cada cidade):
    • lembrete antes de um prazo: { $reminder }
    • aviso quando um compromisso fica em atraso: { $overdue }
    • resumo semanal: { $digest }
    • alerta após um período sem atividade de: { $dormancy }
    • horário de trabalho: { $hours }, { $days }
    A coordenação pode alterá-los com /followup settings <nome> <valor>.
followup-settings-saved = ✅ Configuração atualizada.
setting-off = desativado
setting-on = ativado
setting-hours = { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
setting-days = { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }
rule-day = { $interval ->
        [one] todos os dias
       *[other] a cada { $interval } dias
    } às { $time }
rule-week = { $interval ->
        [one] todas as semanas, { $weekday },
       *[other] a cada { $interval } semanas, { $weekday },
    } às { $time }
rule-month = { $interval ->
        [one] todos os meses
       *[other] a cada { $interval } meses
    }, no dia { $day }, às { $time }
error-when-unreadable = Não consegui entender o horário “{ $when }”. Tente, por exemplo, em 3 dias, amanhã 10:00, 2026-12-01 09:30, sexta-feira 15:00 ou toda segunda-feira 09:00.
error-followup-id = “{ $id }” não é um número de acompanhamento. Use o número mostrado como F3.
error-followup-unknown = Não existe nenhum acompanhamento agendado F{ $id } nesta parceria.
error-followup-commitment-done = #{ $id } já está concluído: não há nada a acompanhar.
error-setting-unknown = Não existe a configuração “{ $setting }”. Use reminder, overdue, digest, dormancy, hours ou days.
error-setting-value = “{ $value }” não serve para { $setting }. Exemplos: reminder 2d, overdue off, digest monday 09:00, dormancy 21d, hours 08:00-20:00, days mon-fri.

## Nudges
nudge-followup-commitment = ⏰ Acompanhamento do #{ $id }: { $owner } ({ $city }) — { $text } — prazo: { $due }
nudge-followup-person = ⏰ Acompanhamento para { $person }
nudge-followup-all = ⏰ Acompanhamento para todos em “{ $name }”
nudge-none-open = Nenhum compromisso em aberto.
nudge-more = … e mais { $count } (/commitments)
nudge-note = 📝 { $note }
nudge-late = (Enviado com atraso: estava previsto para { $time }, enquanto o bot estava fora do ar.)
nudge-reminder = ⏳ Lembrete: o prazo do #{ $id } vence em { $due } — { $owner } ({ $city }): { $text }
nudge-overdue = ⚠️ #{ $id } está em atraso desde { $due } — { $owner } ({ $city }): { $text }. Concluído? /done { $id } · Nova data? /due { $id } <data>
nudge-digest = 📋 Resumo semanal de “{ $name }”: { $open } em aberto, { $overdue } em atraso
nudge-dormancy = 💤 “{ $name }” está sem atividade há { $days ->
        [1] { $days } dia
       *[other] { $days } dias
    } (última atividade: { $since }). Uma breve atualização mantém a cooperação viva: quais são as novidades de vocês?

## Report
report-header = 📊 “{ $name }” — atividade da parceria, últimos { $days } dias (dados de { $date })
report-city = • { $city }: { $messages ->
        [0] { $messages } mensagens
        [one] { $messages } mensagem
       *[other] { $messages } mensagens
    } · compromissos: { $made ->
        [1] { $made } assumido
       *[other] { $made } assumidos
    }, { $done ->
        [1] { $done } concluído
       *[other] { $done } concluídos
    } ({ $ontime } no prazo), { $overdue } em atraso · última atividade: { $last }
report-never = nunca
report-median = Mediana do tempo até a conclusão: { $days ->
        [1] { $days } dia
       *[other] { $days } dias
    }
report-median-none = Ainda nenhum compromisso foi concluído.
report-chart-caption = 📊 Visão geral de “{ $name }”
report-chart-messages = Mensagens, últimos { $days } dias
report-chart-commitments = Compromissos
report-chart-made = assumidos
report-chart-done = concluídos
report-chart-ontime = no prazo
report-chart-overdue = em atraso

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 Parceria “{ $name }” criada. { $person }, enviei a você o código de convite no nosso chat privado.
partnership-created-joined-code-sent = 🤝 Parceria “{ $name }” criada, e este grupo é sua primeira cidade. { $person }, enviei a você o código de convite para a próxima cidade no nosso chat privado.
partnership-invite-code-sent = { $person }, enviei a você um novo código de convite para “{ $name }” no nosso chat privado.
partnership-code-private-needed = { $person }, só envio códigos de convite em privado, e o Telegram só me permite escrever a você depois que você iniciar um chat comigo. Abra { $link }, toque em “Iniciar” e envie o comando aqui novamente. Nenhum código foi emitido.
error-code-anonymous = Os códigos de convite são enviados em privado a quem os pede, por isso não posso enviar um a um administrador anônimo. Por favor, envie o comando novamente com seu próprio nome.
start-join-code = Agora posso enviar códigos de convite a você. Envie /partnership invite (ou /partnership new <nome>) novamente no grupo da sua cidade, e o código chegará aqui.
error-unsend-other-city = Só quem escreveu a mensagem, um administrador do grupo de { $city } ou um administrador do bot pode apagá-la de todos os grupos. Para removê-la apenas deste grupo, apague a cópia aqui.
error-unsend-left = Esta mensagem foi retransmitida em uma parceria da qual este grupo não faz mais parte, por isso as cópias dela não podem mais ser apagadas daqui.

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 As cópias foram apagadas em: { $cities }.
unsend-report-kept = ⚠️ Não foi possível apagar as cópias em { $cities } (o Telegram só permite que bots apaguem mensagens até 48 horas depois de enviá-las). Um administrador de cada um desses grupos pode apagá-las manualmente.

# Dates too far ahead (hostile input)
error-date-too-far = “{ $date }” está longe demais. Indique uma data dentro dos próximos { $years } anos.

# Erros do Telegram: um grupo parceiro que não permite um tipo de mensagem
relay-kind-refused = ℹ️ { $city } não permite { $kind ->
        [photo] fotos
        [video] vídeos
        [animation] GIFs
        [audio] músicas
        [voice] mensagens de voz
        [document] arquivos
        [sticker] figurinhas
        [video_note] mensagens de vídeo
        [poll] enquetes
        [dice] dados
       *[other] mensagens deste tipo
    }, por isso esse conteúdo não é retransmitido para lá. Um administrador desse grupo pode permiti-lo nas permissões do grupo.

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = Cidades por e-mail: /email add | remove | mode
usage-email = /email mostra as cidades por e-mail; /email add <endereço> <cidade> <idioma> [fuso horário]; /email remove <endereço>; /email mode <endereço> each|digest [minutos]
usage-email-add = Uso: /email add <endereço> <cidade> <idioma> [fuso horário], por exemplo /email add wang@hz.example Hangzhou zh Asia/Shanghai. Para outro endereço de uma cidade por e-mail já existente, basta a cidade.
usage-email-remove = Uso: /email remove <endereço>
usage-email-mode = Uso: /email mode <endereço> each|digest [minutos] (um resumo no máximo a cada N minutos, 10 por padrão)
error-email-off = O e-mail não está configurado neste bot. Quem opera o bot pode definir BRIDGEBOT_EMAIL_ADDRESS, BRIDGEBOT_SMTP_URL e BRIDGEBOT_IMAP_URL.
error-email-bad-address = “{ $address }” não é um endereço de e-mail.
error-email-known = { $address } já está registrado.
error-email-city-language = { $city } ainda não é uma cidade por e-mail desta parceria: informe o idioma (e o fuso horário), por exemplo /email add <endereço> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } já participa com o seu grupo do Telegram.
error-email-unknown = { $address } não é um endereço desta parceria.
error-email-command = { $command } não pode ser usado por e-mail. Por e-mail, você pode usar /done, /blocked, /reopen, /due, /commitments e /commit.
email-invited = Convite enviado para { $address } ({ $city } ✉). O endereço não recebe mais nada até que alguém responda ao convite.
email-removed = { $address } foi removido e não recebe mais nada.
email-mode-set-each = { $address } agora recebe um e-mail por mensagem.
email-mode-set-digest = { $address } agora recebe um resumo no máximo a cada { $minutes } minutos.
email-list-empty = Esta parceria não tem cidades por e-mail. A coordenação pode convidar uma com /email add <endereço> <cidade> <idioma> [fuso horário].
email-list-header = Cidades por e-mail desta parceria:
email-mode-each = um e-mail por mensagem
email-mode-digest = resumo a cada { $minutes } min
email-state-invited = convidado, aguardando resposta
email-state-active = ativo
email-state-bouncing = os e-mails voltam
email-state-stopped = descadastrado
email-partner-joined = ✉ { $address } confirmou e agora participa por e-mail por { $city }.
email-partner-stopped = ✉ { $address } ({ $city }) cancelou a inscrição e não recebe mais e-mails.
email-partner-bouncing = ✉ Os e-mails para { $address } ({ $city }) voltam repetidamente, por isso nada mais é enviado para lá. Verifique o endereço (/email remove e depois /email add).
email-invitation-subject = Convite para a parceria { $partnership }
email-invitation =
    Prezada senhora, prezado senhor,

    { $inviter } ({ $inviter_city }) convida você a participar por e-mail da parceria { $partnership } em nome de { $city }. Cidades da parceria: { $cities }.

    Você receberá as mensagens dos parceiros traduzidas para { $language }, com o original abaixo (reunidas em um resumo), os compromissos novos e concluídos e lembretes no seu horário local. As suas respostas são traduzidas e repassadas a cada grupo parceiro; uma resposta pode começar com comandos como /done 12 ou /commit <o quê> até <data>.

    Para confirmar, basta responder a este e-mail. Até lá, você não receberá mais nada.
    Para parar a qualquer momento, responda “unsubscribe”.
email-answer-subject = Re: { $command }
email-digest-subject = { $partnership }: conversa de { $date }
email-footer = Responda a este e-mail para escrever aos parceiros; a sua resposta é traduzida para eles. Comandos: /done <número>, /blocked <número> <motivo>, /commit <o quê> até <data>, /commitments. Para parar, responda “unsubscribe”.
