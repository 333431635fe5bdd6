"""HTML pages: trafilatura for the body, then the page's own declarations for better metadata.

trafilatura finds the body well; its metadata keeps site names in titles and outlet names among authors.
The title, authors and date here come from what the page declares (meta tags, JSON-LD, <h1>, bylines, <time>),
read with lxml and checked against each other; trafilatura's guesses are the fallback.
"""
from __future__ import annotations

import trafilatura

from ..errors import BadInput
from ..record import Record, Source
from .bylines import clean_authors
from .dates import page_date
from .pagemeta import PageMeta, clean_space, parse_tree, read_page_meta
from .titles import choose_title, comparable

AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
               "byl", "citation_author", "og:article:author", "twitter:creator")


def read_html(html: str, record_id: str, url: str | None, origin: str) -> Record:
    tree = parse_tree(html)
    page = read_page_meta(tree, url)
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    except Exception as error:  # trafilatura over untrusted markup: its failure is this page's failure
        raise BadInput(origin, f"HTML page could not be parsed ({type(error).__name__})") from error
    body = clean_space_lines(found.text if found is not None else "")
    if not _has_prose(body):
        raise BadInput(origin, "HTML page with no article text (only menus, links or boilerplate)")
    title = choose_title(page, found.title)
    body = _drop_leading_title(body, title)
    sites = page.site_names()
    extracted_authors = (found.author or "").split(";")
    return Record(
        id=record_id,
        text=body,
        title=title,
        authors=page_authors(page, extracted_authors),
        published=page_date(page, html, url, searched=found.date),
        section=_section(page),
        url=url or page.first("og:url") or found.url,
        source=Source(name=sites[0] if sites else found.sitename,
                      domain=page.domain or _domain_from(page.first("og:url"))),
    )


MIN_PARAGRAPH_WORDS = 8  # a page whose longest text block is shorter holds menus and links, not an article


def _has_prose(body: str) -> bool:
    return any(len(paragraph.split()) >= MIN_PARAGRAPH_WORDS for paragraph in body.split("\n\n"))


def page_authors(page: PageMeta, extracted: list[str] = ()) -> list[str]:
    """Authors from JSON-LD, then meta tags, then byline elements, then trafilatura: the first that gives names."""
    sites = page.site_names()
    for candidates in (_json_ld_people(page), _meta_authors(page), page.bylines[:3], list(extracted)):
        names = clean_authors(candidates, sites, page.domain)
        if names:
            return names
    return []


def _json_ld_people(page: PageMeta) -> list[str]:
    names: list[str] = []
    for obj in page.articles():
        authors = obj.get("author") or obj.get("creator")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, str):
                names.append(author)
            elif isinstance(author, dict) and isinstance(author.get("name"), str):
                kind = author.get("@type")
                kinds = {k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
                if not kinds & {"organization", "newsmediaorganization", "corporation"}:
                    names.append(author["name"])
        if names:
            break
    return names


def _meta_authors(page: PageMeta) -> list[str]:
    for name in AUTHOR_META:
        values = [v for v in page.meta.get(name, []) if not v.strip().startswith(("http://", "https://", "@"))]
        if values:
            return values
    return []


def _section(page: PageMeta) -> str | None:
    section = page.first("article:section")
    if section:
        return section
    for obj in page.articles():
        value = obj.get("articleSection")
        value = value[0] if isinstance(value, list) and value else value
        if isinstance(value, str) and clean_space(value):
            return clean_space(value)
    return None


def _drop_leading_title(body: str, title: str | None) -> str:
    """trafilatura sometimes keeps the headline as the body's first line: the body starts after it."""
    first, _, rest = body.partition("\n")
    if title and rest.strip() and comparable(first) == comparable(title):
        return rest.lstrip()
    return body


def clean_space_lines(text: str) -> str:
    """Paragraphs one per line as trafilatura gives them, each with single spaces, blank lines separating."""
    paragraphs = [clean_space(line) for line in (text or "").splitlines()]
    return "\n\n".join(p for p in paragraphs if p)


def _domain_from(url: str | None) -> str | None:
    from .pagemeta import domain_of

    return domain_of(url)
