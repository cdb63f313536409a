## Command menu descriptions
cmd-start = Démarrer et découvrir ce que fait bridgebot
cmd-help = Comment utiliser bridgebot
cmd-setup = Inscrire ce groupe comme ville : /setup <ville> <langue> [fuseau horaire]
cmd-partnership = Afficher le partenariat, ou new / invite / join / leave
cmd-contacts = Personne référente dans chaque ville partenaire
cmd-lang = Changer la langue de ce groupe
cmd-focal = Désigner la personne référente de cette ville : /focal @utilisateur

## Welcome and help
start-private = Bonjour ! Je suis bridgebot. Je relie les groupes Telegram de villes partenaires : chaque message apparaît dans chaque groupe partenaire, traduit dans la langue de ce groupe sur le propre serveur du bot, sans service cloud. Ajoutez-moi au groupe de votre ville pour commencer.
start-group = Bonjour ! Je suis bridgebot. Un administrateur du groupe peut l'inscrire avec /setup, puis le relier aux villes partenaires.
help =
    bridgebot relie les groupes de villes partenaires et traduit entre eux.

    Pour commencer (administrateurs du groupe) :
    /setup <ville> <langue> [fuseau horaire] — inscrire ce groupe, p. ex. /setup Hamburg de Europe/Berlin
    /partnership new <nom> — créer un partenariat (administrateurs du bot) ; vous recevez un code d'invitation
    /partnership invite — un nouveau code d'invitation pour une ville de plus
    /partnership join <code> — rattacher ce groupe à un partenariat
    /partnership leave — retirer ce groupe du partenariat
    /lang <langue> — changer la langue de ce groupe
    /focal @utilisateur — désigner la personne référente de cette ville

    Pour tout le monde :
    /partnership — les villes, leurs langues et leurs heures locales
    /contacts — la personne référente de chaque ville
    /commit <quoi> d'ici <date> — noter un engagement (en réponse à un message, reprend son texte)
    /commitments [all | done | overdue | @utilisateur] — les engagements du partenariat
    /done, /blocked, /reopen, /due <n°> — mettre à jour un engagement
    /followup <#n° | @utilisateur | all> <quand> [note] — programmer une relance (coordination), p. ex. /followup #7 vendredi 10:00, /followup all chaque lundi 09:00
    /followups — les relances programmées et les rappels automatiques ; /followup cancel <F-n°>
    /report — activité du partenariat : messages et engagements, avec graphique
    /glossary — noms et sigles que la traduction laisse inchangés
    /unsend — en réponse à votre message, supprime ses copies
    /help — ce texte

## Setup
setup-done = ✅ Ce groupe représente désormais { $city } (langue : { $language }, fuseau horaire : { $tz }, heure locale : { $time }).
setup-tz-hint = Astuce : indiquez le fuseau horaire pour que les rappels arrivent à la bonne heure locale, p. ex. /setup { $city } { $lang } Europe/Berlin.
usage-setup = Utilisation : /setup <ville> <langue> [fuseau horaire], p. ex. /setup Hamburg de Europe/Berlin

## Partnerships
usage-partnership = Utilisation : /partnership [new <nom> | invite | join <code> | leave | original quote|full|none]
usage-partnership-new = Utilisation : /partnership new <nom>, p. ex. /partnership new Hamburg–Guadalajara
usage-partnership-join = Utilisation : /partnership join <code> — avec le code qu'a reçu l'administrateur d'une autre ville.
partnership-created = 🤝 Partenariat « { $name } » créé. Code d'invitation pour la première ville : { $code } (valable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }, à usage unique). Un administrateur du groupe de cette ville doit envoyer : /partnership join { $code }
partnership-invite = Nouveau code d'invitation pour « { $name } » : { $code } (valable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }, à usage unique). Un administrateur du groupe de la nouvelle ville doit envoyer : /partnership join { $code }
partnership-joined = 🤝 Ce groupe a rejoint « { $name } », qui relie désormais { $count ->
        [one] { $count } ville
       *[other] { $count } villes
    }.
