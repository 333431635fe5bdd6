"""Which entity does a stretch of text refer to? Names, surnames, pronouns and descriptions.

- A span on a mention (or whose head word is in one) is that mention's entity.
- A name or surname is looked up by spelling ("Rutte", "the European Union", "Serbian" -> its country).
- A pronoun goes to the most salient compatible entity before it: in its own sentence the subject first, then
  the nearest; then the subjects of earlier sentences, nearest first. "He"/"she" need a person whose known gender
  (from gendered titles, honorifics, or "X said she ...") does not clash; inside a quotation, "he"/"she" is not
  the quote's speaker, and "I" is. "It" and "they" go to organisations and countries.
- A description ("the NATO chief", "the foreign minister", "the alliance") is matched through the entities'
  titles, affiliations, countries and names; of several fitting entities the one last mentioned before wins.
None when unsure. The per-article index is built once and kept in `doc.user_data`.
"""
from __future__ import annotations

import bisect
import functools
import re

from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from ..record import Entity, Record
from . import titles as title_lexicon
from .countries import COUNTRY, NATIONALITY, country_kind, organisation_of
from .tables import fold, forms, rows

RESOLVER_KEY = "communique.resolver"
GENDER_KEY = "communique.entity_gender"  # written by the entity stage: entity id -> "m" / "f"
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MAX_SENTENCES_BACK = 4
NEAR_CHARS = 40  # a pronoun this close after a person's name most often refers to that person
PERSONAL = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
NON_PERSON = {"it": "sg", "its": "sg", "itself": "sg", "they": "pl", "them": "pl", "their": "pl", "theirs": "pl",
              "themselves": "pl"}
GROUP_TYPES = {"ORG", "GPE", "NORP"}
DETERMINERS = {"the", "this", "that", "these", "those", "a", "an", "its", "their", "our", "'s", "’s"}
NOT_THE_CURRENT = {"former", "ex", "late", "previous", "then", "next", "future", "new", "outgoing"}
CLOSING = {"\u201d", '"', "\u00bb", "\u201c"}
# A quotation stays inside its paragraph; one left open runs to the paragraph's end (news opens a long quote
# again at each paragraph without closing the one before).
QUOTATION = re.compile(r'\u201c[^\u201d\n]*(?:\u201d|$)|"[^"\n]*(?:"|$)|\u00ab[^\u00bb\n]*(?:\u00bb|$)|'
                       r'\u201e[^\u201c\u201d\n]*(?:[\u201c\u201d]|$)', re.MULTILINE)


