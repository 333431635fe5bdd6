"""Who spoke: from a cue verb to the words naming its speaker, and from those words to an entity.

The speaker of a cue is its grammatical subject; a cue without one borrows the subject of the verb it hangs on
("..., saying", "and added", "wants to say"); a relative pronoun is the mention and the noun it modifies the
speaker ("Rutte, who urged ..."); "according to X" names X. Resolving the words to an entity is the actors' resolver's job
(`actors.coref.resolve_span`); an unresolved description ("officials") stays the speaker, an unresolved pronoun
does not.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors.coref import resolve_span
from ..record import Entity, Record, Span

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
BORROWING = {"conj", "xcomp", "advcl", "acl", "pcomp"}  # a cue that shares its subject with its head verb
RELATIVE = {"who", "which", "that", "whom"}
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "us", "me"}
MENTION_TAIL = {"compound", "flat", "prep", "nummod"}  # words right of the head that still name the speaker
MAX_HOPS = 4


@dataclass
class Speaker:
    name: str | None
    entity: str | None
    mention: Span | None


def subject_of(verb: Token) -> Token | None:
    """The head word of whoever performs `verb`, following shared subjects and relative pronouns."""
    current = verb
    for _ in range(MAX_HOPS):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                if child.dep_ == "csubj" or child.lower_ in ("there",):
                    return None
                return child
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if current.dep_ in BORROWING and current.head is not current:
            current = current.head
            continue
        return None
    return None


def adjacent_speaker(verb: Token) -> Token | None:
    """When the parse gave the cue no subject ("“...,” Flynn, an adviser, said" with Flynn attached inside the
    quote; "said Flynn"): the first name or pronoun between the closing mark and the cue, else right after it."""
    doc = verb.doc
    words = []
    index = verb.i - 1
    while index >= 0 and verb.i - index <= 10:
        token = doc[index]
        if token.is_quote or token.is_space or token.text in (".", "!", "?", ";"):
            break
        words.append(token)
        index -= 1
    for token in reversed(words):
        if _names_someone(token):
            return token
    for token in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
        if token.is_quote or token.is_space or token.text in (".", "!", "?", ";", ":"):
            break
        if _names_someone(token):
            return token
    return None


def _names_someone(token: Token) -> bool:
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC"):
        return False
    if token.pos_ == "PROPN":
        # the last word of a run of names: "Flynn" in "Michael Flynn"
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or following.pos_ != "PROPN"
    return token.pos_ == "PRON" and token.lower_ in ("he", "she", "they", "we")


def mention_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by `head`, without relative clauses and appositions."""
    left = head.left_edge
    right = head
    for child in head.rights:
        if child.dep_ in MENTION_TAIL and (child.dep_ != "prep" or child.lower_ == "of"):
            right = child.right_edge
        else:
            break
    doc = head.doc
    while left.i < right.i and (left.is_punct or left.is_space or left.pos_ in ("ADV", "CCONJ", "SCONJ")):
        left = doc[left.i + 1]  # "Earlier Tony Blair", "But the minister": the adverb is not the speaker
    while right.i > left.i and (right.is_punct or right.is_space):
        right = doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def _name_bounds(head: Token) -> tuple[int, int]:
    """The run of proper nouns that ends at `head` ("Mark Rutte" in "NATO Secretary General Mark Rutte")."""
    first = head
    doc = head.doc
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].head is head \
            and doc[first.i - 1].dep_ in ("compound", "flat") and head.i - first.i < 2:
        first = doc[first.i - 1]
    return first.idx, head.idx + len(head.text)


class SpeakerResolver:
    """Resolves speaker words to entities once per head word of an article."""

    def __init__(self, record: Record, doc: Doc):
        self.record = record
        self.doc = doc
        self._cache: dict[int, Speaker] = {}

    def for_token(self, head: Token) -> Speaker:
        cached = self._cache.get(head.i)
        if cached is None and head.lower_ in RELATIVE and head.head.dep_ == "relcl" and head.head.head is not head:
            # "Rutte, who urged ...": the words at the cue are "who"; the speaker is the noun they modify.
            named = self.for_token(head.head.head)
            cached = self._cache[head.i] = Speaker(named.name, named.entity, Span(head.idx, head.idx + len(head),
                                                                                 head.text))
        if cached is None:
            start, end = mention_bounds(head)
            cached = self.for_span(start, end, pronoun=head.lower_ in PRONOUNS)
            if head.pos_ == "PROPN":
                # "NATO Secretary General Mark Rutte": the name at the head, not the organisation before it.
                name_start, name_end = _name_bounds(head)
                named = self.for_span(name_start, name_end)
                if named.entity is not None:
                    cached = Speaker(named.name, named.entity, cached.mention)
            self._cache[head.i] = cached
        return cached

    def for_span(self, start: int, end: int, pronoun: bool = False) -> Speaker:
        words = self.record.text[start:end]
        mention = Span(start, end, words)
        try:
            entity = resolve_span(self.record, self.doc, start, end)
        except Exception:  # the resolver is another stage's code: a failure there costs the name, not the quote
            entity = None
        if entity is not None:
            return Speaker(entity.name, entity.id, mention)
        return Speaker(None if pronoun else self._description(start, end, words), None, mention)

    def _description(self, start: int, end: int, words: str) -> str:
        """An unnamed speaker as written, without the capital that only the sentence start gave it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and span[0].is_sent_start and span[0].pos_ != "PROPN" \
                and words[:1].isupper() and not words[1:2].isupper():
            return words[0].lower() + words[1:]
        return words


class EntityNames:
    """Entities by the last word of their name, for names met without a parse ("Rutte:", "FINCH:")."""

    def __init__(self, entities: list[Entity]):
        self._by_last: dict[str, Entity] = {}
        ranks: dict[str, tuple] = {}
        for entity in entities:
            words = entity.name.lower().split()
            if not words:
                continue
            rank = (entity.type == "PERSON", len(entity.mentions))
            if words[-1] not in ranks or rank > ranks[words[-1]]:
                ranks[words[-1]] = rank
                self._by_last[words[-1]] = entity

    def get(self, name: str) -> Entity | None:
        """The person (else organisation) whose name ends like `name`, the most mentioned one if several."""
        words = name.lower().split()
        return self._by_last.get(words[-1]) if words else None


def entity_named(entities: list[Entity], name: str) -> Entity | None:
    return EntityNames(entities).get(name)
