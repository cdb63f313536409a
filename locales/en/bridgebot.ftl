### For translators: one word per concept, the same in every message.
###   partnership      the linked groups of partner cities (a twinning or a project group); /partnership
###   city             one group in a partnership, registered with /setup
###   join code        the one-time code a new city's group sends with /partnership join
###   commitment       a task someone took on, numbered #7: open, done, blocked, overdue
###   follow-up        a message a coordinator schedules with /followup, numbered F3
###   reminder, overdue notice, weekly digest, dormancy alert
###                    the automatic messages (together: "automatic reminders"); never called follow-ups
###   contact person   the person to contact in a city, set with /focal
###   coordinator      may schedule follow-ups, change settings and anyone's commitments: group admins,
###                    bot admins and people given the role with /role @user coordinator
###   officer          an ordinary member without coordinator rights (/role @user officer takes the role back)
### The words after a command (coordinator|officer, all, done, overdue, settings names) are typed as they are:
### do not translate them. Times in examples must parse in your language (tests/test_schedule.py checks).

## Command menu descriptions
cmd-start = Start and see what bridgebot does
cmd-help = How to use bridgebot
cmd-setup = Register this group as a city: /setup <city> <language> [time zone]
cmd-partnership = Show the partnership, or new / invite / join / leave
cmd-contacts = Who to contact in each partner city
cmd-lang = Change this group's language
cmd-focal = Set this city's contact person: /focal @user

## Welcome and help
start-private = Hello! I am bridgebot. I connect the Telegram groups of partner cities: every message appears in every partner group, translated on the bot's own server (no cloud service) into that group's language. Add me to your city's group to begin.
start-group = Hello! I am bridgebot. A group admin can register this group with /setup, then link it to the partner cities.
help =
    bridgebot connects the groups of partner cities and translates between them.

    Getting started (group admins):
    /setup <city> <language> [time zone] — register this group, e.g. /setup Hamburg de Europe/Berlin
    /partnership new <name> — create a partnership (bot admins); you get a join code
    /partnership invite — a fresh join code for one more city
    /partnership join <code> — link this group into a partnership
    /partnership leave — take this group out of the partnership
    /lang <language> — change this group's language
    /focal @user — set this city's contact person

    For everyone:
    /partnership — the cities, their languages and local times
    /contacts — each city's contact person
    /commit <what> by <date> — log a commitment (reply to a message to take its text)
    /commitments [all | done | overdue | @user] — the partnership's commitments
    /done, /blocked, /reopen, /due <id> — update a commitment
    /followup <#id | @user | all> <when> [note] — schedule a follow-up (coordinators), e.g. /followup #7 friday 10:00, /followup all every monday 09:00
    /followups — scheduled follow-ups and the automatic reminders; /followup cancel <F-id>
    /report — partnership activity: messages and commitments, with a chart
    /glossary — names and acronyms translation keeps unchanged
    /unsend — reply to your message to delete its copies
    /help — this text

## Setup
setup-done = ✅ This group is now registered as { $city }: language { $language }, time zone { $tz } (local time { $time }).
setup-tz-hint = Tip: add the time zone so reminders come at the right local time, e.g. /setup { $city } { $lang } Europe/Berlin.
usage-setup = Usage: /setup <city> <language> [time zone], e.g. /setup Hamburg de Europe/Berlin

## Partnerships
usage-partnership = Usage: /partnership [new <name> | invite | join <code> | leave | original quote|full|none]
usage-partnership-new = Usage: /partnership new <name>, e.g. /partnership new Hamburg–Guadalajara
usage-partnership-join = Usage: /partnership join <code> — use the code another city's admin received.
partnership-created = 🤝 Partnership “{ $name }” created. Join code for the first city: { $code } (valid for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, single use). An admin of that city's group should send: /partnership join { $code }
partnership-invite = New join code for “{ $name }”: { $code } (valid for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, single use). An admin of the new city's group should send: /partnership join { $code }
partnership-joined = 🤝 This group joined “{ $name }”, which now links { $count ->
        [one] { $count } city
       *[other] { $count } cities
    }.
