"""The headline as published: the page's <h1> when the page's own title tags agree with it, else the best
meta title without the site name and section labels that sites add around it ("X | Site", "Opinion | X").
"""
from __future__ import annotations

import re
import unicodedata

from .pagemeta import PageMeta, clean_space

# Separators sites put between a headline and their name or section; a bare hyphen inside words is not one.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|•|·|~|/)\s+")
_MEDIA_TAG = re.compile(r"\s*[\[(](?:video|videos|watch|photos?|pics|gallery|live|updated|listen|audio|podcast)"
                        r"[\])]\s*$", re.I)
MIN_HEADING_WORDS = 3  # shorter <h1>s are usually section names or logos
MAX_LABEL_WORDS = 3  # "Opinion", "College sports", "Anglophenia | BBC America": labels are short


def comparable(text: str | None) -> str:
    """Case, punctuation and spacing removed: how two spellings of one title are compared."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())


def _squeezed(text: str) -> str:
    return comparable(text).replace(" ", "")


def is_site_name(segment: str, site_names: list[str], domain: str | None) -> bool:
    squeezed = _squeezed(segment)
    if not squeezed:
        return True
    for name in site_names:
        other = _squeezed(name)
        if other and (squeezed == other or (len(other) > 3 and (squeezed.startswith(other) or other.startswith(squeezed)))):
            return True
    if domain:
        # "Sci.News" for sci.news, "The Daily World" for thedailyworld.com, "TechCrunch" for techcrunch.com
        host = _squeezed(domain.rsplit(".", 1)[0]) if "." in domain else _squeezed(domain)
        labels = [_squeezed(part) for part in domain.split(".")[:-1]]
        if squeezed in (host, _squeezed(domain)) or squeezed in labels or (len(squeezed) > 4 and squeezed in host):
            return True
    return False


def strip_site_affixes(title: str, site_names: list[str], domain: str | None) -> str:
    """'Headline | Section | Site' -> 'Headline'; 'Site - Headline' and 'Opinion | Headline' -> 'Headline'."""
    parts = _SEPARATOR.split(clean_space(title))
    if len(parts) == 1:
        return parts[0]

    def words(part: str) -> int:
        return len(part.split())

    while len(parts) > 1 and is_site_name(parts[-1], site_names, domain):
        parts.pop()
    while len(parts) > 1 and is_site_name(parts[0], site_names, domain):
        parts.pop(0)
    # Short trailing or leading labels around a clearly longer headline.
    while len(parts) > 1 and words(parts[-1]) <= MAX_LABEL_WORDS and words(" ".join(parts[:-1])) > MAX_LABEL_WORDS:
        parts.pop()
    while len(parts) > 1 and words(parts[0]) <= 2 and words(" ".join(parts[1:])) > MAX_LABEL_WORDS + 1:
        parts.pop(0)
    # Keep the original separators of what is left.
    kept = " ".join(parts)
    original = clean_space(title)
    start = original.find(parts[0])
    end = original.rfind(parts[-1]) + len(parts[-1])
    return original[start:end] if 0 <= start < end else kept


def choose_title(page: PageMeta, extracted: str | None = None) -> str | None:
    sites = page.site_names()
    # The page's own title declarations; trafilatura's title is left out of the agreement test because it is
    # often the <h1> itself, and a heading cannot confirm itself.
    raw = [page.first("og:title"), _json_ld_headline(page), page.first("twitter:title"), page.first("dc.title"),
           page.title_tag]
    raw = [t for t in raw if t]
    cleaned = [strip_site_affixes(t, sites, page.domain) for t in raw + ([extracted] if extracted else [])]
    headings = [h for h in page.headings if not is_site_name(h, sites, page.domain)]

    declared = cleaned[:len(raw)]
    comparable_cleaned = {comparable(t) for t in declared}
    for heading in headings[:3]:
        if comparable(heading) in comparable_cleaned:
            return _without_media_tag(heading)
    # An <h1> with a kicker before the headline ("Opinion What I'll ..."): the meta title without it.
    for heading in headings[:3]:
        h = comparable(heading)
        for title in declared:
            t = comparable(title)
            if t and h.endswith(" " + t) and len(h.split()) - len(t.split()) <= MAX_LABEL_WORDS:
                return title
    comparable_raw = {comparable(t) for t in raw}
    for heading in headings[:3]:
        if comparable(heading) in comparable_raw:
            return _without_media_tag(heading)
    if headings and len(headings[0].split()) >= MIN_HEADING_WORDS:
        return _without_media_tag(headings[0])
    best = cleaned[0] if cleaned else (headings[0] if headings else None)
    return _without_media_tag(best) if best else None


def _without_media_tag(title: str) -> str:
    """'Volcano erupts (video)' -> 'Volcano erupts': the tag says what the page carries, not what happened."""
    return _MEDIA_TAG.sub("", title).strip() or title


def _json_ld_headline(page: PageMeta) -> str | None:
    for obj in page.articles():
        for key in ("headline", "name"):
            value = obj.get(key)
            if isinstance(value, str) and clean_space(value):
                return clean_space(value)
    return None
