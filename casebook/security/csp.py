"""Stage 6, after the build: a Content-Security-Policy computed from the built site, and links
out of it that do not hand over the page.

Nothing is listed by hand. The policy is read off what the pages hold: the hash of every inline
script (the theme writes a few; generated pages write none), the origins of any form, frame or
image that points elsewhere, and whether the site ships WebAssembly (Pagefind's search). So a
page another engineer adds needs no change here, and an inline script injected into a built page
later matches no hash and does not run. SECURITY.md explains each directive.

    pages (html text), file names -> policy(...) -> with_policy(html), headers_file(policy)
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import urlsplit

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=""", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_STYLE_ATTR = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*"([^"]*)\"""")
# What every match of _STYLE_ATTR holds, found about ten times faster (a literal start): most
# pages have no style attribute, and _STYLE_ATTR alone was half the survey's time.
_STYLE_ATTR_HINT = re.compile(r"""style\s*=\s*\"""")
_ATTR_URL = {
    tag: re.compile(rf"""<{tag}\b[^>]*?\s{attr}\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
    for tag, attr in (("form", "action"), ("iframe", "src"), ("img", "src"))
}
_ANCHOR = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*["'](https?:)?//""", re.IGNORECASE)
_REL = re.compile(r"""\srel\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)  # must stay in the first 1,024 bytes
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>|<body\b", re.IGNORECASE)
# Script types a browser runs; anything else (application/json, the theme's __config) is data.
_EXECUTED = {"", "text/javascript", "application/javascript", "module"}
OUT_REL = ("noopener", "noreferrer")
META_NAME = "Content-Security-Policy"


def digest(text: str) -> str:
    """A CSP hash source for an inline script or style, exactly as the browser computes it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of inline scripts a browser would run."""
    found = []
    for attributes, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (kind.group(1).lower() if kind else "") in _EXECUTED:
            found.append(body)
    return found


def _origins(urls: Iterable[str]) -> set[str]:
    """'self' for a relative address, scheme://host[:port] for an absolute one."""
    origins = set()
    for url in urls:
        parts = urlsplit(url.strip())
        origins.add(
            f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else "'self'"
        )
    return origins


@dataclass
class Survey:
    """What the built pages need from the policy, gathered page by page."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    frames: set[str] = field(default_factory=set)
    images: set[str] = field(default_factory=set)
    wasm: bool = False

    def add_page(self, html: str) -> None:
        self.scripts.update(digest(body) for body in inline_scripts(html))
        self.styles.update(digest(body) for body in _STYLE_BLOCK.findall(html))
        if _STYLE_ATTR_HINT.search(html):
            self.style_attributes.update(digest(value) for value in _STYLE_ATTR.findall(html))
        self.forms |= _origins(_ATTR_URL["form"].findall(html))
        self.frames |= _origins(_ATTR_URL["iframe"].findall(html))
        self.images |= _origins(u for u in _ATTR_URL["img"].findall(html) if not u.startswith("data:"))

    def add_file(self, name: str) -> None:
        # Pagefind names its WebAssembly modules wasm.<language>.pagefind, not *.wasm.
        self.wasm = self.wasm or name.endswith(".wasm") or (name.startswith("wasm.") and name.endswith(".pagefind"))


def policy(survey: Survey) -> dict[str, list[str]]:
    """The directives, in a stable order, each source list sorted (so the build is reproducible)."""
    scripts = ["'self'"] + (["'wasm-unsafe-eval'"] if survey.wasm else []) + sorted(survey.scripts)
    styles = ["'self'"] + sorted(survey.styles)
    if survey.style_attributes:  # only these exact style="..." values, never arbitrary ones
        styles += ["'unsafe-hashes'"] + sorted(survey.style_attributes)
    return {
        "default-src": ["'none'"],
        "script-src": scripts,
        "style-src": styles,
        "img-src": ["'self'", "data:"] + sorted(survey.images - {"'self'"}),
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": sorted(survey.frames) or ["'none'"],
        "form-action": sorted(survey.forms | {"'self'"}),
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }


def serialise(directives: dict[str, list[str]], *, header: bool = False) -> str:
    """The policy as one line. `frame-ancestors` works only as a header, so only the header has it."""
    items = dict(directives)
    if header:
        items["frame-ancestors"] = ["'none'"]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in items.items())


class MissingPolicy(Exception):
    """Built pages that hold no policy (or more than one): the build must stop."""


class _HeadTags(HTMLParser):
    """Counts the policy meta tags among the head's tags. Parsed, not searched as text: contributor
    text (a title, a description) is an attribute value or text here, never a tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policies = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and any(
            name == "http-equiv" and (value or "").lower() == META_NAME.lower() for name, value in attrs
        ):
            self.policies += 1

    handle_startendtag = handle_starttag


def policies_in_head(html: str) -> int:
    """How many `<meta http-equiv="Content-Security-Policy">` tags the page's head holds.
    Contributor text is escaped, so the first `</head` or `<body` written is the theme's."""
    end = _HEAD_END.search(html)
    head = html[: end.start() if end else len(html)]
    if "http-equiv" not in head.lower():  # no tag can be counted (attribute names are not escaped)
        return 0
    parser = _HeadTags()
    parser.feed(head)
    parser.close()
    return parser.policies


def with_policy(html: str, content: str) -> str:
    """The page with the policy as a meta tag, before its first script, and rel="noopener
    noreferrer" on every link to another site. Inserted once, whatever text the page holds."""
    meta = f'<meta http-equiv="{META_NAME}" content="{content}">'
    head = _CHARSET.search(html) or _HEAD.search(html)
    if head and not policies_in_head(html):
        html = html[: head.end()] + meta + html[head.end() :]
    return _ANCHOR.sub(_outward, html)


def _outward(found: re.Match[str]) -> str:
    tag = found.group(0)
    if not _HREF.search(tag):
        return tag
    rel = _REL.search(tag)
    if rel is None:  # added last, so the tag still starts '<a href=' for anything that reads it
        end = len(tag) - 2 if tag.endswith("/>") else len(tag) - 1
        return tag[:end] + ' rel="noopener noreferrer"' + tag[end:]
    tokens = rel.group(2).split()
    tokens += [token for token in OUT_REL if token not in tokens]
    return tag[: rel.start()] + f' rel="{" ".join(tokens)}"' + tag[rel.end() :]


def headers_file(directives: dict[str, list[str]]) -> str:
    """`_headers`, read by Netlify and Cloudflare Pages: the same policy plus frame-ancestors, and
    headers a meta tag cannot send."""
    lines = [
        "/*",
        f"  {META_NAME}: {serialise(directives, header=True)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Frame-Options: DENY",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
        "",
    ]
    return "\n".join(lines)


def apply_to_site(site: Path) -> dict[str, list[str]]:
    """Survey every file of a built site, then write the policy into each page and `_headers`."""
    survey = Survey()
    pages = sorted(site.rglob("*.html"))
    for path in sorted(site.rglob("*")):
        survey.add_file(path.name)
    # Each page is read twice rather than all held at once: held, their text added about 160 MB
    # to the build's peak memory at 5,000 cases; the second read comes from the OS's cache.
    for path in pages:
        survey.add_page(path.read_text(encoding="utf-8"))
    directives = policy(survey)
    content = serialise(directives)
    unprotected = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        changed = with_policy(text, content)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
        if policies_in_head(changed) != 1:
            unprotected.append(path.relative_to(site).as_posix())
    if unprotected:
        raise MissingPolicy(
            f"{len(unprotected)} built page(s) have no Content-Security-Policy in their head "
            f"(or more than one), e.g. {', '.join(unprotected[:5])}"
        )
    (site / "_headers").write_text(headers_file(directives), encoding="utf-8")
    return directives