partnership-new-member = 🤝 { $city } joined the partnership “{ $name }”.
partnership-left = This group left the partnership “{ $name }”. Nothing will be relayed here any more.
partnership-show =
    🤝 { $name } — { $count ->
        [one] { $count } city
       *[other] { $count } cities
    }
    { $members }
partnership-member-line = • { $city } — { $language }, { $time } ({ $tz }) — contact person: { $focal }
contacts-show =
    Contact person in each city:
    { $members }
focal-none = not set (/focal @user)

## Group settings
lang-done = ✅ This group's language is now { $language }.
usage-lang = Usage: /lang <language>, e.g. /lang de or /lang German
focal-done = ✅ { $person } is now the contact person for { $city }.
usage-focal = Usage: /focal @user (or reply to one of their messages with /focal)

## Errors
error-name-empty = The name needs at least one letter.
error-name-too-long = That name is too long: at most { $max } characters, please.
error-bad-timezone = “{ $tz }” is not a time zone I know. Use an IANA name such as Europe/Berlin, America/Mexico_City or Asia/Shanghai.
error-bad-language = “{ $lang }” is not a language I know. Use a code like de, en, zh, es, or a name like German.
error-not-set-up = This group is not registered yet. A group admin can do it with /setup <city> <language> [time zone].
error-chat-admin-only = Only an admin of this group (or a bot admin) can do that.
error-bot-admin-only = Only a bot admin can do that.
error-already-in-partnership = This group is already in a partnership. Leave it first with /partnership leave.
error-no-partnership = This group is not in a partnership yet. Join one with /partnership join <code>.
error-code-unknown = That join code is not valid. Check it, or ask for a fresh one with /partnership invite.
error-code-used = That join code has already been used. Ask for a fresh one with /partnership invite.
error-code-expired = That join code has expired. Ask for a fresh one with /partnership invite.
error-unknown-user = I don't know { $user } yet. They need to post a message in a group I am in first, or you can reply to one of their messages with the command.
error-group-only = This command only works in a group chat.
error-unknown-command = I don't know the command { $command }. Send /help to see what I can do.

## Relay
cmd-glossary = Terms that translation keeps as they are
cmd-unsend = Reply to a message with /unsend to delete its copies
relay-header = { $sender } · { $city }
relay-pivot = (translated from { $source } via English)
relay-no-model = (not translated: no { $source } → { $target } language model is installed)
relay-group-unreachable = ⚠️ Messages can no longer be delivered to { $city }: the bot was removed from that group or lost its permissions there. A group admin there can add the bot again and rejoin with a new join code.
usage-unsend = Reply to a relayed message (or its copy) with /unsend to delete its copies in the partner groups.
unsend-done = 🗑 Deleting the copies in { $count ->
        [one] { $count } partner group
       *[other] { $count } partner groups
    }.
error-unsend-unknown = That message was not relayed, so there is nothing to delete.
error-unsend-not-yours = Only the author of a message or an admin can delete its copies.
error-unsend-done = The copies of that message have already been deleted.
partnership-original-done = ✅ Copies now show the original text as: { $mode }.
usage-partnership-original = Usage: /partnership original quote|full|none — quote: folded under the translation; full: shown in full; none: not shown.

## Glossary
usage-glossary = Usage: /glossary add <term> [<language>=<translation> ...], /glossary remove <term>, or /glossary to list. Example: /glossary add Elbphilharmonie es=Filarmónica del Elba
glossary-added = ✅ “{ $term }” is in the glossary: { $translations }.
glossary-removed = ✅ “{ $term }” was removed from the glossary.
glossary-empty = The glossary is empty. Add names and acronyms that must not be translated with /glossary add <term>.
glossary-list =
    Glossary ({ $count ->
        [one] { $count } term
       *[other] { $count } terms
    }):
    { $terms }
error-glossary-full = The glossary is full ({ $max } terms). Remove a term first.
error-glossary-unknown = “{ $term }” is not in the glossary.
error-coordinator-only = Only a coordinator (a group admin, a bot admin or someone given the role) can do that.

