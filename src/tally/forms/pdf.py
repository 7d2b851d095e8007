"""PDF by headless Chromium: the browser lays the page out and prints it, never a layout of ours.

One browser prints any number of pages: :func:`print_pdfs` starts Chromium once with
``--remote-debugging-pipe`` and asks it, page by page, to load the HTML file and print it
(``Page.printToPDF``: the page's own ``@page`` size and margins, no header or footer). Chromium
is found as ``$TALLY_CHROMIUM`` or on the ``PATH`` (``chromium``, ``chromium-browser``,
``google-chrome``); when it is missing, or fails, :class:`PrintError` says so.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from typing import Any

from ..errors import TallyError

__all__ = ["CHROMIUM_FLAGS", "PrintError", "find_chromium", "print_pdf", "print_pdfs"]

# Headless, and nothing that reaches out: without the background-networking flags a browser on
# a machine with no network waits on refused connections.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
)
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class PrintError(TallyError, RuntimeError):
    """A PDF could not be made: no Chromium was found (install it, e.g. ``apt-get install
    chromium``, or name it in ``TALLY_CHROMIUM``), or Chromium failed or took too long (the
    message gives its last words). The HTML form is unaffected: print that from a browser."""


def find_chromium() -> str | None:
    """The Chromium to print with: ``$TALLY_CHROMIUM`` if set (a path or a name on the PATH),
    else the first of ``chromium``, ``chromium-browser``, ``google-chrome`` found; ``None``
    when there is none."""
    named = os.environ.get("TALLY_CHROMIUM")
    if named:
        return shutil.which(named)
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


def print_pdf(html_file: str | os.PathLike[str], pdf_file: str | os.PathLike[str], *, timeout: float = 60) -> None:
    """Print one HTML file to a PDF file."""
    print_pdfs([(html_file, pdf_file)], timeout=timeout)


def print_pdfs(jobs: Sequence[tuple[str | os.PathLike[str], str | os.PathLike[str]]], *, timeout: float = 60) -> None:
    """Print each ``(html_file, pdf_file)`` with one browser. ``timeout`` is the seconds allowed
    for each page (and for the browser to start). Raises :class:`PrintError`."""
    if not jobs:
        return
    chromium = find_chromium()
    if chromium is None:
        named = os.environ.get("TALLY_CHROMIUM")
        where = f"TALLY_CHROMIUM={named!r} is not a program" if named else f"none of {', '.join(_NAMES)} is on the PATH"
        raise PrintError(f"PDF needs Chromium, and {where}: install it (apt-get install chromium) or print the HTML")
    with tempfile.TemporaryDirectory(prefix="tally-chromium-") as profile, _Browser(chromium, profile, timeout) as b:
        for html_file, pdf_file in jobs:
            url = pathlib.Path(html_file).resolve().as_uri()
            pdf = b.print(url)
            pathlib.Path(pdf_file).write_bytes(pdf)


class _Browser:
    """Chromium driven over its DevTools pipe: fd 3 carries our commands, fd 4 its answers, each
    message JSON ended by a NUL byte."""

    def __init__(self, chromium: str, profile: str, timeout: float) -> None:
        self.timeout = timeout
        self.buffer = b""
        self.next_id = 0
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close(), with the browser)
        commands_r, self.commands = os.pipe()
        self.answers, answers_w = os.pipe()

        def to_3_and_4() -> None:  # runs in the child, before exec
            r = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(answers_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3, inheritable=True)
            os.dup2(w, 4, inheritable=True)

        try:
            self.process = subprocess.Popen(
                [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=self.log,
                pass_fds=(3, 4),
                preexec_fn=to_3_and_4,  # the pipe must be fds 3 and 4 in the child
            )
        except OSError as error:
            raise PrintError(f"{chromium}: cannot start: {error.strerror or error}") from None
        finally:
            os.close(commands_r)
            os.close(answers_w)

    def __enter__(self) -> _Browser:
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.call("Page.enable", session=self.session)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, PrintError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.commands, self.answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.log.close()

    def print(self, url: str) -> bytes:
        events: list[dict[str, Any]] = []
        self.call("Page.navigate", {"url": url}, session=self.session, events=events)
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in events):
            events.append(self.receive(deadline))
        answer = self.call(
            "Page.printToPDF",
            {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False},
            session=self.session,
        )
        return base64.b64decode(answer["data"])

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self.commands, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise self.failed("stopped") from None
        return self.next_id

    def receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.answers], [], [], left)[0]:
                self.process.kill()
                raise self.failed(f"did not answer within {self.timeout:g} seconds")
            chunk = os.read(self.answers, 1 << 20)
            if not chunk:
                raise self.failed("stopped")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        found: dict[str, Any] = json.loads(message)
        return found

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        events: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        sent = self.send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self.receive(deadline)
            if message.get("id") == sent:
                if "error" in message:
                    raise self.failed(f"{method}: {message['error'].get('message', message['error'])}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if events is not None:
                events.append(message)

    def failed(self, what: str) -> PrintError:
        self.log.seek(0)
        last = self.log.read().decode("utf-8", "replace").strip().splitlines()[-3:]
        return PrintError(f"Chromium {what}" + (": " + " | ".join(last) if last else ""))
