## Command menu descriptions
cmd-start = Starten und erfahren, was bridgebot tut
cmd-help = So benutzen Sie bridgebot
cmd-setup = Diese Gruppe als Stadt anmelden: /setup <Stadt> <Sprache> [Zeitzone]
cmd-partnership = Partnerschaft anzeigen, oder new / invite / join / leave
cmd-contacts = Ansprechpersonen in jeder Partnerstadt
cmd-lang = Sprache dieser Gruppe ändern
cmd-focal = Ansprechperson dieser Stadt festlegen: /focal @Person

## Welcome and help
start-private = Guten Tag! Ich bin bridgebot. Ich verbinde die Telegram-Gruppen von Partnerstädten: Jede Nachricht erscheint in jeder Partnergruppe, übersetzt in die Sprache dieser Gruppe – auf dem eigenen Server des Bots, ohne Cloud-Dienst. Fügen Sie mich zur Gruppe Ihrer Stadt hinzu, um zu beginnen.
start-group = Guten Tag! Ich bin bridgebot. Ein Gruppenadmin kann diese Gruppe mit /setup anmelden und sie dann mit den Partnerstädten verbinden.
help =
    bridgebot verbindet die Gruppen von Partnerstädten und übersetzt zwischen ihnen.

    Erste Schritte (Gruppenadmins):
    /setup <Stadt> <Sprache> [Zeitzone] — diese Gruppe anmelden, z. B. /setup Hamburg de Europe/Berlin
    /partnership new <Name> — eine Partnerschaft anlegen (Bot-Admins); Sie erhalten einen Beitrittscode
    /partnership invite — ein neuer Beitrittscode für eine weitere Stadt
    /partnership join <Code> — diese Gruppe mit einer Partnerschaft verbinden
    /partnership leave — diese Gruppe aus der Partnerschaft lösen
    /lang <Sprache> — Sprache dieser Gruppe ändern
    /focal @Person — die Ansprechperson dieser Stadt festlegen

    Für alle:
    /partnership — die Städte, ihre Sprachen und Ortszeiten
    /contacts — die Ansprechperson jeder Stadt
    /commit <was> bis <Datum> — eine Zusage eintragen (als Antwort: mit dem Text dieser Nachricht)
    /commitments [all | done | overdue | @Person] — die Zusagen der Partnerschaft
    /done, /blocked, /reopen, /due <Nr> — eine Zusage ändern
    /followup <#Nr | @Person | all> <wann> [Notiz] — eine Wiedervorlage planen (Koordination), z. B. /followup #7 Freitag 10:00, /followup all jeden Montag 09:00
    /followups — geplante Wiedervorlagen und automatische Hinweise; /followup cancel <F-Nr>
    /report — Aktivität der Partnerschaft: Nachrichten und Zusagen, mit Diagramm
    /glossary — Namen und Abkürzungen, die die Übersetzung unverändert lässt
    /unsend — als Antwort auf die eigene Nachricht: ihre Kopien löschen
    /help — dieser Text

## Setup
setup-done = ✅ Diese Gruppe ist jetzt als { $city } angemeldet: Sprache { $language }, Zeitzone { $tz } (Ortszeit { $time }).
setup-tz-hint = Tipp: Geben Sie die Zeitzone an, damit Erinnerungen zur richtigen Ortszeit kommen, z. B. /setup { $city } { $lang } Europe/Berlin.
usage-setup = Verwendung: /setup <Stadt> <Sprache> [Zeitzone], z. B. /setup Hamburg de Europe/Berlin

