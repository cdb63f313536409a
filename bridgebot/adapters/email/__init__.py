"""The e-mail channel: composing, parsing, sending (SMTP) and reading (IMAP) mails, nothing of the product.

Second channel of a partnership, next to Telegram (docs/architecture.md). This package knows
mail only: no Telegram, no SQL, no partnership rules. The product wires it like this:

- `bridgebot.config.Settings.email` gives an `EmailSettings` (address, smtp, imap) or None (e-mail off).
- Out: `compose.compose(sender, to, subject, body, lang, token, thread, attachments)` builds one
  `EmailMessage` per queue row (a digest or a single message: the product decides, and renders every
  text in the city's language); `compose.new_token()` makes an address's token once, and
  `compose.thread_id(key, domain)` a day's thread root. `smtp.SmtpSender.send(message, envelope_from)`
  sends it and raises the outbox's delivery errors (`Transient`, `Uncertain`, `Rejected`, `Permanent`,
  `Unauthorized`), so an e-mail address is one more destination of the one delivery queue. The
  product enforces its attachment size limit before composing.
- In: one `imap.ImapReader(server, store, on_mail)` per bot (one process only, even when several serve
  the bot) hands every new raw mail to the product's `on_mail(uidvalidity, uid, raw)`; the product
  runs `parse.parse_mail(raw, bot_address)`, relays only a HUMAN mail whose token and From address
  both match one active address, counts bounces (`bounced_recipients`), answers nothing else, keeps
  the raw mail, and records its Message-ID and UID in the transaction that relays it
  (`UidStore.seen`), so that the same Message-ID twice or a re-read after a crash is recognised.
"""
