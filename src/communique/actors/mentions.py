"""Named mentions: spaCy's entities, cleaned (no leading "the", titles or byline words inside a person's name).

A mention is a token range with a label; later steps mend its label, add what the text says about it (titles,
affiliation, country) and merge mentions into entities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import titles as title_lexicon
from .sectors import sector_of_name
from .tables import fold

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
LEADING_JUNK = {"the", "a", "an", "'s", "’s", "former", "late"}
TRAILING_JUNK = {"'s", "’s", "'", "’"}
# Words that introduce a byline ("By Jane Doe", Albanian "Nga", German "Von", ...): never part of a name.
PLACE_NOUNS = {"street", "avenue", "road", "square", "boulevard", "bridge", "park", "lane", "highway", "airport"}
NAME_PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "den", "bin", "al", "el", "ibn", "le", "la", "du", "dos"}
BYLINE_WORDS = {"by", "nga", "autor", "autorka", "od", "piše", "pise", "von", "par", "por", "di", "from"}


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    name: str  # the words that name it, cleaned
    titles: list[str] = field(default_factory=list)
    affiliation: "Mention | None" = None  # the organisation it belongs to, as mentioned in the text
    affiliation_name: str | None = None  # ... or named by a known organisation's name when not a mention
    country: str | None = None  # ISO3 that the text ties it to ("Serbian President X", "X of Kosovo")
    gender: str | None = None  # "m" / "f" when a title or honorific tells it
    sector_hint: str | None = None  # what a common noun says of the body ("union secretary" -> CVL)
    entity: object | None = None  # the cluster it ends up in

    def char_span(self, doc: Doc) -> tuple[int, int]:
        last = doc[self.end - 1]
        return doc[self.start].idx, last.idx + len(last.text)

    @property
    def key(self) -> str:
        return fold(self.name)

    @property
    def words(self) -> list[str]:
        return self.name.split()


def title_case(words: list[str]) -> str:
    """'foreign minister' -> 'Foreign Minister'; keeps acronyms (NATO, MP) and small words (of, the) as they are."""
    small = {"of", "the", "and", "for", "in", "on"}
    out = []
    for word in words:
        if word.isupper() or word.lower() in small:
            out.append(word if word.isupper() else word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def collect(doc: Doc) -> list[Mention]:
    """Cleaned named mentions of the kept labels, in text order."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS or _crosses_paragraph(ent.text):
            continue
        mention = _clean(doc, ent.start, ent.end, ent.label_)
        if mention is not None:
            found.append(mention)
    return found


def _crosses_paragraph(text: str) -> bool:
    """Names do not run across a blank line; a span that does glues a header or menu line to the body."""
    return "\n" in text.strip() and ("\n\n" in text or text.count("\n") > 1 or len(text.split()) > 6)


def _clean(doc: Doc, start: int, end: int, label: str) -> Mention | None:
    # "the General Election", "the President Hotel": after a determiner a title word names no person.
    definite = doc[start].lower_ in ("the", "a", "an") or (start > 0 and doc[start - 1].lower_ in ("the", "a", "an"))
    while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in TRAILING_JUNK or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    titles: list[str] = []
    gender = None
    if label == "PERSON":
        while start < end - 1 and doc[start].lower_ in BYLINE_WORDS and doc[start].is_title:
            start += 1
        # "rang Lucy": a lowercase word is not the start of a name (particles like "de", "van", "bin" are).
        while start < end - 1 and doc[start].is_lower and doc[start].lower_ not in NAME_PARTICLES:
            start += 1
        while start < end - 1 and title_lexicon.is_honorific(doc[start].text):
            gender = gender or title_lexicon.honorific_gender(doc[start].text)
            start += 1
        # "Paul Boateng MP": a title after the name.
        trailing = title_lexicon.info(doc[end - 1].text) if end - start >= 3 and doc[end - 1].is_upper else None
        if trailing is not None:
            titles.append(doc[end - 1].text)
            end -= 1
        if end - start == 1 and title_lexicon.is_honorific(doc[start].text):
            return None  # "Mr" alone
    affiliation_name = None
    if label == "PERSON" and end - start >= 3 and doc[start].is_upper and len(doc[start]) > 1 and \
            fold(doc[start + 1].text) in title_lexicon.title_words():
        affiliation_name, start = doc[start].text, start + 1  # "GSAS Dean Emma Dench": the body, then the title
    if (label == "PERSON" or (label in ("ORG", "GPE", "NORP") and not definite)) and end - start >= 2:
        # "President Vjosa Osmani" tagged as one name: the title is what the text says about the person.
        start, inside, inside_gender = _split_leading_title(doc, start, end)
        titles, gender = inside + titles, gender or inside_gender
    if start >= end or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    name = " ".join(doc[start:end].text.split())
    mention = Mention(start, end, label, name, titles=titles, gender=gender, affiliation_name=affiliation_name)
    if titles and label != "PERSON":
        mention.label = "PERSON"
    return mention


def _split_leading_title(doc: Doc, start: int, end: int) -> tuple[int, list[str], str | None]:
    words = title_lexicon.title_words()
    gender = title_lexicon.honorific_gender(doc[start].text)
    if gender and start + 1 < end:
        return start + 1, [], gender
    stop = start
    while stop < end - 1 and (fold(doc[stop].text) in words or (doc[stop].text == "-" and stop > start)):
        stop += 1
    if stop == start or not doc[stop].is_title:
        return start, [], None
    texts = [t.text for t in doc[start:stop]]
    found = title_lexicon.lookup(" ".join(texts).replace(" - ", "-").split())
    if not found or found[0] != len(" ".join(texts).replace(" - ", "-").split()):
        return start, [], None
    size, info = found
    if sector_of_name(doc[stop:end].text) or any(t.lower_ in PLACE_NOUNS for t in doc[stop:end]):
        return start, [], None  # "General Motors", "Chief Executive Holdings": an organisation's name
    return stop, [title_case(" ".join(texts).replace(" - ", "-").split())], info.gender
