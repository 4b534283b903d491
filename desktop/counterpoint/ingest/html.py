"""Saved web pages: sanitise with nh3, then take the article's text and metadata with the stdlib parser.

Nothing is ever fetched: scripts, styles, frames, embeds and images are dropped with their content by the
sanitiser, and html.parser only tokenises (it keeps no tree, so 20,000 levels of nesting cost nothing).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

import nh3

from counterpoint.ingest.dates import parse_date_string
from counterpoint.ingest.deadline import check_time

# Tags whose text a reader sees, kept by the sanitiser (without attributes) so blocks and the article survive.
_KEPT_TAGS = {
    "a", "abbr", "article", "b", "blockquote", "br", "caption", "cite", "code", "dd", "div", "dl", "dt", "em",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "aside", "figure", "hr", "i",
    "li", "main", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
# Removed with everything inside them: active content, embedded resources, forms and page chrome.
_DROPPED_WITH_CONTENT = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "canvas", "video", "audio", "picture", "select", "textarea", "button", "form", "head",
    "title",
}  # fmt: skip
_BLOCK_TAGS = {
    "article", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "aside", "ol", "p", "pre", "section",
    "table", "tr", "ul",
}  # fmt: skip
# Page chrome left out of the article text when the page has an <article> or <main>.
_CHROME_TAGS = {"nav", "aside", "footer", "header", "figure"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed"}


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    publisher: str | None
    url: str | None
    published: date | None


def html_to_article(source: str) -> HtmlArticle:
    """The readable text of a saved page (its <article> or <main> if any) and what it says of itself."""
    meta = _MetaParser()
    meta.feed(_head(source))
    meta.close()
    check_time()
    clean = nh3.clean(
        _bounded_nesting(source),
        tags=_KEPT_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes={},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
    )
    check_time()
    body = _TextParser()
    body.feed(clean)
    text = body.article_text() or body.page_text()
    return HtmlArticle(
        text=text,
        title=meta.title(),
        publisher=meta.values.get("og:site_name")
        or meta.structured().get("publisher")
        or meta.values.get("application-name"),
        url=_web_address(meta.values.get("canonical"))
        or _web_address(meta.values.get("og:url"))
        or _web_address(meta.structured().get("url")),
        published=meta.published(),
    )


def _head(source: str) -> str:
    """The part of a page that describes it: up to <body>, plus any JSON-LD blocks after it.

    Made well formed for html.parser, which rescans an unclosed tag once per '<' after it (quadratic).
    """
    body = re.search(r"<body[\s>]", source[:2_000_000], re.IGNORECASE)
    head = source[: body.start()] if body else source[:200_000]
    extra = _json_ld_blocks(source[len(head) : len(head) + 4_000_000], limit=20)
    return _well_formed(head) + "".join(_well_formed(block) for block in extra)


def _json_ld_blocks(source: str, limit: int) -> list[str]:
    """The <script type="application/ld+json">…</script> blocks of a page, found in one pass (str.find)."""
    lowered = source.lower()
    found: list[str] = []
    position = 0
    while len(found) < limit:
        start = lowered.find("<script", position)
        if start < 0:
            break
        following = lowered.find("<", start + 1)
        close = lowered.find(">", start, following if following >= 0 else len(lowered))
        if close < 0:
            position = start + 1
            continue
        if "application/ld+json" not in lowered[start:close]:
            position = close + 1
            continue
        end = lowered.find("</script>", close)
        if end < 0:
            break  # no later block can be closed either
        found.append(source[start : end + len("</script>")])
        position = end + len("</script>")
    return found


def _well_formed(markup: str) -> str:
    """Markup with comments dropped and every '<' that opens no tag (no '>' before the next '<') escaped.

    Linear: each character is looked at a bounded number of times (str.find with an end).
    """
    parts: list[str] = []
    position = 0
    length = len(markup)
    while position < length:
        check_time()
        start = markup.find("<", position)
        if start < 0:
            parts.append(markup[position:])
            break
        parts.append(markup[position:start])
        if markup.startswith("<!--", start):
            end = markup.find("-->", start + 4)
            if end < 0:
                break  # an unclosed comment hides the rest of the page, as in a browser
            position = end + 3
            continue
        following = markup.find("<", start + 1)
        close = markup.find(">", start + 1, following if following >= 0 else length)
        if close < 0 or start + 1 == close or markup[start + 1] not in _TAG_OPENERS:
            parts.append("&lt;")
            position = start + 1
        else:
            parts.append(markup[start : close + 1])
            position = close + 1
    return "".join(parts)


_TAG_OPENERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")


# How deep elements may nest before further opening tags are dropped. Real pages stay under a hundred; the
# sanitiser's tree builder walks the open elements on every block tag, so 20,000 unclosed <article>s cost
# it 20,000 x 20,000 steps (quadratic) where 512 levels cost at most 512 per tag (linear).
MAX_NESTING = 512
# Elements whose content is text, not markup: a "<div>" inside a script opens nothing.
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
# Elements that never hold others, or that close themselves when a sibling opens (<p><p>, <li><li>), or
# that the tree builder places itself: none of them deepens the tree without bound.
_FLAT = _VOID_TAGS | frozenset({
    "param", "track", "keygen", "basefont", "bgsound", "frame", "image", "p", "li", "dt", "dd", "tr", "td",
    "th", "option", "optgroup", "rb", "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption",
    "html", "head", "body",
})  # fmt: skip
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")


def _bounded_nesting(source: str, limit: int = MAX_NESTING) -> str:
    """`source` with every opening tag past `limit` unclosed levels dropped (and the end tag that would
    close it). A page that never nests that deep comes back unchanged. One pass, str.find with a bounded
    stack: linear in the page."""
    if source.count("<") <= limit:
        return source
    lowered = source.lower()
    parts: list[str] = []
    kept_from = 0
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}
    position = 0
    while True:
        check_time()
        start = source.find("<", position)
        if start < 0:
            break
        if source.startswith("<!--", start):
            end = source.find("-->", start + 4)
            if end < 0:
                break
            position = end + 3
            continue
        match = _TAG_NAME.match(source, start)
        if match is None:
            position = start + 1
            continue
        close = source.find(">", match.end())
        if close < 0:
            break
        name = match.group(1).lower()
        position = close + 1
        if source[start + 1] == "/":
            if open_count.get(name):
                while stack:  # the end tag closes everything opened after its element, as in a browser
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            elif dropped.get(name):
                dropped[name] -= 1
                parts.append(source[kept_from:start])
                kept_from = position
            continue
        if name in _RAW_TEXT:
            end = lowered.find("</" + name, position)
            position = end if end >= 0 else len(source)
            continue
        if name in _FLAT or source[close - 1] == "/":
            continue
        if len(stack) >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            parts.append(source[kept_from:start])
            kept_from = position
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    if not parts:
        return source
    parts.append(source[kept_from:])
    return "".join(parts)


def _web_address(value: str | None) -> str | None:
    """An http(s) address the page gives for itself; anything else (javascript:, spaces, quotes) is dropped."""
    if not value:
        return None
    value = value.strip()
    if not value.lower().startswith(("http://", "https://")) or len(value) > 2000:
        return None
    return None if any(ch.isspace() or ch in '<>"' for ch in value) else value


class _MetaParser(HTMLParser):
    """Reads <title>, <meta> and <link rel=canonical> from the raw page; attributes only, nothing loaded."""

    _DATE_KEYS = ("article:published_time", "datepublished", "date", "dc.date", "pubdate", "publish-date")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self._title_parts: list[str] = []
        self._in_title = False
        self._time_datetime: str | None = None
        self._in_json_ld = False
        self._json_ld: list[str] = []
        self._structured: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True  # structured data (schema.org NewsArticle): read as JSON, never run
            self._json_ld.append("")
        elif tag == "meta":
            key = (
                attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
            ).lower()
            content = attributes.get("content", "").strip()
            if key and content and key not in self.values:
                self.values[key] = content
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            href = attributes.get("href", "").strip()
            if href.startswith(("http://", "https://")):
                self.values.setdefault("canonical", href)
        elif tag == "time" and self._time_datetime is None and attributes.get("datetime"):
            self._time_datetime = attributes["datetime"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_title and len(self._title_parts) < 100:
            self._title_parts.append(data)
        if self._in_json_ld and len(self._json_ld[-1]) < 200_000:
            self._json_ld[-1] += data

    def structured(self) -> dict[str, str]:
        """headline, datePublished and publisher from schema.org JSON-LD, when the page has it."""
        if self._structured is not None:
            return self._structured
        found: dict[str, str] = {}
        self._structured = found
        for block in self._json_ld:
            try:
                data = json.loads(block)
            except (ValueError, RecursionError):  # broken, 5,000-digit numbers, or nested 100,000 deep
                continue
            items = (
                data
                if isinstance(data, list)
                else data.get("@graph", [data])
                if isinstance(data, dict)
                else []
            )
            for item in items if isinstance(items, list) else []:
                if not isinstance(item, dict):
                    continue
                for key in ("headline", "datePublished", "url"):
                    if isinstance(item.get(key), str):
                        found.setdefault(key, item[key])
                publisher = item.get("publisher")
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                    found.setdefault("publisher", publisher["name"])
        return found

    def title(self) -> str | None:
        candidates = (
            self.values.get("og:title"),
            self.structured().get("headline"),
            self.values.get("twitter:title"),
            "".join(self._title_parts),
        )
        for value in candidates:
            if value and value.strip():
                return " ".join(value.split())
        return None

    def published(self) -> date | None:
        stamps = [self.values[key] for key in self._DATE_KEYS if key in self.values]
        stamps.append(self.structured().get("datePublished", ""))
        for stamp in stamps:
            found = parse_date_string(stamp) if stamp else None
            if found:
                return found
        return parse_date_string(self._time_datetime) if self._time_datetime else None


_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")


class _TextParser:
    """Collects text with paragraph breaks, once for the whole page and once for <article>/<main> only.

    It reads the sanitiser's output, which holds only the kept tags without attributes, so a tag scanner
    does the work of html.parser several times faster, and keeps no tree (depth costs nothing).
    """

    def __init__(self) -> None:
        self._page: list[str] = []
        self._article: list[str] = []
        self._article_depth = 0  # open <article>/<main> elements
        self._chrome_depth = 0  # open nav/aside/footer/header/figure elements inside the article
        self._pre_depth = 0

    def feed(self, clean: str) -> None:
        position = 0
        for match in _TAG.finditer(clean):
            check_time()
            if match.start() > position:
                self._data(clean[position : match.start()])
            position = match.end()
            closing, tag, self_closing = match.groups()
            tag = tag.lower()
            if closing:
                self._end(tag)
            else:
                self._start(tag)
                if self_closing and tag not in _VOID_TAGS:
                    self._end(tag)
        if position < len(clean):
            self._data(clean[position:])

    def _start(self, tag: str) -> None:
        if tag in ("article", "main"):
            self._article_depth += 1
        elif tag in _CHROME_TAGS and self._article_depth:
            self._chrome_depth += 1
        if tag == "pre":
            self._pre_depth += 1
        if tag in _BLOCK_TAGS:
            self._break()

    def _end(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._break()
        if tag in ("article", "main") and self._article_depth:
            self._article_depth -= 1
        elif tag in _CHROME_TAGS and self._chrome_depth:
            self._chrome_depth -= 1
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1

    def _data(self, data: str) -> None:
        if "&" in data:
            data = html_lib.unescape(data)
        if not self._pre_depth:
            data = _SPACES.sub(" ", data)
        self._page.append(data)
        if self._article_depth and not self._chrome_depth:
            self._article.append(data)

    def _break(self) -> None:
        self._page.append("\n\n")
        if self._article_depth and not self._chrome_depth:
            self._article.append("\n\n")

    @staticmethod
    def _join(parts: list[str]) -> str:
        text = "".join(parts)
        lines = [line.strip() for line in text.split("\n")]
        text = "\n".join(lines)
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        return text + "\n" if text else ""

    def page_text(self) -> str:
        return self._join(self._page)

    def article_text(self) -> str:
        text = self._join(self._article)
        # An <article> holding a teaser only is not the article: fall back to the page.
        return text if len(text) >= 0.3 * len(self.page_text()) else ""
