"""PDF text through pypdf, in a worker process with a time limit: a hostile PDF cannot hang the app."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import re
import signal
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date

from counterpoint.ingest.document import MAX_TEXT_CHARS, IngestError

# Seconds a PDF may take to read; a long report takes one or two, a crafted one is stopped here.
PDF_TIME_LIMIT = 8.0
# Below this many letters per page on average, the PDF is a scan (an image of text) as far as we can tell.
_MIN_LETTERS_PER_PAGE = 20
_HYPHENATED = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_UNLOCK = "save an unprotected copy from a PDF reader and import that"
_LOCKED = "is password-protected; " + _UNLOCK


@dataclass(frozen=True)
class PdfContent:
    text: str
    title: str | None
    author: str | None
    created: date | None


def read_pdf(data: bytes, name: str = "the PDF", time_limit: float = PDF_TIME_LIMIT) -> PdfContent:
    """The text of a PDF; IngestError for encrypted, image-only, broken or too slow ones."""
    context = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue[tuple[str, object]] = context.Queue()
    worker = context.Process(target=_pdf_worker, args=(data, results, os.getpid()), daemon=True)
    worker.start()
    try:
        kind, payload = results.get(timeout=time_limit)
    except queue.Empty:
        raise IngestError(
            f"{name} took too long to read (over {time_limit:.0f} s); nothing was imported"
        ) from None
    finally:
        worker.join(timeout=0.5)
        if worker.is_alive():
            worker.kill()
            worker.join()
        results.close()
    if kind == "error":
        raise IngestError(f"{name} {payload}; nothing was imported")
    assert isinstance(payload, PdfContent)
    return payload


def _pdf_worker(data: bytes, results: multiprocessing.Queue[tuple[str, object]], parent: int) -> None:
    _die_with_parent(parent)
    try:
        results.put(("ok", _extract(data)))
    except _PdfProblem as exc:
        results.put(("error", str(exc)))
    except Exception as exc:  # any parser failure in a hostile file is the file's problem, said in one line
        if type(exc).__name__ == "DependencyError":  # pypdf without an AES library
            results.put(("error", "is encrypted with AES, which this installation can't decrypt; " + _UNLOCK))
            return
        results.put(("error", f"could not be read as a PDF ({type(exc).__name__})"))


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it ends, even by SIGKILL (no orphan at 100% CPU).

    Linux: the kernel sends SIGKILL on the parent's death (PR_SET_PDEATHSIG). Elsewhere, a thread polls.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the request was made
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="watch-parent").start()


_PR_SET_PDEATHSIG = 1


class _PdfProblem(Exception):
    pass


def _extract(data: bytes) -> PdfContent:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
    except PdfReadError as exc:
        raise _PdfProblem(f"is not a readable PDF ({exc})") from exc
    if reader.is_encrypted:
        # Many PDFs are encrypted with an empty user password only to set permissions: those open fine.
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise _PdfProblem(
                "is encrypted with AES, which this installation can't decrypt; " + _UNLOCK
            ) from exc
        except (FileNotDecryptedError, NotImplementedError) as exc:
            raise _PdfProblem("is encrypted and cannot be opened without its password") from exc
        if not opened:
            raise _PdfProblem(_LOCKED)
    pages: list[str] = []
    total = 0
    try:
        for page in reader.pages:
            page_text = page.extract_text() or ""
            # A word broken across lines ("gov-\nernment") is one word again; the lines stay as they are.
            page_text = _HYPHENATED.sub("", page_text)
            pages.append(page_text.strip())
            total += len(page_text)
            if total > MAX_TEXT_CHARS:
                raise _PdfProblem(f"holds more than {MAX_TEXT_CHARS:,} characters of text")
    except FileNotDecryptedError as exc:
        raise _PdfProblem(_LOCKED) from exc
    text = "\n\n".join(p for p in pages if p)
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < _MIN_LETTERS_PER_PAGE * max(1, len(pages)):
        raise _PdfProblem(
            "has no text layer (it looks like scanned images); run OCR on it, then import the result"
        )
    meta = reader.metadata
    title = author = None
    created = None
    if meta is not None:
        title = str(meta.title).strip() if meta.title else None
        author = str(meta.author).strip() if meta.author else None
        try:
            stamp = meta.creation_date
            created = stamp.date() if stamp else None
        except Exception:  # a malformed date stamp is not worth refusing the file
            created = None
    return PdfContent(text=text + "\n", title=title or None, author=author or None, created=created)
