"""Mend the model's obvious labelling mistakes by how the text uses a name.

- A name tagged as a place or organisation is a person when the text uses it as one: a person's title or an
  honorific before it, "who/whom/whose" after it, a title in apposition, the subject of a person's verb (for
  names that are no known place), or the same name as a person mentioned elsewhere in the article.
- A name tagged as a person is a country, nationality or organisation when it is a known one, and the outlet
  when it is the outlet's own name ("..., writes A2 CNN").
- A person's surname the model left untagged is a mention all the same.
"""
from __future__ import annotations

from spacy.attrs import IS_TITLE, IS_UPPER
from spacy.tokens import Doc

from ..record import Record
from . import titles as title_lexicon
from .context import MentionIndex, title_on_left
from .countries import COUNTRY, NATIONALITY, CAPITAL, SEAT, country_kind, organisation_of
from .mentions import Mention
from .places import city_of
from .sectors import sector_of_name
from .tables import fold

# Verbs whose subject is a person far more often than a place.
PERSON_VERBS = {"say", "tell", "state", "add", "visit", "meet", "urge", "believe", "think", "insist", "warn",
                "ask", "answer", "reply", "explain", "write", "speak", "talk", "call", "promise", "admit",
                "deny", "claim", "stress", "emphasize", "emphasise", "note", "argue", "travel", "arrive",
                "resign", "die", "smile", "laugh", "hope", "want", "feel", "know"}
RELATIVE_PERSON = {"who", "whom", "whose"}
PLACE_HEADS = {"port", "city", "town", "village", "province", "region", "island", "republic", "state", "capital",
               "district", "county", "municipality", "harbour", "harbor", "valley", "commune"}


def _known_kind(name: str) -> str | None:
    """'country' / 'nationality' / 'capital' / 'seat' / 'organisation' when the words name a known one."""
    kind = country_kind(name)
    if kind:
        return kind[1]
    if organisation_of(name):
        return "organisation"
    return None


def mend_person_labels(doc: Doc, mentions: list[Mention], record: Record) -> None:
    """A 'person' that is a known country, nationality, organisation or the outlet itself, or a place by how the
    text names it ("the port of Valdera")."""
    outlet = {fold(n) for n in (record.source.name, record.source.credit) if n}
    place_keys = {m.key for m in mentions if m.label in ("GPE", "LOC")}
    name_words = {w for m in mentions if m.label == "PERSON" and len(m.words) > 1 for w in m.key.split()}
    for mention in mentions:
        if mention.label != "PERSON" or mention.titles:
            continue
        kind = _known_kind(mention.name)
        if kind in (COUNTRY, CAPITAL):
            mention.label = "GPE"
        elif kind == NATIONALITY:
            mention.label = "NORP"
        elif kind in (SEAT, "organisation") or mention.key in outlet or _not_a_name(mention.name) or \
                sector_of_name(mention.name):
            mention.label = "ORG"
        elif len(mention.words) == 1 and _big_city(mention.name) and \
                (mention.key in place_keys or mention.key not in name_words):
            # "Manchester" tagged a place here and a person there, or a known city that is no one's name here
            mention.label = "GPE"
        elif names_a_place(mention.name):
            mention.label = "FAC"
        elif _place_of_a_place_noun(doc, mention):
            mention.label = "GPE"


BIG_CITY = 100_000  # inhabitants: a lone name this well known as a city is the city unless the text says otherwise


def _big_city(name: str) -> bool:
    city = city_of(name)
    return city is not None and city.population >= BIG_CITY


def _could_be_a_name(name: str) -> bool:
    """Not a known country, organisation or city, and no word that names an organisation ('General Motors') or a
    street ('King Street')."""
    return not _known_kind(name) and city_of(name) is None and sector_of_name(name) is None and \
        not names_a_place(name)


PLACE_WORDS = {"street", "avenue", "road", "square", "boulevard", "bridge", "park", "lane", "highway", "airport",
               "station", "stadium", "hall", "palace", "building", "tower", "downtown", "county", "district"}


def names_a_place(name: str) -> bool:
    """'King Street', 'Downtown Madison', 'Orange County': words that make a name a place's."""
    return any(word in PLACE_WORDS for word in fold(name).split())


def _not_a_name(name: str) -> bool:
    """People's names carry no digits ('A2 CNN' is a channel)."""
    return any(ch.isdigit() for ch in name)


def mend_other_labels(doc: Doc, mentions: list[Mention], index: MentionIndex) -> None:
    """Places and organisations that the text uses as people; known countries tagged as organisations."""
    person_keys = _person_keys(mentions)
    retyped: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            continue
        kind = _known_kind(mention.name)
        if mention.label == "ORG" and not kind and len(mention.words) == 1 and _big_city(mention.name):
            mention.label = "GPE"  # "Ostrava's President": a well-known city, not an organisation
            continue
        if kind:
            if mention.label == "ORG" and kind == COUNTRY:
                mention.label = "GPE"
            elif mention.label in ("GPE", "LOC") and kind == "organisation":
                mention.label = "ORG"
            continue
        if sector_of_name(mention.name):
            continue  # "Migration Watch", "Labour Party": the name itself says organisation
        if mention.key in person_keys or _ends_with_a_surname(mention, person_keys) or \
                _used_as_person(doc, mention, index):
            mention.label = "PERSON"
            retyped.add(mention.key)
    if retyped:  # the same name elsewhere, even without such a use, is the same person
        for mention in mentions:
            if mention.label != "PERSON" and mention.key in retyped:
                mention.label = "PERSON"


