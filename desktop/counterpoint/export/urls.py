"""Web addresses in reports: only http(s) ever becomes a link, and each format escapes it its own way.

The store accepts http(s) addresses only, but a project file is data from someone else: a report reads
every address through web_url, and writes nothing else as a link (no javascript:, file:, data:).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_UNSAFE = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")


def web_url(url: str | None) -> str | None:
    """The address when it is an http(s) URL with a host, with unsafe characters percent-encoded; else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), url)