def entity_at(record: Record, start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps [start, end).

    Of several: a mention exactly at the span, then a person (a name follows its title and its organisation:
    "NATO Secretary General Mark Rutte"), then the mention that ends last."""
    best, best_rank = None, None
    for entity in record.entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                rank = (mention.start == start and mention.end == end, entity.type == "PERSON", mention.end)
                if best_rank is None or rank > best_rank:
                    best, best_rank = entity, rank
    return best


def resolve_span(record: Record, doc: Doc, start: int, end: int) -> Entity | None:
    """The entity the words at [start, end) of `record.text` refer to, or None when unsure."""
    if not record.entities or start >= end:
        return None
    try:
        resolver = _resolver(record, doc)
    except Exception:  # an odd doc (another text, no parse) must not cost the caller more than the answer
        return entity_at(record, start, end)
    return resolver.resolve(start, end)


def _resolver(record: Record, doc: Doc) -> "Resolver":
    stamp = (id(record), len(record.entities), sum(len(e.mentions) for e in record.entities))
    cached = doc.user_data.get(RESOLVER_KEY)
    if cached is None or cached.stamp != stamp:
        cached = doc.user_data[RESOLVER_KEY] = Resolver(record, doc, stamp)
    elif cached.quotes_stamp != len(record.quotes):
        cached.read_quotes()  # the quote stage has run since: only what depends on quotations is redone
    return cached


@dataclass
class _Placed:
    """A mention placed in the parse: where it is and how prominent."""

    start: int
    end: int
    entity: Entity
    sentence: int
    subject: bool


class Resolver:
    def __init__(self, record: Record, doc: Doc, stamp: tuple):
        self.record, self.doc, self.stamp = record, doc, stamp
        self.sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("DEP") else [0]
        self.placed: list[_Placed] = []
        for entity in record.entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                subject = span is not None and span.root.dep_ in SUBJECT_DEPS
                self.placed.append(_Placed(mention.start, mention.end, entity, self._sentence(mention.start),
                                           subject))
        self.placed.sort(key=lambda p: (p.start, -p.end))
        self.starts = [p.start for p in self.placed]
        self.by_id = {e.id: e for e in record.entities}
        self.by_name: dict[str, Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        for entity in record.entities:
            self.by_name.setdefault(fold(entity.name), entity)
            for mention in entity.mentions:
                self.by_name.setdefault(fold(mention.text), entity)
            if entity.type == "PERSON":
                self.by_surname.setdefault(fold(entity.name.split()[-1]), []).append(entity)
        self.read_quotes()

    def read_quotes(self) -> None:
        """Quotation regions, and the genders learnt outside them."""
        self.quotes_stamp = len(self.record.quotes)
        self.quotes = sorted(_quote_regions(self.record))
        self.quote_starts = [q[0] for q in self.quotes]
        self.gender: dict[str, str] = dict(self.doc.user_data.get(GENDER_KEY) or {})
        self._learn_gender()

    # -- where things are ------------------------------------------------------------------------------------
    def _sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1

    def _mention_covering(self, char: int) -> _Placed | None:
        i = bisect.bisect_right(self.starts, char) - 1
        # Mentions do not nest much; look back a few for one that still covers `char`.
        for j in range(i, max(i - 4, -1), -1):
            placed = self.placed[j]
            if placed.start <= char < placed.end:
                return placed
        return None

    def _learn_gender(self) -> None:
        """Votes from the text: a he/she/his/her whose sentence names one person before it ("Fowler said he ..."),
        or that opens a sentence after one naming a single person, or that follows a person closely. Genders that
        titles and honorifics gave (entity stage) stand; a vote needs a clear majority."""
        by_sentence: dict[int, list[_Placed]] = {}
        for placed in self.placed:
            if placed.entity.type == "PERSON":
                by_sentence.setdefault(placed.sentence, []).append(placed)
        if not by_sentence or len(self.doc) == 0:
            return
        votes: dict[str, list[int]] = {}

        def vote(entity_id: str, gender: str, weight: int) -> None:
            tally = votes.setdefault(entity_id, [0, 0])
            tally[0 if gender == "m" else 1] += weight

        wanted = {self.doc.vocab.strings.add(word) for word in PERSONAL}
        lowers = self.doc.to_array([LOWER]).reshape(-1)
        for i in numpy.isin(lowers, list(wanted)).nonzero()[0]:
            token = self.doc[int(i)]
            if self._in_quotation(token.idx):
                continue  # inside a quotation the speaker's "she" can be anyone
            gender = PERSONAL[token.lower_]
            sentence = self._sentence(token.idx)
            before = [p for p in by_sentence.get(sentence, []) if p.end <= token.idx]
            named = {p.entity.id for p in before}
            if len(named) == 1:
                vote(before[0].entity.id, gender, 2)
            elif before and token.idx - before[-1].end <= NEAR_CHARS:
                vote(before[-1].entity.id, gender, 1)
            elif not before and token.i - token.sent.start <= 1:
                previous = {p.entity.id for p in by_sentence.get(sentence - 1, [])}
                if len(previous) == 1:
                    vote(next(iter(previous)), gender, 1)
        for entity_id, (male, female) in votes.items():
            if entity_id in self.gender:
                continue
            if male >= 2 and male > female:
                self.gender[entity_id] = "m"
            elif female >= 2 and female > male:
                self.gender[entity_id] = "f"
        for entity in self.record.entities:  # no evidence in the text: a common given name, when it is one
            words = entity.name.split()
            if entity.type == "PERSON" and entity.id not in self.gender and len(words) > 1:
                gender = title_lexicon.given_name_gender(words[0])
                if gender:
                    self.gender[entity.id] = gender

    def _in_quotation(self, char: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, char) - 1
        return i >= 0 and char < self.quotes[i][1]

    # -- resolution --------------------------------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Entity | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return entity_at(self.record, start, end)
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.placed) and self.placed[i].start == start:
            if self.placed[i].end == end:
                return self.placed[i].entity
            i += 1
        root = span.root
        covering = self._mention_covering(root.idx)
        if covering is not None:
            return covering.entity
        if root.pos_ == "PRON" or root.lower_ in PERSONAL or root.lower_ in NON_PERSON:
            return self._pronoun(root)
        named = self._by_words(span)
        if named is not None:
            return named
        if root.pos_ in ("NOUN", "PROPN"):
            return self._description(span, root)
        return None

    def _by_words(self, span) -> Entity | None:
        words = [t.text for t in span if t.lower_ not in DETERMINERS and not t.is_punct]
        if not words:
            return None
        text = " ".join(words)
        key = fold(text)
        if key in self.by_name:
            return self.by_name[key]
        if len(words) == 1:
            people = self.by_surname.get(key)
            if people:
                return people[0] if len(people) == 1 else self._latest_before(people, span.start_char)
        organisation = organisation_of(text)
        if organisation:
            return self.by_name.get(fold(organisation["name"]))
        kind = country_kind(text)
        if kind and kind[1] == COUNTRY:
            return next((e for e in self.record.entities if e.type == "GPE" and e.country == kind[0]
                         and country_kind(e.name) and country_kind(e.name)[1] == COUNTRY), None)
        return None

    def _latest_before(self, candidates: list[Entity], char: int) -> Entity | None:
        wanted = {e.id for e in candidates}
        i = bisect.bisect_left(self.starts, char) - 1
        while i >= 0:
            if self.placed[i].entity.id in wanted:
                return self.placed[i].entity
            i -= 1
        return None

    # -- pronouns ----------------------------------------------------------------------------------------------
    def _pronoun(self, token: Token) -> Entity | None:
        word = token.lower_
        quote = self._quote_at(token.idx)
        if word in FIRST_SINGULAR or word in FIRST_PLURAL:
            if quote is None or quote[2] is None:
                return None
            speaker = self.by_id.get(quote[2])
            if word in FIRST_SINGULAR or speaker is None:
                return speaker
            return self.by_name.get(fold(speaker.affiliation)) if speaker.affiliation else None  # "we" at NATO
        excluded = {quote[2]} if quote is not None and quote[2] else set()
        if word in PERSONAL:
            gender = PERSONAL[word]
            return self._salient(token, lambda e: e.type == "PERSON" and self.gender.get(e.id, gender) == gender
                                 and e.id not in excluded)
        if word in NON_PERSON:
            if _pleonastic(token):
                return None
            return self._salient(token, lambda e: e.type in GROUP_TYPES and e.id not in excluded)
        return None

    def _salient(self, token: Token, fits) -> Entity | None:
        """Own sentence: subjects before the pronoun, then the nearest; earlier sentences: subjects, nearest first."""
        char = token.idx
        sentence = self._sentence(char)
        i = bisect.bisect_left(self.starts, char) - 1
        own: list[_Placed] = []
        earlier: list[_Placed] = []
        while i >= 0:
            placed = self.placed[i]
            if placed.sentence < sentence - MAX_SENTENCES_BACK:
                break
            if placed.end <= char and fits(placed.entity):
                (own if placed.sentence == sentence else earlier).append(placed)
            i -= 1
        own = [p for p in own if not _same_clause_object(token, p, self.doc)]
        for placed in own:
            if placed.subject:
                return placed.entity
        if own:
            return own[0].entity
        ahead = self._fronted_possessive(token, fits)
        if ahead is not None:
            return ahead
        for placed in earlier:  # nearest first
            if placed.subject:
                return placed.entity
        return earlier[0].entity if earlier else None

    def _fronted_possessive(self, token: Token, fits) -> Entity | None:
        """'During his visit, the NATO chief met ...': a possessive in a phrase before the main verb points ahead
        to that verb's subject."""
        if token.dep_ != "poss":
            return None
        verb = token.sent.root
        if token.i > verb.i:
            return None
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > token.i), None)
        if subject is None:
            return None
        placed = self._mention_covering(subject.idx)
        return placed.entity if placed is not None and fits(placed.entity) else None

    def _quote_at(self, char: int) -> tuple[int, int, str | None] | None:
        i = bisect.bisect_right(self.quote_starts, char) - 1
        return self.quotes[i] if i >= 0 and char < self.quotes[i][1] else None

    # -- descriptions ------------------------------------------------------------------------------------------
    def _description(self, span, root: Token) -> Entity | None:
        if root.tag_ in ("NNS", "NNPS"):
            return None  # "officials", "ministers": a group, not one entity
        left = [t for t in span if t.i <= root.i and t.lower_ not in DETERMINERS and not t.is_punct]
        if any(t.lower_ in NOT_THE_CURRENT for t in root.children):
            return None  # "the former president" is rarely the president the article names
        found = title_lexicon.lookup([t.text for t in left])
        if found:
            size, info = found
            qualifiers = left[:len(left) - size] + _qualifiers_right(root)
            title = " ".join(t.text for t in left[len(left) - size:])
            named = self._mention_covering(left[-size - 1].idx) if len(left) > size else None
            if named is not None and named.entity.type == "PERSON" and left[-size - 1].dep_ in ("compound", "appos"):
                return named.entity  # "Frank Field MP", "Sir John Stevens QC": the title of the person named
            return self._person_described(title, info, qualifiers, span.start_char)
        return self._organisation_described(root, left[:-1], span.start_char)

    def _person_described(self, title: str, info, qualifiers: list[Token], char: int) -> Entity | None:
        affiliation, country = None, None
        for token in qualifiers:
            if token.pos_ == "PROPN" and not (organisation_of(token.text) or country_kind(token.text)
                                              or self._mention_covering(token.idx)):
                return None  # qualified by a name the article's entities do not know
            organisation = organisation_of(token.text)
            kind = country_kind(token.text)
            covering = self._mention_covering(token.idx)
            if covering is not None and covering.entity.type == "ORG":
                affiliation = covering.entity.name
            elif covering is not None and covering.entity.type in ("GPE", "NORP") and covering.entity.country:
                country = covering.entity.country
            elif organisation:
                affiliation = organisation["name"]
            elif kind and kind[1] in (COUNTRY, NATIONALITY):
                country = kind[0]
        wanted = fold(title)
        candidates = []
        for entity in self.record.entities:
            if entity.type != "PERSON":
                continue
            if info.sector is None and not (affiliation or country):
                continue  # "the head", "the leader": says too little on its own
            if affiliation and fold(entity.affiliation or "") != fold(affiliation):
                continue
            if info.sector is not None and not any(_title_fits(wanted, info, t) for t in entity.titles):
                continue
            if country and entity.country != country:
                continue  # "the president of Brazil" is not a president whose country the text does not give
            candidates.append(entity)
        return self._pick(candidates, char)

    def _organisation_described(self, root: Token, qualifiers: list[Token], char: int) -> Entity | None:
        meaning = _org_descriptions().get(root.lemma_.lower())
        if meaning is None:
            if root.lemma_.lower() == "country" and not qualifiers:
                countries = [e for e in self.record.entities if e.type == "GPE" and e.country
                             and (country_kind(e.name) or ("", ""))[1] == COUNTRY]
                return self._pick(countries, char)
            return None
        noun = root.lemma_.lower()
        candidates = []
        for entity in self.record.entities:
            if entity.type != "ORG":
                continue
            organisation = organisation_of(entity.name)
            fits = ("NAME" in meaning and noun in fold(entity.name).split()) or \
                   (organisation is not None and (organisation["name"] in meaning
                                                  or f"SECTOR:{organisation['sector']}" in meaning))
            if fits and all(fold(q.text) in fold(entity.name) for q in qualifiers if q.pos_ == "PROPN"):
                candidates.append(entity)
        return self._pick(candidates, char)

    def _pick(self, candidates: list[Entity], char: int) -> Entity | None:
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        return self._latest_before(candidates, char)


