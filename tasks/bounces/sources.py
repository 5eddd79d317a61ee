"""Where bounce messages are read from: message files, directories of them, maildirs,
mbox files, and standard input (one message, or an mbox).

Every source yields `InputMessage`s lazily, so a mailbox of any size streams through in
batches. A path that does not exist or cannot be read is an error before anything is
read (`check_readable`); a file that cannot be read in the middle of a directory is
yielded as unreadable, and the run goes on.
"""

import mailbox
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tasks.bounces.ingest import InputMessage

STDIN = "-"
MBOX_START = b"From "


class UnreadableInput(Exception):
    pass


def check_readable(paths: Iterable[str]) -> None:
    for path in paths:
        if path == STDIN:
            continue
        if not os.path.exists(path):
            raise UnreadableInput(f"{path}: no such file or directory")
        if not os.access(path, os.R_OK | (os.X_OK if os.path.isdir(path) else 0)):
            raise UnreadableInput(f"{path}: permission denied")


def messages_from(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[InputMessage]:
    for path in paths:
        if path == STDIN:
            yield from stream_messages(stdin, origin="stdin")
        else:
            yield from messages_in(Path(path))


def messages_in(path: Path) -> Iterator[InputMessage]:
    if not path.is_dir():
        yield from file_messages(path)
    elif is_maildir(path):
        yield from maildir_messages(path)
    else:
        for child in sorted(path.iterdir()):
            if child.is_file() and not child.name.startswith("."):
                yield from file_messages(child)


def is_maildir(path: Path) -> bool:
    return all((path / name).is_dir() for name in ("cur", "new", "tmp"))


def file_messages(path: Path) -> Iterator[InputMessage]:
    """One message, or every message of an mbox file (which starts with a From_ line)."""
    try:
        with path.open("rb") as file:
            start = file.read(len(MBOX_START))
            if start != MBOX_START:
                yield from one_message(start + file.read(), str(path))
                return
    except OSError as error:
        yield InputMessage(None, str(path), error=str(error))
        return
    yield from mbox_messages(path)


def one_message(raw: bytes, origin: str) -> Iterator[InputMessage]:
    if raw.strip():  # an empty file, or nothing on stdin, is no message at all
        yield InputMessage(raw, origin)


def mbox_messages(path: Path, origin: str | None = None) -> Iterator[InputMessage]:
    box = mailbox.mbox(path, create=False)
    try:
        for key in box.iterkeys():
            yield InputMessage(box.get_bytes(key), f"{origin or path} #{key + 1}")
    finally:
        box.close()


def maildir_messages(path: Path) -> Iterator[InputMessage]:
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in sorted(box.iterkeys()):
        try:
            raw = box.get_bytes(key)
        except (OSError, KeyError) as error:  # removed or unreadable since it was listed
            yield InputMessage(None, f"{path} {key}", error=str(error))
        else:
            yield InputMessage(raw, f"{path} {key}")


def stream_messages(stream: BinaryIO, *, origin: str) -> Iterator[InputMessage]:
    """One message, or an mbox: mailbox reads only files, so an mbox goes through one."""
    start = stream.read(len(MBOX_START))
    if start != MBOX_START:
        yield from one_message(start + stream.read(), origin)
        return
    with tempfile.NamedTemporaryFile(suffix=".mbox") as copy:
        copy.write(start)
        shutil.copyfileobj(stream, copy)
        copy.flush()
        yield from mbox_messages(Path(copy.name), origin=origin)
