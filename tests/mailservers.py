"""Real mail servers on 127.0.0.1 for the tests: Dovecot (IMAP, what cities run) and aiosmtpd (SMTP).

Dovecot runs from a throwaway configuration in a temp dir (`dovecot -F -c conf`, plain IMAP on a free
port, passwd-file login, Maildir in the temp dir); it works as root (mail owned by an unprivileged
system user) and as an ordinary user (every Dovecot process runs as that user). Tests deliver mail
with IMAP APPEND from a second connection (stdlib imaplib), which is how a delivery agent's mail
appears to the reader, IDLE notifications included.

SMTP is aiosmtpd, a pure-Python server: it captures what the bot sends and can answer what a test
needs (451 once, 550 5.1.1 for an address, 535 for a wrong password), which a Postfix smarthost could
only do with policy services; it speaks real SMTP (EHLO, AUTH, DATA) over a real socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import grp
import imaplib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from tests.ports import free_port

USER = "bridgebot@city.example"
PASSWORD = "s3cret/p@ss#1"  # needs percent-encoding in a URL; no ":" (passwd-file separator)


def dovecot_missing() -> str | None:
    """Why Dovecot cannot run here, or None. (`.ci/run` installs it when missing and it is root.)"""
    if shutil.which("dovecot") is None and not Path("/usr/sbin/dovecot").exists():
        return "dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd; .ci/run does it as root)"
    return None


def _dovecot_binary() -> str:
    return shutil.which("dovecot") or "/usr/sbin/dovecot"


class Dovecot:
    """One Dovecot IMAP server with one mailbox (USER / PASSWORD), restartable on the same port."""

    def __init__(self, root: Path, *, idle: bool = True) -> None:
        self.idle = idle
        # As root, Dovecot's workers run as system users that cannot enter pytest's 0700 temp dirs.
        self.root = Path(tempfile.mkdtemp(prefix="bridgebot-dovecot-")) if os.getuid() == 0 else root
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)
        self.port = free_port()
        self.config = self.root / "dovecot.conf"
        self._process: subprocess.Popen[bytes] | None = None
        self._write_config()

    @property
    def url(self) -> str:
        from urllib.parse import quote

        return f"imap://{quote(USER, safe='')}:{quote(PASSWORD, safe='')}@127.0.0.1:{self.port}/INBOX"

    def _write_config(self) -> None:
        me = pwd.getpwuid(os.getuid()).pw_name
        # As root, Dovecot refuses to give mail to uid 0: the mail belongs to an unprivileged system user.
        owner = pwd.getpwnam("dovenull" if os.getuid() == 0 else me)
        home = self.root / "home"
        for folder in (self.root / "run", self.root / "state", home):
            folder.mkdir(parents=True, exist_ok=True)
        if os.getuid() == 0:
            os.chown(home, owner.pw_uid, owner.pw_gid)
        (self.root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
        internal = "dovecot" if os.getuid() == 0 else me
        login = "dovenull" if os.getuid() == 0 else me
        group = "dovecot" if os.getuid() == 0 else grp.getgrgid(os.getgid()).gr_name
        self.config.write_text(
            f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal}
default_login_user = {login}
default_internal_group = {group}
first_valid_uid = {owner.pw_uid}
mail_location = maildir:{home}/%u/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={home}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
shutdown_clients = yes
{"" if self.idle else "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS"}
protocol imap {{
  imap_idle_notify_interval = 1 secs
}}
"""
        )

    def start(self, timeout: float = 15.0) -> None:
        self._process = subprocess.Popen(
            [_dovecot_binary(), "-F", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            # Its own process group, so that stop() ends the client processes too, as a real restart does.
            start_new_session=True,
            stderr=(self.root / "dovecot.stderr").open("ab"),
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.log()}")
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                client = imaplib.IMAP4("127.0.0.1", self.port, timeout=2)
                client.login(USER, PASSWORD)
                client.logout()
                return
            time.sleep(0.1)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def remove(self) -> None:
        """Stop and delete everything (the dir made for root; pytest removes its own tmp_path)."""
        self.stop()
        if self.root.name.startswith("bridgebot-dovecot-"):
            shutil.rmtree(self.root, ignore_errors=True)

    def stop(self) -> None:
        if self._process is None:
            return
        group = self._process.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        # Dovecot leaves IMAP sessions running after its master exits: end them too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)
        self._process = None

    def log(self) -> str:
        return "\n".join(
            path.read_text(errors="replace")[-3000:]
            for path in (self.root / "dovecot.log", self.root / "dovecot.stderr")
            if path.exists()
        )

    def append(self, raw: bytes) -> None:
        """Deliver one mail into the bot's INBOX (as an MTA would), from a second connection."""
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        try:
            client.login(USER, PASSWORD)
            typ, data = client.append("INBOX", None, None, raw)
            if typ != "OK":
                raise RuntimeError(f"APPEND failed: {data}")
        finally:
            client.logout()

    async def deliver(self, raw: bytes) -> None:
        await asyncio.to_thread(self.append, raw)

    def message_count(self) -> int:
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        try:
            client.login(USER, PASSWORD)
            _, data = client.select("INBOX", readonly=True)
            return int(data[0])
        finally:
            client.logout()


@dataclass
class SmtpScript:
    """What the test SMTP server answers: `data_failures` 4xx/5xx answers to DATA before accepting,
    `unknown` addresses answered 550 5.1.1 at RCPT."""

    data_failures: list[str] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)


class CapturingHandler:
    def __init__(self, script: SmtpScript) -> None:
        self.script = script
        self.received: list[EmailMessage] = []
        self.attempts = 0
        # One entry per SMTP connection that delivered or tried a mail (its client port).
        self.connections: set[object] = set()
        self.arrived = asyncio.Event()

    async def handle_RCPT(
        self, server: SMTPServer, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if address.lower() in self.script.unknown:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        self.attempts += 1
        self.connections.add(session.peer)
        if self.script.data_failures:
            return self.script.data_failures.pop(0)
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        message["X-Envelope-From"] = envelope.mail_from
        self.received.append(message)
        self.arrived.set()
        return "250 2.0.0 Ok: queued"


class SmtpCapture:
    """aiosmtpd on a free loopback port, with AUTH (USER / PASSWORD) over plain SMTP."""

    def __init__(self, script: SmtpScript | None = None) -> None:
        self.script = script or SmtpScript()
        self.handler = CapturingHandler(self.script)
        self.port = free_port()
        self._controller = Controller(
            self.handler,
            hostname="127.0.0.1",
            port=self.port,
            authenticator=self._authenticate,
            auth_require_tls=False,
            auth_required=True,
        )

    @staticmethod
    def _authenticate(
        server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, data: object
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login.decode(), data.password.decode()) == (USER, PASSWORD)
        return AuthResult(success=ok, handled=False)

    def url(self, password: str = PASSWORD) -> str:
        from urllib.parse import quote

        return f"smtp://{quote(USER, safe='')}:{quote(password, safe='')}@127.0.0.1:{self.port}?starttls=off"

    @property
    def received(self) -> list[EmailMessage]:
        return self.handler.received

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()