## Commitments
cmd-commit = Log a commitment: /commit [@owner] <what> [by <date>]
cmd-commitments = Open commitments of the partnership
cmd-done = Mark a commitment done: /done <id>
cmd-blocked = Mark a commitment blocked: /blocked <id> <reason>
cmd-reopen = Reopen a commitment: /reopen <id>
cmd-due = Change a due date: /due <id> <date>
cmd-role = Make someone a coordinator or an officer
usage-commit = Usage: /commit [@owner] <what was promised> [by <date>], e.g. /commit send the budget by friday. Or reply to a message with /commit [by <date>].
usage-done = Usage: /done <id>, e.g. /done #7
usage-blocked = Usage: /blocked <id> <reason>, e.g. /blocked #7 waiting for the venue
usage-reopen = Usage: /reopen <id>
usage-due = Usage: /due <id> <date>, e.g. /due #7 next friday
usage-commitments = Usage: /commitments [all | done | overdue | @user]
usage-role = Usage: /role @user coordinator|officer
commitment-created = 📌 #{ $id } { $owner } ({ $city }) will: { $text } — due: { $due }
commitment-done = ✅ #{ $id } done: { $text } ({ $owner }, marked by { $actor })
commitment-blocked = ⛔ #{ $id } blocked: { $text } — { $reason } ({ $actor })
commitment-reopened = 🔄 #{ $id } reopened: { $text } ({ $actor })
commitment-due = 📅 #{ $id } is now due: { $due } — { $text } ({ $actor })
commitment-no-due = none
commitments-header = Commitments ({ $count }) — page { $page }/{ $pages }
commitment-line = #{ $id } · { $owner } ({ $city }) · due: { $due }{ $state }
    { $text }
commitment-state-done = { " " }· done
commitment-state-blocked = { " " }· blocked: { $reason }
commitment-state-overdue = { " " }· ⚠️ overdue
commitments-empty = No commitments here yet. Log one with /commit <what> by <date>.
role-coordinator = ✅ { $person } is now a coordinator of this partnership.
role-officer = ✅ { $person } is now an officer of this partnership.
error-commitment-id = “{ $id }” is not a commitment number. Use the number shown as #7.
error-commitment-unknown = There is no commitment #{ $id } in this partnership.
error-commitment-not-yours = Only the owner of a commitment or a coordinator can change it.
error-commitment-already-done = #{ $id } is already done.
error-commitment-already-open = #{ $id } is already open.
error-commit-owner = Who makes this commitment? Use /commit @user <what>.
error-commit-too-long = That is too long for a commitment: at most { $max } characters.
error-date-unreadable = I could not read the date “{ $date }”. Try e.g. 2026-12-04, friday, tomorrow or in 2 weeks.
error-date-past = “{ $date }” is in the past. Please give a future date.

## Follow-ups
cmd-followup = Schedule a follow-up: /followup <#id | @user | all> <when> [note]
cmd-followups = Scheduled follow-ups and automatic reminders
cmd-report = Partnership activity: messages and commitments
usage-followup = Usage: /followup <#id | @user | all> <when> [note], e.g. /followup #7 friday 10:00 please send the agenda, or /followup all every monday 09:00. Cancel with /followup cancel <F-id>; see the automatic reminders with /followup settings.
usage-followup-settings = Usage: /followup settings <reminder | overdue | digest | dormancy | hours | days> <value>, e.g. /followup settings reminder 3d, /followup settings digest off, /followup settings hours 09:00-18:00, /followup settings days mon-fri
followup-scheduled =
    ⏰ Follow-up F{ $id } scheduled — { $what }, { $when }.
    { $times }
followup-time-line = • { $city }: { $time }
followup-outside-hours = { " " }⚠️ outside working hours there
followup-once = on { $time }
followup-target-commitment = commitment #{ $id }
followup-target-user = { $person }
followup-target-all = everyone
followup-cancelled = 🗑 Follow-up F{ $id } cancelled.
followups-header = Scheduled follow-ups ({ $count }):
followups-line =
    F{ $id } · { $what } · { $when } · note: { $note }
      next: { $next }