def _ends_with_a_surname(mention: Mention, person_keys: set[str]) -> bool:
    """'Amara Tupou' tagged as an organisation where 'Tupou' is a person: a first name and that surname."""
    words = mention.key.split()
    return len(words) == 2 and words[-1] in person_keys and all(w[:1].isupper() for w in mention.words)


def _person_keys(mentions: list[Mention]) -> set[str]:
    keys = set()
    for mention in mentions:
        if mention.label == "PERSON":
            keys.add(mention.key)
            words = mention.key.split()
            if len(words) > 1:
                keys.add(words[-1])
    return keys


def _place_of_a_place_noun(doc: Doc, mention: Mention) -> bool:
    """'the port of Valdera', 'the town of Kell': the object of 'of' after a noun for a place."""
    root = doc[mention.start:mention.end].root
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in PLACE_HEADS


def _used_as_person(doc: Doc, mention: Mention, index: MentionIndex) -> bool:
    if mention.end - mention.start > 4:
        return False
    left = title_on_left(doc, mention.start)
    if left and (left[2].sector or left[2].gender):
        return True
    if mention.start > 0 and title_lexicon.honorific_gender(doc[mention.start - 1].text):
        return True
    if _relative_person(doc, mention.end):
        return True
    root = doc[mention.start:mention.end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i not in index.by_token:
            info = title_lexicon.info(child.text)
            if info and info.sector:
                return True
    if root.dep_ == "appos" and root.head.i < root.i and title_lexicon.info(root.head.text) is not None:
        return True  # "Its director, Amara Tupou, said ..."
    if mention.label in ("GPE", "LOC") and root.dep_ in ("nsubj", "nsubjpass") and \
            root.head.lemma_.lower() in PERSON_VERBS and city_of(mention.name) is None:
        return True
    return False


def _relative_person(doc: Doc, i: int) -> bool:
    """'X, who ...', 'X, whom ...', 'X, with whom ...'."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in RELATIVE_PERSON:
        return True
    return i + 1 < len(doc) and doc[i].pos_ == "ADP" and doc[i + 1].lower_ in ("whom", "whose")


def add_untagged_names(doc: Doc, mentions: list[Mention], index: MentionIndex) -> list[Mention]:
    """Mentions the model missed: a proper name right after a person's title ("President Petković"), a token
    that repeats a known person's surname, and a lone word that is a known country, nationality or
    organisation ("of Norway", "KFOR troops")."""
    candidates = _capitalised(doc)
    added = _titled_names(doc, index, candidates)
    surnames = {fold(m.words[-1]) for m in mentions + added if m.label == "PERSON"}
    taken = {i for m in added for i in range(m.start, m.end)}
    for i in candidates:
        token = doc[i]
        if i in index.by_token or i in taken or len(token) < 2:
            continue
        if token.pos_ == "PROPN" and fold(token.text) in surnames:
            added.append(Mention(i, i + 1, "PERSON", token.text))
        elif not _inside_a_name(doc, i):
            label = _known_label(token.text)
            if label:
                added.append(Mention(i, i + 1, label, token.text))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


def _capitalised(doc: Doc) -> list[int]:
    """Indices of the capitalised or upper-case tokens, found in one vectorised pass (most tokens are neither)."""
    if len(doc) == 0:
        return []
    flags = doc.to_array([IS_TITLE, IS_UPPER])
    return [int(i) for i in (flags[:, 0] | flags[:, 1]).nonzero()[0]]


def _titled_names(doc: Doc, index: MentionIndex, candidates: list[int]) -> list[Mention]:
    title_words = title_lexicon.title_words()
    added = []
    after = 0  # the first token not yet inside an added name
    for i in candidates:
        token = doc[i]
        if i < max(after, 1) or i in index.by_token or not token.is_title or token.pos_ != "PROPN" \
                or fold(token.text) in title_words or fold(doc[i - 1].text) not in title_words \
                or title_lexicon.is_honorific(token.text):
            continue
        end = i
        while end < len(doc) and end - i < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                end not in index.by_token:
            end += 1
        left = title_on_left(doc, i)
        name = doc[i:end].text
        if left and (left[2].sector or left[2].gender) and _could_be_a_name(name):
            added.append(Mention(i, end, "PERSON", name))
            after = end
    return added


def _inside_a_name(doc: Doc, i: int) -> bool:
    """'Jordan' in 'Michael Jordan': a capitalised proper noun on either side makes it part of a longer name."""
    def proper(j: int) -> bool:
        return 0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title
    return proper(i - 1) or proper(i + 1)


def _known_label(word: str) -> str | None:
    kind = country_kind(word)
    if kind and kind[1] == COUNTRY:
        return "GPE"
    if kind and kind[1] == NATIONALITY:
        return "NORP"
    if word.isupper() and organisation_of(word):
        return "ORG"
    return None
