"""What the words around a person's name say about them: titles, affiliation and country.

- a title on the left: "NATO Secretary General Mark Rutte", "Serbian President X", "Kosovo's Prime Minister X";
- an apposition: "X, the foreign minister of Serbia," / "the president of Kosovo, X";
- "of" on the right of a titled name: "President X of Kosovo".
The organisation or country that qualifies a title becomes the person's affiliation or country.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import titles as title_lexicon
from .countries import COUNTRY, NATIONALITY, country_kind, organisation_of
from .mentions import Mention, title_case
from .sectors import sector_of_name
from .tables import fold

MAX_LEFT_TOKENS = 8
POSSESSIVE = {"'s", "’s", "'", "’"}
QUALIFYING_PREPOSITIONS = {"of", "at", "for", "in"}


class MentionIndex:
    """Mentions by their first and last token, for constant-time neighbour look-ups."""

    def __init__(self, mentions: list[Mention]):
        self.by_start = {m.start: m for m in mentions}
        self.by_end = {m.end: m for m in mentions}
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m


def title_on_left(doc: Doc, start: int) -> tuple[int, str, title_lexicon.TitleInfo] | None:
    """The title just left of token `start`: (its first token, its text, its lexicon entry), or None."""
    words = title_lexicon.title_words()
    sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    while start > sent_start and title_lexicon.is_honorific(doc[start - 1].text):
        start -= 1  # "Mayor Mr Livingstone"
    first = start
    while first > sent_start and start - first < MAX_LEFT_TOKENS:
        token = doc[first - 1]
        if fold(token.text) in words or (token.text == "-" and first < start):
            first -= 1
        else:
            break
    if first == start:
        return None
    groups = _words(doc, first, start)
    found = title_lexicon.lookup([text for text, _ in groups])
    if not found:
        return None
    size, info = found
    begin = groups[-size][1]
    return begin, title_case([text for text, _ in groups[-size:]]), info


def _words(doc: Doc, start: int, end: int) -> list[tuple[str, int]]:
    """Tokens joined into written words ('Secretary', '-', 'General' -> 'Secretary-General'), with first token."""
    groups: list[tuple[str, int]] = []
    for token in doc[start:end]:
        if groups and (token.text == "-" or groups[-1][0].endswith("-")) and not doc[token.i - 1].whitespace_:
            groups[-1] = (groups[-1][0] + token.text, groups[-1][1])
        else:
            groups.append((token.text, token.i))
    return groups


def qualifier_left(doc: Doc, index: MentionIndex, before: int) -> tuple[Mention | None, str | None, str | None]:
    """What qualifies a title that starts at token `before`: ('NATO' mention, org name, country code)."""
    i = before - 1
    if i >= 0 and doc[i].text in POSSESSIVE:
        i -= 1
    if i < 0:
        return None, None, None
    mention = index.by_end.get(i + 1)
    if mention is not None:
        return _qualifier_of(mention)
    # An untagged nationality or organisation word ("Serbian", "EU").
    token = doc[i]
    kind = country_kind(token.text)
    if kind and kind[1] in (COUNTRY, NATIONALITY):
        return None, None, kind[0]
    organisation = organisation_of(token.text) if token.text[:1].isupper() else None
    if organisation:
        return None, organisation["name"], None
    return None, None, None


def _qualifier_of(mention: Mention) -> tuple[Mention | None, str | None, str | None]:
    if mention.label in ("GPE", "NORP", "LOC"):
        kind = country_kind(mention.name)
        if kind and kind[1] in (COUNTRY, NATIONALITY):
            return None, None, kind[0]
        if mention.label == "NORP":  # "Tory leader X", "Republican senator X": a party or movement
            return None, mention.name, None
        return None, None, None
    if mention.label in ("ORG", "FAC"):
        return mention, None, None
    return None, None, None


def kind_of_body(doc: Doc, before: int) -> str | None:
    """The sector a common noun before a title tells ("union secretary", "the union's general secretary",
    "company spokesman"), for offices that every kind of organisation has."""
    i = before - 1
    if i >= 0 and doc[i].text in POSSESSIVE:
        i -= 1
    if i < 0 or doc[i].pos_ != "NOUN":
        return None
    return sector_of_name(doc[i].lemma_)


def apply_context(doc: Doc, mention: Mention, index: MentionIndex) -> list[tuple[int, int]]:
    """Fill a person mention's titles, affiliation and country from the words around it.

    Returns the token ranges the titles took, so that a fragment the model tagged inside one ("State" in
    "Secretary of State") can be dropped."""
    taken: list[tuple[int, int]] = []
    if mention.start > 0 and not mention.gender:
        mention.gender = title_lexicon.honorific_gender(doc[mention.start - 1].text)
    left = title_on_left(doc, mention.start)
    if left:
        begin, title, info = left
        _add_title(mention, title, info)
        taken.append((begin, mention.start))
        _qualify(mention, *qualifier_left(doc, index, begin))
        mention.sector_hint = mention.sector_hint or kind_of_body(doc, begin)
        _qualify_right(doc, mention, index)
    for noun in _appositive_nouns(doc[mention.start:mention.end].root):
        found = _appositive_title(doc, noun, index)
        if found:
            title, info, qualifier, begin = found
            hint = kind_of_body(doc, begin) or \
                next((sector_of_name(c.lemma_) for c in noun.children if c.dep_ == "poss" and c.pos_ == "NOUN"),
                     None)
            mention.sector_hint = mention.sector_hint or hint
            if info.sector is None and qualifier == (None, None, None):
                continue  # "X, the head" says too little
            _add_title(mention, title, info)
            _qualify(mention, *qualifier)
    return taken


def _add_title(mention: Mention, title: str, info: title_lexicon.TitleInfo) -> None:
    if title not in mention.titles:
        mention.titles.append(title)
    if info.gender and not mention.gender:
        mention.gender = info.gender


def _qualify(mention: Mention, organisation: Mention | None, organisation_name: str | None, country: str | None):
    if organisation is not None and mention.affiliation is None and mention.affiliation_name is None:
        mention.affiliation = organisation
    if organisation_name and mention.affiliation is None and mention.affiliation_name is None:
        mention.affiliation_name = organisation_name
    if country and not mention.country:
        mention.country = country


def _qualify_right(doc: Doc, mention: Mention, index: MentionIndex) -> None:
    """'President Osmani of Kosovo': a titled name followed by 'of' and a country or organisation."""
    i = mention.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1 if doc[i + 1].lower_ != "the" else i + 2
        other = index.by_start.get(j)
        if other is not None:
            _qualify(mention, *_qualifier_of(other))


def _appositive_nouns(root: Token) -> list[Token]:
    nouns = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < root.i:
        nouns.append(root.head)  # "the president of Kosovo, Vjosa Osmani"
    return [noun for noun in nouns if noun.pos_ in ("NOUN", "PROPN")]


def _appositive_title(doc: Doc, noun: Token, index: MentionIndex):
    """The title an appositive noun phrase gives ('the foreign minister of Serbia'), with what qualifies it."""
    if noun.i in index.by_token:
        return None
    words = title_lexicon.title_words()
    first = noun.i
    while first > noun.left_edge.i and fold(doc[first - 1].text) in words and (first - 1) not in index.by_token:
        first -= 1
    groups = _words(doc, first, noun.i + 1)
    found = title_lexicon.lookup([text for text, _ in groups])
    if not found:
        return None
    size, info = found
    title = title_case([text for text, _ in groups[-size:]])
    qualifier = qualifier_left(doc, index, groups[-size][1])
    for child in noun.children:
        if child.dep_ == "poss":
            other = index.by_token.get(child.i)
            if other is not None:
                qualifier = _merge(qualifier, _qualifier_of(other))
        elif child.dep_ == "prep" and child.lower_ in QUALIFYING_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                other = index.by_token.get(obj.i)
                if other is not None:
                    qualifier = _merge(qualifier, _qualifier_of(other))
                elif child.lower_ == "of" and fold(" ".join(t.text for t in obj.subtree)) in _portfolios():
                    title = f"{title} of {title_case([t.text for t in obj.subtree])}"  # Minister of Foreign Affairs
    return title, info, qualifier, groups[-size][1]


def _merge(first, second):
    return tuple(a if a is not None else b for a, b in zip(first, second))


def _portfolios() -> frozenset[str]:
    return title_lexicon.modifiers()