followups-next-item = { $city } { $time }
followups-empty = No follow-ups scheduled. Schedule one with /followup <#id | @user | all> <when>.
followup-settings =
    Automatic reminders (sent within working hours, local to each city):
    • reminder before a due date: { $reminder }
    • overdue notice: { $overdue }
    • weekly digest: { $digest }
    • dormancy alert when the partnership is quiet for: { $dormancy }
    • working hours: { $hours }, { $days }
    Coordinators change them with /followup settings <name> <value>.
followup-settings-saved = ✅ Saved.
setting-off = off
setting-on = on
setting-hours = { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
setting-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
rule-day = { $interval ->
        [one] every day
       *[other] every { $interval } days
    } at { $time }
rule-week = { $interval ->
        [one] every { $weekday }
       *[other] every { $interval } weeks on { $weekday }
    } at { $time }
rule-month = { $interval ->
        [one] every month
       *[other] every { $interval } months
    } on day { $day } at { $time }
error-when-unreadable = I could not read the time “{ $when }”. Try e.g. in 3d, tomorrow 10:00, 2026-12-01 09:30, friday 15:00 or every monday 09:00.
error-followup-id = “{ $id }” is not a follow-up number. Use the number shown as F3.
error-followup-unknown = There is no scheduled follow-up F{ $id } in this partnership.
error-followup-commitment-done = #{ $id } is already done: there is nothing to follow up.
error-setting-unknown = There is no setting “{ $setting }”. Use reminder, overdue, digest, dormancy, hours or days.
error-setting-value = “{ $value }” does not work for { $setting }. Examples: reminder 2d, overdue off, digest monday 09:00, dormancy 21d, hours 08:00-20:00, days mon-fri.

## Nudges
nudge-followup-commitment = ⏰ Follow-up on #{ $id }: { $owner } ({ $city }) — { $text } — due: { $due }
nudge-followup-person = ⏰ Follow-up for { $person }
nudge-followup-all = ⏰ Follow-up for everyone in “{ $name }”
nudge-none-open = No open commitments.
nudge-more = … and { $count } more (/commitments)
nudge-note = 📝 { $note }
nudge-late = (Sent late: it was planned for { $time }, while the bot was not running.)
nudge-reminder = ⏳ Reminder: #{ $id } is due { $due } — { $owner } ({ $city }): { $text }
nudge-overdue = ⚠️ #{ $id } has been overdue since { $due } — { $owner } ({ $city }): { $text }. Done? /done { $id } · New date? /due { $id } <date>
nudge-digest = 📋 Weekly digest of “{ $name }”: { $open } open, { $overdue } overdue
nudge-dormancy = 💤 “{ $name }” has been quiet for { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (last activity: { $since }). A short update keeps the cooperation going: what is new on your side?

## Report
report-header = 📊 “{ $name }” — partnership activity, last { $days } days (as of { $date })
report-city = • { $city }: { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    } · commitments: { $made } made, { $done } done ({ $ontime } on time), { $overdue } overdue · last activity: { $last }
report-never = never
report-median = Median time to completion: { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
report-median-none = No commitment is done yet.
report-chart-caption = 📊 “{ $name }” at a glance
report-chart-messages = Messages, last { $days } days
report-chart-commitments = Commitments
report-chart-made = made
report-chart-done = done
report-chart-ontime = on time
report-chart-overdue = overdue

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 Partnership “{ $name }” created. { $person }, I have sent you its join code in our private chat.
partnership-created-joined-code-sent = 🤝 Partnership “{ $name }” created, and this group is its first city. { $person }, I have sent you the join code for the next city in our private chat.
partnership-invite-code-sent = { $person }, I have sent you a new join code for “{ $name }” in our private chat.
partnership-code-private-needed = { $person }, I send join codes only privately, and Telegram lets me write to you only after you have started a chat with me. Open { $link }, press Start, then send the command here again. No code was issued.
error-code-anonymous = Join codes are sent privately to the person who asks, so I cannot send one to an anonymous admin. Please send the command again under your own name.
start-join-code = I can now send you join codes. Send /partnership invite (or /partnership new <name>) in your city's group again, and the code will arrive here.
error-unsend-other-city = Only the author, an admin of { $city }'s group or a bot admin can delete this message from every group. To remove it from this group only, delete the copy here.
error-unsend-left = This message was relayed in a partnership this group is no longer part of, so its copies can no longer be deleted from here.

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 The copies were deleted in: { $cities }.
unsend-report-kept = ⚠️ The copies in { $cities } could not be deleted (Telegram lets bots delete messages only up to 48 hours after sending them). An admin of each of those groups can delete them by hand.

# Dates too far ahead (hostile input)
error-date-too-far = “{ $date }” is too far away. Please give a date within the next { $years } years.

# Telegram errors: a partner group that does not allow one kind of message
relay-kind-refused = ℹ️ { $city } does not allow { $kind ->
        [photo] photos
        [video] videos
        [animation] GIFs
        [audio] music
        [voice] voice messages
        [document] files
        [sticker] stickers
        [video_note] video messages
        [poll] polls
        [dice] dice
       *[other] messages of this kind
    }, so such messages are not relayed there. An admin of that group can allow them in the group's permissions.

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = E-mail cities: /email add | remove | mode
usage-email = /email lists the e-mail cities; /email add <address> <city> <language> [time zone]; /email remove <address>; /email mode <address> each|digest [minutes]
usage-email-add = Usage: /email add <address> <city> <language> [time zone], e.g. /email add wang@hz.example Hangzhou zh Asia/Shanghai. A further address of an existing e-mail city needs only the city.
usage-email-remove = Usage: /email remove <address>
usage-email-mode = Usage: /email mode <address> each|digest [minutes] (a digest comes at most every N minutes, 10 by default)
error-email-off = E-mail is not configured for this bot. An operator can set BRIDGEBOT_EMAIL_ADDRESS, BRIDGEBOT_SMTP_URL and BRIDGEBOT_IMAP_URL.
error-email-bad-address = “{ $address }” is not an e-mail address.
error-email-known = { $address } is already registered.
error-email-city-language = { $city } is not yet an e-mail city of this partnership: please add its language (and time zone), e.g. /email add <address> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } already takes part with its Telegram group.
error-email-unknown = { $address } is not an address of this partnership.
error-email-command = { $command } cannot be used by e-mail. By e-mail you can use /done, /blocked, /reopen, /due, /commitments and /commit.
email-invited = Invitation sent to { $address } ({ $city } ✉). The address receives nothing else until someone replies to the invitation.
email-removed = { $address } has been removed and receives nothing more.
email-mode-set-each = { $address } now receives one mail per message.
email-mode-set-digest = { $address } now receives a digest at most every { $minutes } minutes.
email-list-empty = This partnership has no e-mail cities. A coordinator can invite one with /email add <address> <city> <language> [time zone].
email-list-header = E-mail cities of this partnership:
email-mode-each = one mail per message
email-mode-digest = digest every { $minutes } min
email-state-invited = invited, waiting for a reply
email-state-active = active
email-state-bouncing = mails bounce
email-state-stopped = unsubscribed
email-partner-joined = ✉ { $address } has confirmed and now takes part by e-mail for { $city }.
email-partner-stopped = ✉ { $address } ({ $city }) has unsubscribed and receives no more mail.
email-partner-bouncing = ✉ Mails to { $address } ({ $city }) keep bouncing, so nothing more is sent there. Please check the address (/email remove, then /email add).
email-invitation-subject = Invitation to the partnership { $partnership }
email-invitation =
    Dear Sir or Madam,

    { $inviter } ({ $inviter_city }) invites you to take part by e-mail in the partnership { $partnership } as an officer of { $city }. Cities of the partnership: { $cities }.

    You will receive the partners' messages translated into { $language }, with the original beneath (collected in a digest), new and completed commitments, and reminders at your local time. Your replies are translated and passed on to every partner group; a reply may start with commands such as /done 12 or /commit <what> by <date>.

    To confirm, simply reply to this mail. Until then you will receive nothing else.
    To stop at any time, reply with “unsubscribe”.
email-answer-subject = Re: { $command }
email-digest-subject = { $partnership }: conversation of { $date }
email-footer = Reply to this mail to answer the partners; your reply is translated for them. Commands: /done <number>, /blocked <number> <reason>, /commit <what> by <date>, /commitments. To stop, reply with “unsubscribe”.