## Partnerships
usage-partnership = Verwendung: /partnership [new <Name> | invite | join <Code> | leave | original quote|full|none]
usage-partnership-new = Verwendung: /partnership new <Name>, z. B. /partnership new Hamburg–Guadalajara
usage-partnership-join = Verwendung: /partnership join <Code> — mit dem Code, den der Admin einer anderen Stadt erhalten hat.
partnership-created = 🤝 Partnerschaft „{ $name }“ angelegt. Beitrittscode für die erste Stadt: { $code } ({ $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig, einmal verwendbar). Ein Admin der Gruppe dieser Stadt sendet dann: /partnership join { $code }
partnership-invite = Neuer Beitrittscode für „{ $name }“: { $code } ({ $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig, einmal verwendbar). Ein Admin der Gruppe der neuen Stadt sendet dann: /partnership join { $code }
partnership-joined = 🤝 Diese Gruppe ist „{ $name }“ beigetreten; die Partnerschaft verbindet jetzt { $count ->
        [one] { $count } Stadt
       *[other] { $count } Städte
    }.
partnership-new-member = 🤝 { $city } ist der Partnerschaft „{ $name }“ beigetreten.
partnership-left = Diese Gruppe hat die Partnerschaft „{ $name }“ verlassen. Hierher wird nichts mehr übertragen.
partnership-show =
    🤝 { $name } — { $count ->
        [one] { $count } Stadt
       *[other] { $count } Städte
    }
    { $members }
partnership-member-line = • { $city } — { $language }, { $time } ({ $tz }) — Ansprechperson: { $focal }
contacts-show =
    Ansprechpersonen in jeder Stadt:
    { $members }
focal-none = nicht festgelegt (/focal @Person)

## Group settings
lang-done = ✅ Die Sprache dieser Gruppe ist jetzt { $language }.
usage-lang = Verwendung: /lang <Sprache>, z. B. /lang de oder /lang Deutsch
focal-done = ✅ { $person } ist jetzt Ansprechperson für { $city }.
usage-focal = Verwendung: /focal @Person (oder /focal als Antwort auf eine Nachricht dieser Person)

## Errors
error-name-empty = Der Name braucht mindestens einen Buchstaben.
error-name-too-long = Dieser Name ist zu lang. Bitte höchstens { $max } Zeichen verwenden.
error-bad-timezone = „{ $tz }“ ist keine Zeitzone, die ich kenne. Bitte einen IANA-Namen wie Europe/Berlin, America/Mexico_City oder Asia/Shanghai verwenden.
error-bad-language = „{ $lang }“ ist keine Sprache, die ich kenne. Bitte einen Code wie de, en, zh, es oder einen Namen wie Deutsch verwenden.
error-not-set-up = Diese Gruppe ist noch nicht angemeldet. Ein Gruppenadmin kann das mit /setup <Stadt> <Sprache> [Zeitzone] tun.
error-chat-admin-only = Das kann nur ein Admin dieser Gruppe (oder ein Bot-Admin).
error-bot-admin-only = Das kann nur ein Bot-Admin.
error-already-in-partnership = Diese Gruppe ist bereits in einer Partnerschaft. Verlassen Sie sie zuerst mit /partnership leave.
error-no-partnership = Diese Gruppe ist noch in keiner Partnerschaft. Treten Sie mit /partnership join <Code> einer Partnerschaft bei.
error-code-unknown = Dieser Beitrittscode ist ungültig. Bitte prüfen Sie ihn oder fordern Sie mit /partnership invite einen neuen an.
error-code-used = Dieser Beitrittscode wurde bereits verwendet. Bitte fordern Sie mit /partnership invite einen neuen an.
error-code-expired = Dieser Beitrittscode ist abgelaufen. Bitte fordern Sie mit /partnership invite einen neuen an.
error-unknown-user = { $user } kenne ich noch nicht. Die Person muss zuerst in einer Gruppe, in der ich Mitglied bin, eine Nachricht schreiben – oder Sie antworten mit dem Befehl auf eine ihrer Nachrichten.
error-group-only = Dieser Befehl funktioniert nur in Gruppen.
error-unknown-command = Den Befehl { $command } kenne ich nicht. Mit /help sehen Sie, was ich kann.

## Relay
cmd-glossary = Begriffe, die die Übersetzung unverändert lässt
cmd-unsend = Mit /unsend auf eine Nachricht antworten, um ihre Kopien zu löschen
relay-header = { $sender } · { $city }
relay-pivot = (über Englisch übersetzt; Ausgangssprache: { $source })
relay-no-model = (nicht übersetzt: kein Sprachmodell { $source } → { $target } installiert)
relay-group-unreachable = ⚠️ Nachrichten können nicht mehr an { $city } zugestellt werden: Der Bot wurde aus dieser Gruppe entfernt oder hat dort keine Rechte mehr. Ein Admin dort kann den Bot wieder hinzufügen und mit einem neuen Beitrittscode beitreten.
usage-unsend = Antworten Sie mit /unsend auf eine übertragene Nachricht (oder ihre Kopie), um ihre Kopien in den Partnergruppen zu löschen.
unsend-done = 🗑 Die Kopien in { $count ->
        [one] { $count } Partnergruppe
       *[other] { $count } Partnergruppen
    } werden gelöscht.
error-unsend-unknown = Diese Nachricht wurde nicht übertragen; es gibt nichts zu löschen.
error-unsend-not-yours = Nur wer die Nachricht geschrieben hat oder ein Admin kann ihre Kopien löschen.
error-unsend-done = Die Kopien dieser Nachricht wurden bereits gelöscht.
partnership-original-done = ✅ Kopien zeigen den Originaltext jetzt so: { $mode }.
usage-partnership-original = Verwendung: /partnership original quote|full|none — quote: eingeklappt unter der Übersetzung; full: vollständig; none: gar nicht.

## Glossary
usage-glossary = Verwendung: /glossary add <Begriff> [<Sprache>=<Übersetzung> ...], /glossary remove <Begriff> oder /glossary zum Auflisten. Beispiel: /glossary add Elbphilharmonie es=Filarmónica del Elba
glossary-added = ✅ „{ $term }“ steht im Glossar: { $translations }.
glossary-removed = ✅ „{ $term }“ wurde aus dem Glossar entfernt.
glossary-empty = Das Glossar ist leer. Namen und Abkürzungen, die nicht übersetzt werden sollen, fügen Sie mit /glossary add <Begriff> hinzu.
glossary-list =
    Glossar ({ $count ->
        [one] { $count } Begriff
       *[other] { $count } Begriffe
    }):
    { $terms }
error-glossary-full = Das Glossar ist voll ({ $max } Begriffe). Bitte entfernen Sie zuerst einen Begriff.
error-glossary-unknown = „{ $term }“ steht nicht im Glossar.
error-coordinator-only = Das darf nur die Koordination (Gruppenadmins, Bot-Admins und Personen mit dieser Rolle).

## Commitments
cmd-commit = Zusage eintragen: /commit [@Person] <was> [bis <Datum>]
cmd-commitments = Offene Zusagen der Partnerschaft
cmd-done = Zusage als erledigt markieren: /done <Nr>
cmd-blocked = Zusage als blockiert markieren: /blocked <Nr> <Grund>
cmd-reopen = Zusage wieder öffnen: /reopen <Nr>
cmd-due = Frist ändern: /due <Nr> <Datum>
cmd-role = Rolle vergeben: Koordination oder Mitglied
usage-commit = Verwendung: /commit [@Person] <was zugesagt wurde> [bis <Datum>], z. B. /commit Budget schicken bis Freitag. Oder /commit [bis <Datum>] als Antwort auf eine Nachricht.
usage-done = Verwendung: /done <Nr>, z. B. /done #7
usage-blocked = Verwendung: /blocked <Nr> <Grund>, z. B. /blocked #7 Raum noch nicht bestätigt
usage-reopen = Verwendung: /reopen <Nr>
usage-due = Verwendung: /due <Nr> <Datum>, z. B. /due #7 Freitag
usage-commitments = Verwendung: /commitments [all | done | overdue | @Person]
usage-role = Verwendung: /role @Person coordinator|officer
commitment-created = 📌 #{ $id } { $owner } ({ $city }) übernimmt: { $text } — Frist: { $due }
commitment-done = ✅ #{ $id } erledigt: { $text } ({ $owner }, markiert von { $actor })
commitment-blocked = ⛔ #{ $id } blockiert: { $text } — { $reason } ({ $actor })
commitment-reopened = 🔄 #{ $id } wieder offen: { $text } ({ $actor })
commitment-due = 📅 #{ $id } neue Frist: { $due } — { $text } ({ $actor })
commitment-no-due = keine
commitments-header = Zusagen ({ $count }) — Seite { $page }/{ $pages }
commitment-line = #{ $id } · { $owner } ({ $city }) · Frist: { $due }{ $state }
    { $text }
commitment-state-done = { " " }· erledigt
commitment-state-blocked = { " " }· blockiert: { $reason }
commitment-state-overdue = { " " }· ⚠️ überfällig
commitments-empty = Hier gibt es noch keine Zusagen. Tragen Sie eine mit /commit <was> bis <Datum> ein.
role-coordinator = ✅ { $person } koordiniert jetzt diese Partnerschaft mit.
role-officer = ✅ { $person } ist jetzt Mitglied dieser Partnerschaft (ohne Koordinationsrechte).
error-commitment-id = „{ $id }“ ist keine Nummer einer Zusage. Bitte die Nummer verwenden, die als #7 angezeigt wird.
error-commitment-unknown = In dieser Partnerschaft gibt es keine Zusage #{ $id }.
error-commitment-not-yours = Nur wer die Zusage übernommen hat oder die Koordination kann sie ändern.
error-commitment-already-done = #{ $id } ist bereits erledigt.
error-commitment-already-open = #{ $id } ist bereits offen.
error-commit-owner = Wer übernimmt diese Zusage? Bitte /commit @Person <was> verwenden.
error-commit-too-long = Das ist zu lang für eine Zusage. Bitte höchstens { $max } Zeichen verwenden.
error-date-unreadable = Das Datum „{ $date }“ kann ich nicht lesen. Möglich sind z. B. 2026-12-04, Freitag, morgen oder in 2 Wochen.
error-date-past = „{ $date }“ liegt in der Vergangenheit. Bitte geben Sie ein Datum in der Zukunft an.

## Follow-ups
cmd-followup = Wiedervorlage planen: /followup <#Nr | @Person | all> <wann> [Notiz]
cmd-followups = Geplante Wiedervorlagen und automatische Hinweise
cmd-report = Aktivität der Partnerschaft: Nachrichten und Zusagen
usage-followup = Verwendung: /followup <#Nr | @Person | all> <wann> [Notiz], z. B. /followup #7 Freitag 10:00 bitte die Tagesordnung schicken, oder /followup all jeden Montag 09:00. Löschen mit /followup cancel <F-Nr>; die automatischen Hinweise zeigt /followup settings.
usage-followup-settings = Verwendung: /followup settings <reminder | overdue | digest | dormancy | hours | days> <Wert>, z. B. /followup settings reminder 3d, /followup settings digest off, /followup settings hours 09:00-18:00, /followup settings days mon-fri
followup-scheduled =
    ⏰ Wiedervorlage F{ $id } geplant — { $what }, { $when }.
    { $times }
followup-time-line = • { $city }: { $time }
followup-outside-hours = { " " }⚠️ dort außerhalb der Arbeitszeit
followup-once = am { $time }
followup-target-commitment = Zusage #{ $id }
followup-target-user = { $person }
followup-target-all = alle
followup-cancelled = 🗑 Wiedervorlage F{ $id } gelöscht.
followups-header = Geplante Wiedervorlagen ({ $count }):
followups-line =
    F{ $id } · { $what } · { $when } · Notiz: { $note }
      nächste: { $next }
followups-next-item = { $city } { $time }
followups-empty = Keine Wiedervorlagen geplant. Planen mit /followup <#Nr | @Person | all> <wann>.
followup-settings =
    Automatische Hinweise (innerhalb der Arbeitszeit der jeweiligen Stadt):
    • Erinnerung vor einer Frist: { $reminder }
    • Hinweis bei überfälligen Zusagen: { $overdue }
    • Wochenübersicht: { $digest }
    • Hinweis bei Funkstille in der Partnerschaft nach: { $dormancy }
    • Arbeitszeit: { $hours }, { $days }
    Die Koordination ändert sie mit /followup settings <Name> <Wert>.
followup-settings-saved = ✅ Gespeichert.
setting-off = aus
setting-on = an
setting-hours = { $hours ->
        [one] { $hours } Stunde
       *[other] { $hours } Stunden
    }
setting-days = { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    }
rule-day = { $interval ->
        [one] täglich
       *[other] alle { $interval } Tage
    } um { $time }
rule-week = { $interval ->
        [one] jeden { $weekday }
       *[other] alle { $interval } Wochen am { $weekday }
    } um { $time }
rule-month = { $interval ->
        [one] jeden Monat
       *[other] alle { $interval } Monate
    } am { $day }. um { $time }
error-when-unreadable = Die Zeitangabe „{ $when }“ verstehe ich nicht. Möglich sind z. B.: in 3d, morgen 10:00, 2026-12-01 09:30, Freitag 15:00 oder jeden Montag 09:00.
error-followup-id = „{ $id }“ ist keine Nummer einer Wiedervorlage. Bitte die Nummer verwenden, die als F3 angezeigt wird.
error-followup-unknown = In dieser Partnerschaft gibt es keine geplante Wiedervorlage F{ $id }.
error-followup-commitment-done = #{ $id } ist bereits erledigt: Eine Wiedervorlage ist nicht mehr nötig.
error-setting-unknown = Die Einstellung „{ $setting }“ gibt es nicht. Möglich sind reminder, overdue, digest, dormancy, hours und days.
error-setting-value = „{ $value }“ passt nicht zu { $setting }. Beispiele: reminder 2d, overdue off, digest monday 09:00, dormancy 21d, hours 08:00-20:00, days mon-fri.

## Nudges
nudge-followup-commitment = ⏰ Wiedervorlage zu #{ $id }: { $owner } ({ $city }) — { $text } — Frist: { $due }
nudge-followup-person = ⏰ Wiedervorlage für { $person }
nudge-followup-all = ⏰ Wiedervorlage an alle in „{ $name }“
nudge-none-open = Keine offenen Zusagen.
nudge-more = … und { $count } weitere (/commitments)
nudge-note = 📝 { $note }
nudge-late = (Verspätet gesendet: war für den { $time } geplant, als der Bot nicht lief.)
nudge-reminder = ⏳ Erinnerung: #{ $id } ist am { $due } fällig — { $owner } ({ $city }): { $text }
nudge-overdue = ⚠️ #{ $id } ist seit dem { $due } überfällig — { $owner } ({ $city }): { $text }. Erledigt? /done { $id } · Neue Frist? /due { $id } <Datum>
nudge-digest = 📋 Wochenübersicht von „{ $name }“: { $open } offen, { $overdue } überfällig
nudge-dormancy = 💤 In „{ $name }“ ist es seit { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } still (letzte Aktivität: { $since }). Ein kurzer Zwischenstand hält die Zusammenarbeit lebendig: Was gibt es Neues bei Ihnen?

## Report
report-header = 📊 „{ $name }“ — Aktivität der Partnerschaft in den letzten { $days } Tagen (Stand: { $date })
report-city = • { $city }: { $messages ->
        [one] { $messages } Nachricht
       *[other] { $messages } Nachrichten
    } · Zusagen: { $made } gegeben, { $done } erledigt ({ $ontime } pünktlich), { $overdue } überfällig · zuletzt aktiv: { $last }
report-never = nie
report-median = Median bis zur Erledigung: { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }
report-median-none = Noch keine Zusage erledigt.
report-chart-caption = 📊 „{ $name }“ auf einen Blick
report-chart-messages = Nachrichten, letzte { $days } Tage
report-chart-commitments = Zusagen
report-chart-made = gegeben
report-chart-done = erledigt
report-chart-ontime = pünktlich
report-chart-overdue = überfällig

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 Partnerschaft „{ $name }“ angelegt. { $person }, ich habe Ihnen den Beitrittscode in unserem privaten Chat geschickt.
partnership-created-joined-code-sent = 🤝 Partnerschaft „{ $name }“ angelegt; diese Gruppe ist ihre erste Stadt. { $person }, ich habe Ihnen den Beitrittscode für die nächste Stadt in unserem privaten Chat geschickt.
partnership-invite-code-sent = { $person }, ich habe Ihnen einen neuen Beitrittscode für „{ $name }“ in unserem privaten Chat geschickt.
partnership-code-private-needed = { $person }, Beitrittscodes sende ich nur privat, und Telegram erlaubt mir das erst, wenn Sie einen Chat mit mir begonnen haben. Öffnen Sie { $link }, tippen Sie auf „Starten“ und senden Sie den Befehl dann hier noch einmal. Es wurde kein Code ausgestellt.
error-code-anonymous = Beitrittscodes sende ich nur privat an die Person, die sie anfordert; einem anonymen Admin kann ich daher keinen senden. Bitte senden Sie den Befehl noch einmal unter Ihrem eigenen Namen.
start-join-code = Jetzt kann ich Ihnen Beitrittscodes senden. Senden Sie /partnership invite (oder /partnership new <Name>) noch einmal in der Gruppe Ihrer Stadt; der Code kommt dann hier an.
error-unsend-other-city = Nur wer die Nachricht geschrieben hat, ein Admin der Gruppe von { $city } oder ein Bot-Admin kann sie aus allen Gruppen löschen. Um sie nur aus dieser Gruppe zu entfernen, löschen Sie die Kopie hier.
error-unsend-left = Diese Nachricht wurde in einer Partnerschaft übertragen, zu der diese Gruppe nicht mehr gehört; ihre Kopien können von hier aus nicht mehr gelöscht werden.

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 Die Kopien wurden gelöscht in: { $cities }.
unsend-report-kept = ⚠️ Die Kopien in { $cities } konnten nicht gelöscht werden (Telegram erlaubt Bots das Löschen von Nachrichten nur bis 48 Stunden nach dem Senden). Ein Admin der jeweiligen Gruppe kann sie von Hand löschen.

# Dates too far ahead (hostile input)
error-date-too-far = „{ $date }“ liegt zu weit in der Zukunft. Bitte geben Sie ein Datum innerhalb der nächsten { $years } Jahre an.

# Telegram-Fehler: eine Partnergruppe, die eine Art von Nachricht nicht erlaubt
relay-kind-refused = ℹ️ { $city } erlaubt keine { $kind ->
        [photo] Fotos
        [video] Videos
        [animation] GIFs
        [audio] Musik
        [voice] Sprachnachrichten
        [document] Dateien
        [sticker] Sticker
        [video_note] Videonachrichten
        [poll] Umfragen
        [dice] Würfel
       *[other] Nachrichten dieser Art
    }; solche Inhalte werden deshalb nicht dorthin übertragen. Ein Admin dieser Gruppe kann sie in den Gruppenberechtigungen erlauben.

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = E-Mail-Städte: /email add | remove | mode
usage-email = /email zeigt die E-Mail-Städte; /email add <Adresse> <Stadt> <Sprache> [Zeitzone]; /email remove <Adresse>; /email mode <Adresse> each|digest [Minuten]
usage-email-add = Verwendung: /email add <Adresse> <Stadt> <Sprache> [Zeitzone], z. B. /email add wang@hz.example Hangzhou zh Asia/Shanghai. Für eine weitere Adresse einer bestehenden E-Mail-Stadt genügt die Stadt.
usage-email-remove = Verwendung: /email remove <Adresse>
usage-email-mode = Verwendung: /email mode <Adresse> each|digest [Minuten] (eine Sammelmail höchstens alle N Minuten, standardmäßig 10)
error-email-off = Für diesen Bot ist keine E-Mail eingerichtet. Der Betrieb kann BRIDGEBOT_EMAIL_ADDRESS, BRIDGEBOT_SMTP_URL und BRIDGEBOT_IMAP_URL setzen.
error-email-bad-address = „{ $address }“ ist keine E-Mail-Adresse.
error-email-known = { $address } ist bereits eingetragen.
error-email-city-language = { $city } ist noch keine E-Mail-Stadt dieser Partnerschaft: Bitte geben Sie ihre Sprache (und Zeitzone) an, z. B. /email add <Adresse> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } nimmt bereits mit ihrer Telegram-Gruppe teil.
error-email-unknown = { $address } ist keine Adresse dieser Partnerschaft.
error-email-command = { $command } ist per E-Mail nicht möglich. Per E-Mail verfügbar sind: /done, /blocked, /reopen, /due, /commitments und /commit.
email-invited = Einladung an { $address } ({ $city } ✉) gesendet. Die Adresse erhält nichts weiter, bis jemand auf die Einladung antwortet.
email-removed = { $address } wurde entfernt und erhält nichts mehr.
email-mode-set-each = { $address } erhält jetzt eine Mail pro Nachricht.
email-mode-set-digest = { $address } erhält jetzt höchstens alle { $minutes } Minuten eine Sammelmail.
email-list-empty = Diese Partnerschaft hat keine E-Mail-Städte. Die Koordination kann eine mit /email add <Adresse> <Stadt> <Sprache> [Zeitzone] einladen.
email-list-header = E-Mail-Städte dieser Partnerschaft:
email-mode-each = eine Mail pro Nachricht
email-mode-digest = Sammelmail alle { $minutes } Min.
email-state-invited = eingeladen, Antwort steht aus
email-state-active = aktiv
email-state-bouncing = Mails kommen zurück
email-state-stopped = abgemeldet
email-partner-joined = ✉ { $address } hat bestätigt und nimmt jetzt per E-Mail für { $city } teil.
email-partner-stopped = ✉ { $address } ({ $city }) hat sich abgemeldet und erhält keine Mails mehr.
email-partner-bouncing = ✉ Mails an { $address } ({ $city }) kommen wiederholt zurück; dorthin wird nichts mehr gesendet. Bitte prüfen Sie die Adresse (/email remove, dann /email add).
email-invitation-subject = Einladung zur Partnerschaft { $partnership }
email-invitation =
    Sehr geehrte Damen und Herren,

    { $inviter } ({ $inviter_city }) lädt Sie ein, per E-Mail an der Partnerschaft { $partnership } teilzunehmen, für { $city }. Städte der Partnerschaft: { $cities }.

    Sie erhalten die Nachrichten der Partner auf { $language } übersetzt, mit dem Original darunter (in einer Sammelmail), neue und erledigte Zusagen sowie Erinnerungen zu Ihrer Ortszeit. Ihre Antworten werden übersetzt und an jede Partnergruppe weitergegeben; eine Antwort kann mit Befehlen wie /done 12 oder /commit <was> bis <Datum> beginnen.

    Zur Bestätigung antworten Sie einfach auf diese Mail. Bis dahin erhalten Sie nichts weiter.
    Sie können jederzeit aufhören: Antworten Sie mit „abmelden“.
email-answer-subject = Re: { $command }
email-digest-subject = { $partnership }: Gespräch vom { $date }
email-footer = Antworten Sie auf diese Mail, um den Partnern zu schreiben; Ihre Antwort wird für sie übersetzt. Befehle: /done <Nummer>, /blocked <Nummer> <Grund>, /commit <was> bis <Datum>, /commitments. Zum Abmelden antworten Sie mit „abmelden“.
