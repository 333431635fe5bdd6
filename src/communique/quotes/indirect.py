"""Reported speech over the dependency parse: a cue verb, the content it governs, and its speaker's head word.

Each candidate names the relation by which its content hangs off the cue; the lexicon (`cues.py`) decides per
(lemma, relation) whether that is reported speech. The relations:
- `ccomp`      "X said (that) ...", "..., X said"          the clausal complement;
- `xcomp`      "X urged Y to ...", "X promised to ..."      the object and the infinitive;
- `obj`        "X proposed a safe zone", "X accused Y of Z"  the object (and an of/for phrase or a predicate
                                                            after it: "X called the plan a disaster");
- `prep_for`   "X called for Y (to ...)", `prep_on`, ...    the object of the preposition;
- `rev`        "... is true, X added" parsed under the clause  the clause the cue hangs on, minus the cue;
- `according`  "according to X, ..."                        the clause, minus "according to X".
Every step looks at a token's own children, so the pass is linear in the length of the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from .direct import QUOTE_MARKS
from .speakers import subject_of

PREPOSITIONS = {"for", "on", "about", "of", "against", "over", "to"}
OBJECT_TAIL = {"of", "for", "over", "with"}  # "accused Y of Z": the phrase after the object is part of it
REVERSED_DEPS = {"parataxis", "ccomp"}


@dataclass
class Candidate:
    cue: Token
    relation: str
    parts: list[tuple[int, int]]  # character ranges of the content, in order
    speaker: Token | None
    cue_end: int = 0  # end of the cue words ("called for", "according to")
    lemma: str = ""
    consumed: list = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.parts)


def _bounds(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character range of tokens first..last (inclusive), without punctuation or spaces at the edges."""
    while first <= last and _edge_junk(doc[first]):
        first += 1
    while last >= first and _edge_junk(doc[last]):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _edge_junk(token: Token) -> bool:
    """Spaces and punctuation at a content's edge, except quotation marks (mixed content keeps them)."""
    return token.is_space or (token.is_punct and not any(ch in QUOTE_MARKS for ch in token.text))


def _without(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """Token ranges of `outer` on either side of `inner` (both inclusive token indexes), as character parts."""
    parts = []
    for first, last in ((outer[0], inner[0] - 1), (inner[1] + 1, outer[1])):
        if first <= last:
            bounds = _bounds(doc, first, last)
            if bounds and _has_word(doc, first, last):
                parts.append(bounds)
    return parts


def _has_word(doc: Doc, first: int, last: int) -> bool:
    return any(doc[i].is_alpha for i in range(first, min(last, first + 3) + 1)) or any(
        doc[i].is_alpha for i in range(max(first, last - 2), last + 1))


def candidates(doc: Doc, lemmas: frozenset[str] | None = None):
    """Every cue-shaped construction whose verb lemma is in `lemmas` (all verbs when None)."""
    for index in _cue_positions(doc, lemmas):
        token = doc[index]
        if token.lower_ == "according":
            found = _according(doc, token)
            if found:
                yield found
        elif token.pos_ == "VERB":
            yield from _verb_candidates(doc, token)


def _cue_positions(doc: Doc, lemmas: frozenset[str] | None) -> list[int]:
    """Indexes of the verbs with a cue lemma and of "according", picked from the doc's arrays without making a
    Token object per word (most words are not cues)."""
    if len(doc) == 0:
        return []
    table = doc.to_array([LEMMA, POS, LOWER])
    strings = doc.vocab.strings
    verbs = table[:, 1] == VERB
    if lemmas is not None:
        wanted = numpy.array([strings.add(lemma) for lemma in lemmas], dtype=table.dtype)
        verbs &= numpy.isin(table[:, 0], wanted)
    according = table[:, 2] == strings.add("according")
    return numpy.flatnonzero(verbs | according).tolist()


def _according(doc: Doc, token: Token) -> Candidate | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    head = token.head if token.head is not token else None
    if head is None:
        return None
    # The clause the phrase modifies: climb to the verb at the top of this sentence part.
    while head.dep_ not in ("ROOT",) and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    parts = _without(doc, (head.left_edge.i, head.right_edge.i), (token.left_edge.i, token.right_edge.i))
    if not parts:
        return None
    return Candidate(token, "according", parts, source, cue_end=to.idx + len(to.text), lemma="according to")


def _verb_candidates(doc: Doc, verb: Token):
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    speaker = subject_of(verb)
    cue_end = verb.idx + len(verb.text)
    for child in children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            cue_end = child.idx + len(child.text)

    def make(relation, parts):
        return Candidate(verb, relation, parts, speaker, cue_end=cue_end, lemma=lemma)

    clauses = [c for c in children if c.dep_ == "ccomp"]
    for clause in clauses:
        bounds = _bounds(doc, clause.left_edge.i, clause.right_edge.i)
        if bounds:
            yield make("ccomp", [bounds])
    if clauses:
        return
    obj = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
    infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if infinitive is not None:
        first = obj.left_edge.i if obj is not None and obj.i < infinitive.i else infinitive.left_edge.i
        bounds = _bounds(doc, first, infinitive.right_edge.i)
        if bounds:
            yield make("xcomp", [bounds])
        return
    if obj is not None and obj.i > verb.i:
        last = obj.right_edge.i
        for child in children:
            if child.i > obj.i and (child.dep_ == "oprd" or child.dep_ == "prep" and child.lower_ in OBJECT_TAIL):
                last = max(last, child.right_edge.i)  # "called the plan a disaster", "accused Y of Z"
        bounds = _bounds(doc, obj.left_edge.i, last)
        if bounds:
            yield make("obj", [bounds])
        return
    for child in children:
        if child.dep_ == "prep" and child.i > verb.i and child.lower_ in PREPOSITIONS:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            last = pobj.right_edge.i
            for other in children:
                if other.dep_ in ("xcomp", "advcl") and other.i > child.i:
                    last = max(last, other.right_edge.i)
            bounds = _bounds(doc, pobj.left_edge.i, last)
            if bounds:
                if child.i == verb.i + 1 or (child.i == verb.i + 2 and doc[verb.i + 1].dep_ == "prt"):
                    cue_end = child.idx + len(child.text)
                yield Candidate(verb, "prep_" + child.lower_, [bounds], speaker, cue_end=cue_end, lemma=lemma)
            return
    head = verb.head
    if verb.dep_ in REVERSED_DEPS and head is not verb and (head.i < verb.i or verb.dep_ == "parataxis") \
            and speaker is not None and head.pos_ in ("VERB", "AUX"):
        # "The plan is sound, she said" / "The plan, she said, is sound": the content is the clause the cue
        # verb hangs on, minus the cue (two parts when the cue stands in the middle).
        parts = _without(doc, (head.left_edge.i, head.right_edge.i), (verb.left_edge.i, verb.right_edge.i))
        if parts:
            yield make("rev", parts)