partnership-new-member = 🤝 { $city } a rejoint le partenariat « { $name } ».
partnership-left = Ce groupe a quitté le partenariat « { $name } ». Plus rien ne sera relayé ici.
partnership-show =
    🤝 { $name } — { $count ->
        [one] { $count } ville
       *[other] { $count } villes
    }
    { $members }
partnership-member-line = • { $city } — { $language }, { $time } ({ $tz }) — personne référente : { $focal }
contacts-show =
    Personne référente dans chaque ville :
    { $members }
focal-none = non défini (/focal @utilisateur)

## Group settings
lang-done = ✅ Langue de ce groupe : { $language }.
usage-lang = Utilisation : /lang <langue>, p. ex. /lang de ou /lang allemand
focal-done = ✅ { $person } est désormais la personne référente pour { $city }.
usage-focal = Utilisation : /focal @utilisateur (ou répondez par /focal à l'un de ses messages)

## Errors
error-name-empty = Le nom doit contenir au moins une lettre.
error-name-too-long = Ce nom est trop long ({ $max } caractères au maximum).
error-bad-timezone = Je ne connais pas le fuseau horaire « { $tz } ». Utilisez un nom IANA comme Europe/Berlin, America/Mexico_City ou Asia/Shanghai.
error-bad-language = Je ne connais pas la langue « { $lang } ». Utilisez un code comme de, en, zh, es, ou un nom comme allemand.
error-not-set-up = Ce groupe n'est pas encore inscrit. Un administrateur du groupe peut le faire avec /setup <ville> <langue> [fuseau horaire].
error-chat-admin-only = Seul un administrateur de ce groupe (ou du bot) peut faire cela.
error-bot-admin-only = Seul un administrateur du bot peut faire cela.
error-already-in-partnership = Ce groupe fait déjà partie d'un partenariat. Quittez-le d'abord avec /partnership leave.
error-no-partnership = Ce groupe ne fait encore partie d'aucun partenariat. Rejoignez-en un avec /partnership join <code>.
error-code-unknown = Ce code d'invitation n'est pas valide. Vérifiez-le ou demandez-en un nouveau avec /partnership invite.
error-code-used = Ce code d'invitation a déjà été utilisé. Demandez-en un nouveau avec /partnership invite.
error-code-expired = Ce code d'invitation a expiré. Demandez-en un nouveau avec /partnership invite.
error-unknown-user = Je ne connais pas encore { $user }. Cette personne doit d'abord écrire un message dans un groupe où je me trouve ; sinon, répondez à l'un de ses messages avec la commande.
error-group-only = Cette commande ne fonctionne que dans un groupe.
error-unknown-command = Je ne connais pas la commande { $command }. Envoyez /help pour voir ce que je sais faire.

## Relay
cmd-glossary = Termes que la traduction laisse tels quels
cmd-unsend = Répondez à un message par /unsend pour supprimer ses copies
relay-header = { $sender } · { $city }
relay-pivot = (traduit via l'anglais ; langue d'origine : { $source })
relay-no-model = (non traduit : aucun modèle de langue { $source } → { $target } n'est installé)
relay-group-unreachable = ⚠️ Les messages ne peuvent plus être remis à { $city } : le bot a été retiré de ce groupe ou y a perdu ses droits. Un administrateur de ce groupe peut y ajouter à nouveau le bot et rejoindre le partenariat avec un nouveau code d'invitation.
usage-unsend = Répondez par /unsend à un message relayé (ou à sa copie) pour supprimer ses copies dans les groupes partenaires.
unsend-done = 🗑 Suppression des copies dans { $count ->
        [one] { $count } groupe partenaire
       *[other] { $count } groupes partenaires
    }.
error-unsend-unknown = Ce message n'a pas été relayé : il n'y a rien à supprimer.
error-unsend-not-yours = Seul l'auteur d'un message ou un administrateur peut supprimer ses copies.
error-unsend-done = Les copies de ce message ont déjà été supprimées.
partnership-original-done = ✅ Les copies affichent désormais le texte original ainsi : { $mode }.
usage-partnership-original = Utilisation : /partnership original quote|full|none — quote : replié sous la traduction ; full : affiché en entier ; none : non affiché.

## Glossary
usage-glossary = Utilisation : /glossary add <terme> [<langue>=<traduction> ...], /glossary remove <terme>, ou /glossary pour afficher la liste. Exemple : /glossary add Elbphilharmonie es=Filarmónica del Elba
glossary-added = ✅ « { $term } » figure dans le glossaire : { $translations }.
glossary-removed = ✅ « { $term } » a été retiré du glossaire.
glossary-empty = Le glossaire est vide. Ajoutez les noms et sigles à ne pas traduire avec /glossary add <terme>.
glossary-list =
    Glossaire ({ $count ->
        [one] { $count } terme
       *[other] { $count } termes
    }) :
    { $terms }
error-glossary-full = Le glossaire est plein ({ $max } termes). Retirez d'abord un terme.
error-glossary-unknown = « { $term } » ne figure pas dans le glossaire.
error-coordinator-only = Seule la coordination (administrateurs du groupe, administrateurs du bot ou personnes ayant ce rôle) peut faire cela.

## Commitments
cmd-commit = Noter un engagement : /commit [@responsable] <quoi> [d'ici <date>]
cmd-commitments = Engagements en cours du partenariat
cmd-done = Marquer un engagement comme réalisé : /done <n°>
cmd-blocked = Marquer un engagement comme bloqué : /blocked <n°> <motif>
cmd-reopen = Rouvrir un engagement : /reopen <n°>
cmd-due = Modifier une échéance : /due <n°> <date>
cmd-role = Attribuer un rôle : coordination ou membre
usage-commit = Utilisation : /commit [@responsable] <ce qui a été promis> [d'ici <date>], p. ex. /commit envoyer le budget d'ici vendredi. Ou répondez à un message par /commit [d'ici <date>].
usage-done = Utilisation : /done <n°>, p. ex. /done #7
usage-blocked = Utilisation : /blocked <n°> <motif>, p. ex. /blocked #7 en attente de la salle
usage-reopen = Utilisation : /reopen <n°>
usage-due = Utilisation : /due <n°> <date>, p. ex. /due #7 dans 2 semaines
usage-commitments = Utilisation : /commitments [all | done | overdue | @utilisateur]
usage-role = Utilisation : /role @utilisateur coordinator|officer
commitment-created = 📌 #{ $id } { $owner } ({ $city }) s'engage à : { $text } — échéance : { $due }
commitment-done = ✅ #{ $id } réalisé : { $text } ({ $owner }, marqué par { $actor })
commitment-blocked = ⛔ #{ $id } bloqué : { $text } — { $reason } ({ $actor })
commitment-reopened = 🔄 #{ $id } rouvert : { $text } ({ $actor })
commitment-due = 📅 #{ $id } nouvelle échéance : { $due } — { $text } ({ $actor })
commitment-no-due = non définie
commitments-header = Engagements ({ $count }) — page { $page }/{ $pages }
commitment-line = #{ $id } · { $owner } ({ $city }) · échéance : { $due }{ $state }
    { $text }
commitment-state-done = { " " }· réalisé
commitment-state-blocked = { " " }· bloqué : { $reason }
commitment-state-overdue = { " " }· ⚠️ en retard
commitments-empty = Aucun engagement pour l'instant. Notez-en un avec /commit <quoi> d'ici <date>.
role-coordinator = ✅ { $person } participe désormais à la coordination de ce partenariat.
role-officer = ✅ { $person } est désormais membre de ce partenariat (sans droits de coordination).
error-commitment-id = « { $id } » n'est pas un numéro d'engagement. Utilisez le numéro affiché sous la forme #7.
error-commitment-unknown = Il n'y a pas d'engagement #{ $id } dans ce partenariat.
error-commitment-not-yours = Seule la personne responsable d'un engagement ou une personne chargée de la coordination peut le modifier.
error-commitment-already-done = #{ $id } est déjà réalisé.
error-commitment-already-open = #{ $id } est déjà en cours.
error-commit-owner = Qui prend cet engagement ? Utilisez /commit @utilisateur <quoi>.
error-commit-too-long = C'est trop long pour un engagement ({ $max } caractères au maximum).
error-date-unreadable = Je n'ai pas pu lire la date « { $date } ». Essayez p. ex. 2026-12-04, vendredi, demain ou dans 2 semaines.
error-date-past = « { $date } » est dans le passé. Veuillez indiquer une date à venir.

## Follow-ups
cmd-followup = Programmer une relance : /followup <#n° | @utilisateur | all> <quand> [note]
cmd-followups = Relances programmées et rappels automatiques
cmd-report = Activité du partenariat : messages et engagements
usage-followup = Utilisation : /followup <#n° | @utilisateur | all> <quand> [note], p. ex. /followup #7 vendredi 10:00 merci d'envoyer l'ordre du jour, ou /followup all chaque lundi 09:00. Annulez avec /followup cancel <F-n°> ; /followup settings affiche les rappels automatiques.
usage-followup-settings = Utilisation : /followup settings <reminder | overdue | digest | dormancy | hours | days> <valeur>, p. ex. /followup settings reminder 3d, /followup settings digest off, /followup settings hours 09:00-18:00, /followup settings days mon-fri
followup-scheduled =
    ⏰ Relance F{ $id } programmée — { $what }, { $when }.
    { $times }
followup-time-line = • { $city } : { $time }
followup-outside-hours = { " " }⚠️ en dehors des heures ouvrables sur place
followup-once = le { $time }
followup-target-commitment = engagement #{ $id }
followup-target-user = { $person }
followup-target-all = tout le monde
followup-cancelled = 🗑 Relance F{ $id } annulée.
followups-header = Relances programmées ({ $count }) :
followups-line =
    F{ $id } · { $what } · { $when } · note : { $note }
      prochaine : { $next }
followups-next-item = { $city } { $time }
followups-empty = Aucune relance programmée. Programmez-en une avec /followup <#n° | @utilisateur | all> <quand>.
followup-settings =
    Rappels automatiques (pendant les heures ouvrables, à l'heure locale de chaque ville) :
    • rappel avant une échéance : { $reminder }
    • avis de retard d'un engagement : { $overdue }
    • récapitulatif hebdomadaire : { $digest }
    • alerte d'inactivité quand le partenariat est silencieux depuis : { $dormancy }
    • heures ouvrables : { $hours }, { $days }
    La coordination les modifie avec /followup settings <nom> <valeur>.
followup-settings-saved = ✅ Enregistré.
setting-off = désactivé
setting-on = activé
setting-hours = { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    }
setting-days = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
rule-day = { $interval ->
        [one] tous les jours
       *[other] tous les { $interval } jours
    } à { $time }
rule-week = { $interval ->
        [one] chaque { $weekday }
       *[other] toutes les { $interval } semaines, le { $weekday },
    } à { $time }
rule-month = { $interval ->
        [one] chaque mois
       *[other] tous les { $interval } mois
    }, le { $day ->
        [1] 1er
       *[other] { $day }
    }, à { $time }
error-when-unreadable = Je n'ai pas compris l'horaire « { $when } ». Essayez p. ex. dans 3 jours, demain 10:00, 2026-12-01 09:30, vendredi 15:00 ou chaque lundi 09:00.
error-followup-id = « { $id } » n'est pas un numéro de relance. Utilisez le numéro affiché sous la forme F3.
error-followup-unknown = Il n'y a pas de relance F{ $id } programmée dans ce partenariat.
error-followup-commitment-done = #{ $id } est déjà réalisé : il n'y a rien à relancer.
error-setting-unknown = Le réglage « { $setting } » n'existe pas. Utilisez reminder, overdue, digest, dormancy, hours ou days.
error-setting-value = « { $value } » ne convient pas pour { $setting }. Exemples : reminder 2d, overdue off, digest monday 09:00, dormancy 21d, hours 08:00-20:00, days mon-fri.

## Nudges
nudge-followup-commitment = ⏰ Relance pour #{ $id } : { $owner } ({ $city }) — { $text } — échéance : { $due }
nudge-followup-person = ⏰ Relance pour { $person }
nudge-followup-all = ⏰ Relance à l'attention de tous les membres de « { $name } »
nudge-none-open = Aucun engagement en cours.
nudge-more = … et { $count } autres (/commitments)
nudge-note = 📝 { $note }
nudge-late = (Envoyé en retard : prévu le { $time }, pendant une interruption du bot.)
nudge-reminder = ⏳ Rappel : #{ $id } arrive à échéance le { $due } — { $owner } ({ $city }) : { $text }
nudge-overdue = ⚠️ #{ $id } est en retard depuis le { $due } — { $owner } ({ $city }) : { $text }. Réalisé ? /done { $id } · Nouvelle date ? /due { $id } <date>
nudge-digest = 📋 Récapitulatif hebdomadaire de « { $name } » : { $open } en cours, { $overdue } en retard
nudge-dormancy = 💤 « { $name } » est silencieux depuis { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } (dernière activité : { $since }). Un petit point suffit à faire vivre la coopération : quoi de neuf de votre côté ?

## Report
report-header = 📊 « { $name } » — activité du partenariat, { $days } derniers jours (au { $date })
report-city = • { $city } : { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    } · engagements : { $made } pris, { $done ->
        [one] { $done } réalisé
       *[other] { $done } réalisés
    } (dont { $ontime } dans les délais), { $overdue } en retard · dernière activité : { $last }
report-never = jamais
report-median = Délai médian de réalisation : { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
report-median-none = Aucun engagement n'a encore été réalisé.
report-chart-caption = 📊 « { $name } » en un coup d'œil
report-chart-messages = Messages, { $days } derniers jours
report-chart-commitments = Engagements
report-chart-made = pris
report-chart-done = réalisés
report-chart-ontime = dans les délais
report-chart-overdue = en retard

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 Partenariat « { $name } » créé. { $person }, je vous ai envoyé son code d'invitation dans notre conversation privée.
partnership-created-joined-code-sent = 🤝 Partenariat « { $name } » créé ; ce groupe en est la première ville. { $person }, je vous ai envoyé le code d'invitation pour la ville suivante dans notre conversation privée.
partnership-invite-code-sent = { $person }, je vous ai envoyé un nouveau code d'invitation pour « { $name } » dans notre conversation privée.
partnership-code-private-needed = { $person }, je n'envoie les codes d'invitation qu'en privé, et Telegram ne me permet de vous écrire qu'après que vous avez démarré une conversation avec moi. Ouvrez { $link }, appuyez sur « Démarrer », puis renvoyez la commande ici. Aucun code n'a été émis.
error-code-anonymous = Les codes d'invitation sont envoyés en privé à la personne qui les demande : je ne peux pas en envoyer à un administrateur anonyme. Veuillez renvoyer la commande sous votre propre nom.
start-join-code = Je peux désormais vous envoyer des codes d'invitation. Renvoyez /partnership invite (ou /partnership new <nom>) dans le groupe de votre ville ; le code arrivera ici.
error-unsend-other-city = Seuls l'auteur du message, un administrateur du groupe de { $city } ou un administrateur du bot peuvent supprimer ce message de tous les groupes. Pour le retirer de ce groupe seulement, supprimez la copie ici.
error-unsend-left = Ce message a été relayé dans un partenariat dont ce groupe ne fait plus partie ; ses copies ne peuvent plus être supprimées d'ici.

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 Les copies ont été supprimées dans : { $cities }.
unsend-report-kept = ⚠️ Les copies dans { $cities } n'ont pas pu être supprimées (Telegram ne permet aux bots de supprimer un message que dans les 48 heures suivant son envoi). Un administrateur de chacun de ces groupes peut les supprimer manuellement.

# Dates too far ahead (hostile input)
error-date-too-far = « { $date } » est trop éloigné dans le temps. Veuillez indiquer une date dans les { $years } prochaines années.

# Erreurs Telegram : un groupe partenaire qui n'autorise pas un type de message
relay-kind-refused = ℹ️ { $city } n'autorise pas { $kind ->
        [photo] les photos
        [video] les vidéos
        [animation] les GIF
        [audio] la musique
        [voice] les messages vocaux
        [document] les fichiers
        [sticker] les stickers
        [video_note] les messages vidéo
        [poll] les sondages
        [dice] les dés
       *[other] les messages de ce type
    } : ce contenu n'y est donc pas relayé. Un administrateur de ce groupe peut l'autoriser dans les autorisations du groupe.

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = Villes par e-mail : /email add | remove | mode
usage-email = /email affiche les villes par e-mail ; /email add <adresse> <ville> <langue> [fuseau horaire] ; /email remove <adresse> ; /email mode <adresse> each|digest [minutes]
usage-email-add = Utilisation : /email add <adresse> <ville> <langue> [fuseau horaire], par exemple /email add wang@hz.example Hangzhou zh Asia/Shanghai. Pour une autre adresse d'une ville par e-mail existante, la ville suffit.
usage-email-remove = Utilisation : /email remove <adresse>
usage-email-mode = Utilisation : /email mode <adresse> each|digest [minutes] (un récapitulatif au plus toutes les N minutes, 10 par défaut)
error-email-off = L'e-mail n'est pas configuré pour ce bot. L'exploitant peut définir BRIDGEBOT_EMAIL_ADDRESS, BRIDGEBOT_SMTP_URL et BRIDGEBOT_IMAP_URL.
error-email-bad-address = « { $address } » n'est pas une adresse e-mail.
error-email-known = { $address } est déjà enregistrée.
error-email-city-language = { $city } n'est pas encore une ville par e-mail de ce partenariat : veuillez indiquer sa langue (et son fuseau horaire), par exemple /email add <adresse> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } participe déjà avec son groupe Telegram.
error-email-unknown = { $address } n'est pas une adresse de ce partenariat.
error-email-command = { $command } n'est pas disponible par e-mail. Par e-mail, vous pouvez utiliser /done, /blocked, /reopen, /due, /commitments et /commit.
email-invited = Invitation envoyée à { $address } ({ $city } ✉). L'adresse ne reçoit rien d'autre tant que personne n'a répondu à l'invitation.
email-removed = { $address } a été retirée et ne reçoit plus rien.
email-mode-set-each = { $address } reçoit désormais un e-mail par message.
email-mode-set-digest = { $address } reçoit désormais un récapitulatif au plus toutes les { $minutes } minutes.
email-list-empty = Ce partenariat n'a aucune ville par e-mail. La coordination peut en inviter une avec /email add <adresse> <ville> <langue> [fuseau horaire].
email-list-header = Villes par e-mail de ce partenariat :
email-mode-each = un e-mail par message
email-mode-digest = récapitulatif toutes les { $minutes } min
email-state-invited = invitée, en attente de réponse
email-state-active = active
email-state-bouncing = les e-mails sont renvoyés
email-state-stopped = désabonnée
email-partner-joined = ✉ { $address } a confirmé et participe désormais par e-mail pour { $city }.
email-partner-stopped = ✉ { $address } ({ $city }) s'est désabonnée et ne reçoit plus d'e-mails.
email-partner-bouncing = ✉ Les e-mails adressés à { $address } ({ $city }) sont renvoyés à répétition ; plus rien n'y est envoyé. Veuillez vérifier l'adresse (/email remove, puis /email add).
email-invitation-subject = Invitation au partenariat { $partnership }
email-invitation =
    Madame, Monsieur,

    { $inviter } ({ $inviter_city }) vous invite à participer par e-mail au partenariat { $partnership } au titre de { $city }. Villes du partenariat : { $cities }.

    Vous recevrez les messages des partenaires traduits en { $language }, avec l'original en dessous (regroupés dans un récapitulatif), les engagements nouveaux et tenus, ainsi que des rappels à votre heure locale. Vos réponses sont traduites et transmises à chaque groupe partenaire ; une réponse peut commencer par des commandes comme /done 12 ou /commit <quoi> d'ici <date>.

    Pour confirmer, il vous suffit de répondre à cet e-mail. D'ici là, vous ne recevrez rien d'autre.
    Pour arrêter à tout moment, répondez « désabonner ».
email-answer-subject = Re : { $command }
email-digest-subject = { $partnership } : conversation du { $date }
email-footer = Répondez à cet e-mail pour écrire aux partenaires ; votre réponse est traduite pour eux. Commandes : /done <numéro>, /blocked <numéro> <raison>, /commit <quoi> d'ici <date>, /commitments. Pour arrêter, répondez « désabonner ».
