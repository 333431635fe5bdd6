"""What an HTML page says about itself: meta tags, JSON-LD objects, headings, bylines, <time> elements.

Gathered once per page with lxml so that the title, author and date rules each read plain lists.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

_SPACE = re.compile(r"\s+")
# Elements whose text is a byline: rel/itemprop/class/id naming an author.
_BYLINE_XPATH = (
    "//*[@rel='author' or contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')"
    " or contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'byline')"
    " or contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'author')"
    " or contains(translate(@id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'byline')]"
)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle",
                  "techarticle", "liveblogposting", "report", "socialmediaposting", "webpage", "medicalwebpage",
                  "creativework", "videoobject", "review", "howto", "recipe"}


def clean_space(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass
class PageMeta:
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents, in order
    json_ld: list[dict] = field(default_factory=list)  # every JSON-LD object, @graph flattened
    headings: list[str] = field(default_factory=list)  # <h1> texts, in document order, minus logos
    title_tag: str | None = None
    bylines: list[str] = field(default_factory=list)  # texts of byline-like elements
    times: list[str] = field(default_factory=list)  # <time datetime> values
    after_headline: str = ""  # the first visible text after the headline: where pages print their date
    domain: str | None = None

    def first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, []):
                if clean_space(value):
                    return clean_space(value)
        return None

    def articles(self) -> list[dict]:
        """JSON-LD objects that describe the page's article (news article, blog post, web page...)."""
        found = [o for o in self.json_ld if _types(o) & _ARTICLE_TYPES]
        # The most specific types first: a NewsArticle beats the WebPage that contains it.
        return sorted(found, key=lambda o: not (_types(o) - {"webpage", "creativework", "medicalwebpage"}))

    def site_names(self) -> list[str]:
        names = [v for key in ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
                 for v in self.meta.get(key, [])]
        for obj in self.json_ld:
            if _types(obj) & {"organization", "newsmediaorganization", "website"}:
                names.append(obj.get("name"))
            publisher = obj.get("publisher")
            for item in publisher if isinstance(publisher, list) else [publisher]:
                if isinstance(item, dict):
                    names.append(item.get("name"))
                elif isinstance(item, str):
                    names.append(item)
        out = []
        for name in names:
            if isinstance(name, str) and clean_space(name).lstrip("@") and clean_space(name).lstrip("@") not in out:
                out.append(clean_space(name).lstrip("@"))
        return out


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def parse_tree(html: str):
    """An lxml tree of the page, or None when lxml finds no document in it."""
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        # lxml refuses str input that declares an encoding; bytes are parsed the same way without complaint
        try:
            return lxml_html.document_fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return None


def read_page_meta(tree, url: str | None) -> PageMeta:
    page = PageMeta(domain=domain_of(url))
    if tree is None:
        return page
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = element.get("content")
        if key and content:
            page.meta.setdefault(key, []).append(content)
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            page.json_ld.extend(_json_ld_objects(script.text or ""))
    titles = tree.findall(".//title")
    page.title_tag = clean_space(titles[0].text_content()) if titles else None
    headline = None
    for heading in tree.iter("h1"):
        text = clean_space(heading.text_content())
        if text and not _is_logo(heading):
            page.headings.append(text)
            headline = headline if headline is not None else heading
    if headline is not None:
        page.after_headline = _text_after(tree, headline)
    for element in tree.xpath(_BYLINE_XPATH):
        if element.tag in ("meta", "link", "script", "style", "body", "html", "article"):
            continue
        text = clean_space(element.text_content())
        if text and len(text) < 200:
            page.bylines.append(text)
    page.times = [t.get("datetime").strip() for t in tree.iter("time") if (t.get("datetime") or "").strip()]
    return page


AFTER_HEADLINE_CHARS = 800
_INVISIBLE = {"script", "style", "noscript", "template", "svg"}


def _text_after(tree, start) -> str:
    """Visible text from the headline on, in document order, up to a few hundred characters."""
    texts: list[str] = []
    size = 0
    started = False
    for element in tree.iter():
        if element is start:
            started = True
        if not started or not isinstance(element.tag, str):
            continue
        hidden = element.tag in _INVISIBLE
        for text in ([] if hidden else [element.text]) + [element.tail]:
            if text and text.strip():
                texts.append(text.strip())
                size += len(text.strip())
        if size > AFTER_HEADLINE_CHARS:
            break
    return clean_space(" ".join(texts))[:AFTER_HEADLINE_CHARS * 2]


def _is_logo(heading) -> bool:
    """Site logos are often an <h1>: an image, a link to the home page, or a class saying so."""
    marks = " ".join(filter(None, [heading.get("class"), heading.get("id")] +
                            [e.get("class") or "" for e in heading.iterdescendants() if isinstance(e.tag, str)]))
    if "logo" in marks.lower():
        return True
    for link in heading.iter("a"):
        href = urlsplit((link.get("href") or "").strip())
        if link.get("href") and href.path in ("", "/") and not href.query and not href.fragment:
            return True
    return False


def _json_ld_objects(text: str) -> list[dict]:
    try:
        data = json.loads(text.strip().rstrip(";"))
    except (json.JSONDecodeError, RecursionError):
        return []
    found: list[dict] = []
    stack = [data]
    while stack and len(found) < 200:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
            if isinstance(item.get("mainEntity"), dict):
                stack.append(item["mainEntity"])
    return found


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return host or None
