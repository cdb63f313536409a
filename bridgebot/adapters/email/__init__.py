"""The e-mail channel: composing, parsing, sending (SMTP) and reading (IMAP) mails, nothing of the product.

Second channel of a partnership, next to Telegram (DESIGN.md, "E-mail partners"). This package knows
mail only: no Telegram, no SQL, no partnership rules. The product wires it like this:

- `bridgebot.config.Settings.email` gives an `EmailSettings` (address, smtp, imap) or None (e-mail off).
- Out: `compose.compose(...)` builds one `EmailMessage` per queue row (digest or single message, the
  product decides and renders the texts in the city's language); `smtp.SmtpSender.send(message)` sends
  it and raises the outbox's delivery errors (`Transient`, `Rejected`, `Permanent`, `Unauthorized`),
  so an e-mail address is one more destination of the one delivery queue.
- In: one `imap.ImapReader` per bot (one process only, even when several serve the bot) hands every
  new raw mail to the product's `on_mail(uidvalidity, uid, raw)`; the product runs `parse.parse_mail`
  on it, checks that the token and the From address both match an active address, relays or counts
  the mail, and records its Message-ID and UID in the same transaction (`MailStore.seen`).
"""
