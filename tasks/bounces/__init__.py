"""Undelivered contact emails: what we know about each contact address we show, and the
three ways we hear about mail that did not arrive (the provider's tracking webhooks,
delivery status notifications, and the SMTP conversation itself). See docs/bounces.md.

One module per concern: `models` (what is stored), `addresses` (which addresses are
shown, and where), `rules` (what an event does to an address), `ingest` (writing events
in bulk, reading messages in batches), `alerts` (flags on what shows a bounced address);
the intakes: `dsn` (reading bounce messages, which come back to the signed return path
of `cms.verp`), `sources` (files, maildirs, mbox, stdin), `imap` (polling a mailbox),
`providers` (anymail's tracking signal) with `webhooks`/`urls` (the endpoints), `smtp`
(refusals while sending) and `manual` (a maintainer's own finding); `checks` (system
checks). The Celery tasks are in tasks/deliverability.py, the command in
tasks/management/commands/ingest_bounces.py.
"""