def description_mentions(record: Record, doc: Doc) -> list[tuple[Entity, int, int]]:
    """Definite descriptions that refer to a known entity ("the NATO chief", "the alliance"), with their bounds.

    Only singular noun phrases headed by a title or an organisation noun are tried; each costs a few lookups."""
    if not record.entities or not doc.has_annotation("DEP"):
        return []
    resolver = _resolver(record, doc)
    titles = title_lexicon.title_words()
    nouns = _org_descriptions()
    found = []
    for root in doc:
        if root.tag_ not in ("NN", "NNP") or (root.lower_ not in titles and root.lemma_.lower() not in nouns):
            continue
        first = root.left_edge
        if first.lower_ not in ("the", "this") and first.dep_ != "poss":
            continue
        if root.i - first.i > 6 or any(doc[k].pos_ == "VERB" or doc[k].is_punct for k in range(first.i, root.i)):
            continue  # a clause inside the phrase: not a plain description
        if resolver._mention_covering(root.idx) is not None:
            continue
        span = doc[first.i:root.i + 1]
        entity = resolver._description(span, root)
        if entity is not None:
            found.append((entity, span.start_char, span.end_char))
    return found


def _qualifiers_right(root: Token) -> list[Token]:
    """'the president of the United States', 'the head of the agency': words after the noun that qualify it."""
    found = []
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "in"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.extend(t for t in obj.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ"))
    return found


def _title_fits(wanted: str, info, title: str) -> bool:
    """'minister' fits 'Foreign Minister'; 'foreign minister' fits only a foreign minister; 'the prime minister'
    is not the deputy prime minister, nor 'the president' a vice-president."""
    if fold(title) == wanted:
        return True
    other = title_lexicon.info(title)
    if other is None or other.title != info.title:
        return False
    if (_words(title) & SECOND_RANKS) - _words(wanted):
        return False
    return wanted == fold(info.title)  # the bare title fits every other rank and portfolio of it


# Rank words that make another person of the title: the deputy, the vice-president, the shadow minister.
SECOND_RANKS = {"deputy", "vice", "assistant", "under", "junior", "shadow", "former", "ex", "sub"}


def _words(title: str) -> set[str]:
    return set(re.split(r"[\s-]+", fold(title)))


def _pleonastic(token: Token) -> bool:
    """'It is clear that ...', 'it seems', 'it rained': an 'it' that refers to nothing."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if head.lemma_ in ("rain", "snow"):
        return True
    return token.dep_ == "nsubj" and head.lemma_ in ("be", "seem", "appear", "remain", "become", "take") and \
        any(child.dep_ in ("ccomp", "xcomp", "csubj") for child in head.children)


def _same_clause_object(token: Token, placed: _Placed, doc: Doc) -> bool:
    """'Rutte praised him': a non-reflexive object pronoun is not the subject of its own verb."""
    if token.dep_ not in ("dobj", "pobj", "dative") or token.lower_.endswith("self"):
        return False
    span = doc.char_span(placed.start, placed.end, alignment_mode="expand")
    return span is not None and span.root.head == token.head


def _quote_regions(record: Record) -> list[tuple[int, int, str | None]]:
    """Direct quotations with their speaker entity: from the quote stage when it has run, else from quotation marks.
    Only in the speaker's own words is "I" the speaker and "he/she" someone else; an indirect quote ("Osmani said
    she supports ...") is the reporter's sentence."""
    if record.quotes:
        return [(q.content.start, q.content.end, q.speaker_entity) for q in record.quotes
                if q.field == "text" and q.kind == "direct"]
    return [(m.start() + 1, m.end() - (m.group()[-1] in CLOSING), None) for m in QUOTATION.finditer(record.text)
            if len(m.group()) > 1]


@functools.lru_cache(maxsize=1)
def _org_descriptions() -> dict[str, set[str]]:
    return {noun: set(forms(meaning)) for noun, meaning in rows("org_descriptions.tsv")}
