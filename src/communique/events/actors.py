"""Who is the source or target of an event? A token of the parse -> Actors with entity, country and sector.

Evidence, in order: the entity stage's entities (through `actors.coref`, which also resolves pronouns and
descriptions like "the NATO chief"); the speaker of the quote for "I"/"we" inside it; the antecedent of a relative
pronoun ("Rutte, who urged"); the pair named by the latest "between X and Y" for "both sides"; names of
countries, nationalities, capitals and organisations anywhere in the noun phrase ("Hungarian officials",
"Taiwan's Vice Foreign Minister", "security forces in Guinea"); and common nouns that name actors
(data/events_actor_nouns.tsv).
"""
from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ..actors import coref
from ..actors.countries import country_name, country_of, organisation_of
from ..actors.sectors import sector_of, sector_of_name
from ..record import Actor, Entity, Record

NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
FIRST_PERSON = {"i", "me", "we", "us", "my", "our"}
RELATIVE = {"who", "whom", "which", "that", "whose"}
# Weather and disease act on no one: "Typhoon Durian battered the coast".
NATURAL_FORCES = {"typhoon", "hurricane", "cyclone", "storm", "tornado", "earthquake", "quake", "tsunami", "flood",
                  "monsoon", "wildfire", "landslide", "avalanche", "drought", "epidemic", "virus"}
# The last word of the name of a law or a treaty ("the Parliament Act", "the Lisbon Treaty"): its makers act.
LAW_NAMES = {"Act", "Acts", "Bill", "Treaty", "Directive", "Charter", "Protocol", "Convention", "Amendment"}
NOT_ACTOR_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW"}
# Heads that only count or group the actors named after them: "thousands of Nigerians", "a group of diplomats".
PARTITIVE = {"group", "thousand", "hundred", "dozen", "member", "number", "delegation", "majority", "some", "many",
             "most", "all", "one", "two", "three", "several", "contingent", "unit", "team", "band", "faction"}
COLLECTIVE = {"side", "party", "country", "nation", "leader", "neighbour", "neighbor", "government", "state",
              "community"}
# Subjects that report or decide without being anyone: "the report demanded", "the law requires".
NON_ACTOR_SUBJECTS = {"report", "study", "survey", "poll", "statement", "decision", "law", "plan", "move", "rule",
                      "situation", "evidence", "data", "figure", "result", "document", "letter", "paper", "article",
                      "lack", "failure", "need", "crisis", "conflict", "war", "economy", "market", "price", "time",
                      "event", "development", "change", "resolution", "measure", "bill", "proposal", "agreement",
                      "deal", "treaty", "talk", "meeting", "visit", "case", "issue", "question", "problem", "idea",
                      "violence", "fighting", "number", "level", "rate", "tension", "unrest", "growth", "inflation",
                      "production", "investigation", "inquiry", "trial", "process", "system", "policy", "court case",
                      "vote", "ballot", "point", "poverty", "percent", "per cent", "quarter", "third", "half",
                      "majority", "minority", "figures", "numbers", "results", "polls", "surveys", "reports",
                      # who comments on events without taking part in them
                      "analyst", "expert", "commentator", "pundit", "economist", "pollster", "historian", "scholar",
                      "academic", "researcher", "analysts", "experts", "commentators", "economists", "historians"}
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case"}
PLACE_PREPS = {"in", "of", "from"}


@functools.lru_cache(maxsize=1)
def actor_nouns() -> dict[str, str | None]:
    text = resources.files("communique.data").joinpath("events_actor_nouns.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            noun, _, sector = line.partition("\t")
            table[noun.strip().lower()] = None if sector.strip() in ("", "-") else sector.strip()
    return table


class ActorResolver:
    """Resolves actor tokens for one record; built once per record."""

    def __init__(self, record: Record, doc: Doc):
        self.record = record
        self.doc = doc
        self.entities = {e.id: e for e in record.entities}
        self.quote_speakers = [(q.content.start, q.content.end, q.speaker_entity, q.speaker)
                               for q in record.quotes if q.field == "text" and q.content]
        self._pairs = [t for t in doc if t.lower_ == "between"]
        self._in_pair = False

    # --- public -------------------------------------------------------------------------------------------------
    def actors(self, token: Token | None) -> list[Actor]:
        """The actors a noun phrase head names: itself and its conjuncts ('Serbia and Russia'); [] when none."""
        if token is None:
            return []
        found: list[Actor] = []
        for member in [token, *token.conjuncts]:
            if member.i < token.i or (member.ent_type_ in NOT_ACTOR_ENTITIES and member.lemma_.lower() not in PARTITIVE):
                continue  # "on Wednesday", "for 30 days": times and amounts act on nobody
            for actor in self._one(member):
                if _armed_modifier(member):
                    actor.sector = "REB"  # "the rebel Kurdistan Workers' Party", "the main Hutu rebel group"
                if member.tag_ in ("NNPS", "NNS"):
                    actor.country = _people_country(member, actor.country)
                    if member.ent_type_ == "NORP" and actor.sector is None:
                        actor.sector = "CVL"  # a people named by nationality or ethnicity: "Albanians", "ethnic Turks"
                if not any(_same(actor, other) for other in found):
                    found.append(actor)
        return found

    def is_actor(self, token: Token) -> bool:
        return bool(self._one(token))

    def speaker_actors(self, token: Token | None) -> list[Actor]:
        """The subject of a verb of saying or demanding: only people and institutions say and demand, so any
        noun phrase there is an actor ('Ibo traditional elders demanded'), unless it names a thing."""
        found = self.actors(token)
        if found or token is None or token.pos_ not in ("NOUN", "PROPN"):
            return found
        if token.lemma_.lower() in NON_ACTOR_SUBJECTS or token.ent_type_ in ("PERCENT", "CARDINAL", "QUANTITY",
                                                                              "MONEY", "DATE", "TIME"):
            return []
        if token.pos_ == "NOUN" and token.tag_ != "NNS":
            return []  # a singular common noun that no table knows is more often a thing than an actor
        phrase = _phrase(token)
        return [Actor(text=phrase.text, name=phrase.text, country=self._country_in(phrase, None),
                      sector=sector_of_name(phrase.text))]

    # --- one noun phrase head -----------------------------------------------------------------------------------
    def _one(self, token: Token) -> list[Actor]:
        lower = token.lower_
        if token.pos_ == "PROPN" and token.text in LAW_NAMES and token.i > token.left_edge.i:
            return []  # "the 1949 Parliament Act", "the Patriot Act": a law acts on no one
        if token.lemma_.lower() in NATURAL_FORCES or any(
                c.dep_ == "compound" and c.lemma_.lower() in NATURAL_FORCES for c in token.children):
            return []  # "Typhoon Durian battered the coast, killing 40": weather is no actor
        if lower in RELATIVE and token.tag_ in ("WP", "WDT", "WP$"):
            antecedent = _antecedent(token)
            return self._one(antecedent) if antecedent is not None and antecedent.ent_type_ != "LAW" else []
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if token.pos_ == "VERB":
            # "The Red Cross operating in Iraq said": the parser made the participle the subject
            inner = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return self._one(inner) if inner is not None else []
        if token.lemma_.lower() in COLLECTIVE and _is_both(token):
            pair = self._between_pair(token)
            if pair:
                return pair
        if token.ent_type_ in NAMED:
            return [self._named(token)]
        if token.lemma_.lower() in OWN_STATE_NOUNS:
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None:
                # "his country", "their government": the state of whoever the pronoun stands for
                country = next((a.country for a in self._pronoun(owner) if a.country), None)
                if country is None:
                    said_by = _sayer(token)
                    country = next((a.country for a in self.actors(said_by) if a.country), None) if said_by else None
                if country is not None:
                    return [Actor(text=_phrase(token).text, name=country_name(country) or country, country=country,
                                  sector="GOV")]
        if token.pos_ in ("NOUN", "PROPN"):
            return self._common(token)
        return []

    def _pronoun(self, token: Token) -> list[Actor]:
        start, end = token.idx, token.idx + len(token.text)
        if token.lower_ in ("nobody", "everybody", "somebody", "anybody", "everyone", "someone", "anyone", "none",
                            "one", "you", "yourself", "all", "each", "both"):
            return []
        if token.lower_ in FIRST_PERSON:
            for q_start, q_end, entity_id, speaker in self.quote_speakers:
                if q_start <= start < q_end and (entity_id or speaker):
                    entity = self.entities.get(entity_id) if entity_id else None
                    return [self.from_entity(token.text, entity, speaker)]
        if token.lower_ in ("it", "this", "that", "these", "those", "what", "there", "something", "anything",
                            "everything", "nothing", "itself"):
            entity = coref.resolve_span(self.record, self.doc, start, end)
            return [self.from_entity(token.text, entity)] if entity else []
        entity = coref.resolve_span(self.record, self.doc, start, end)
        return [self.from_entity(token.text, entity)]

    def _named(self, token: Token) -> Actor:
        ent = _entity_span(token)
        phrase = _phrase(token)
        entity = coref.resolve_span(self.record, self.doc, ent.start_char, ent.end_char)
        actor = self.from_entity(phrase.text if token.ent_type_ == "PERSON" else ent.text, entity, ent.text)
        if actor.country is None and not (actor.sector == "IGO"):
            actor.country = self._country_in(phrase, ent)
        if actor.sector is None:
            organisation = organisation_of(ent.text)
            if organisation:
                actor.sector, actor.country = organisation["sector"], organisation["country"]
            elif token.ent_type_ in ("PERSON", "ORG"):
                affiliation = next((organisation_of(t.text) for t in phrase if t.ent_type_ == "ORG"
                                    and not ent.start <= t.i < ent.end and organisation_of(t.text)), None)
                if affiliation:
                    actor.sector, actor.country = affiliation["sector"], None
                else:
                    actor.sector = _title_sector(phrase, ent) or (
                        sector_of_name(ent.text) if token.ent_type_ == "ORG" else None)
        return actor

    def _common(self, token: Token) -> list[Actor]:
        lemma = token.lemma_.lower()
        behind = _of_object(token, ("of", "from"))
        if lemma in PARTITIVE and behind is not None:
            found = self.actors(behind)
            if found:
                return found
        phrase = _phrase(token)
        entity = coref.resolve_span(self.record, self.doc, phrase.start_char, phrase.end_char)
        if entity is not None and _covers(entity, token) is False:
            if entity.type == "ORG" and not _is_place(entity):
                # "Red Cross officials" act for the Red Cross
                actor = self.from_entity(phrase.text, entity)
                actor.sector = actor.sector or actor_nouns().get(lemma)
                return [actor]
            if entity.type == "PERSON" and _titled_name(entity, token):
                return [self.from_entity(phrase.text, entity)]  # "Frank Field MP": the person, by title
            entity = None  # the entity is a modifier ("Hungarian" in "Hungarian officials"), not the head
        if entity is not None and not _is_place(entity):
            return [self.from_entity(phrase.text, entity)]
        nouns = actor_nouns()
        names = [t for t in phrase if t.i < token.i and t.pos_ == "PROPN"]  # "Red Cross" in "Red Cross officials"
        organisation = organisation_of(phrase.text) or (
            organisation_of(self.doc[names[0].i:names[-1].i + 1].text) if names else None) or next(
            (organisation_of(t.text) for t in phrase if t.i != token.i and t.pos_ == "PROPN" and organisation_of(t.text)),
            None)
        country = organisation["country"] if organisation else (country_of(phrase.text) or self._country_in(phrase, None))
        title = _titles([t.text for t in phrase if t.i <= token.i])
        sector = organisation["sector"] if organisation else (
            sector_of_name(phrase.text) or (sector_of(title, None, "PERSON") if title else None) or nouns.get(lemma))
        grouped = any(t.ent_type_ in ("NORP", "ORG") and t.i != token.i for t in phrase)  # "Muslim hackers"
        named = token.pos_ == "PROPN" and token.text[:1].isupper()  # a name the tagger knows, NER or not
        members_of = token.tag_ == "NNS" and behind is not None and bool(self.actors(behind))
        # "armed men", "masked gunmen", "unidentified attackers": people named only by what they carry or hide
        unnamed_fighters = lemma in UNNAMED_PEOPLE and any(
            c.dep_ == "amod" and c.lemma_.lower() in FIGHTER_MODIFIERS for c in token.children)
        if lemma not in nouns and not unnamed_fighters and not organisation and not title and not grouped \
                and not named and not (country and token.pos_ == "PROPN") \
                and not country_of(token.text) and not members_of:
            return []  # ... but "doctors from two American aid groups" act for the groups
        actor = Actor(text=phrase.text, entity=entity.id if entity else None,
                      name=phrase.text, country=country, sector=sector)
        behind = behind if behind is not None else _attached_actor(token)
        if behind is not None and (actor.country is None or actor.sector is None):
            # "doctors from two American aid groups", "a member of the Syrian parliament",
            # "workers affiliated with the Serbian union", "militants loyal to ..."
            for other in self.actors(behind)[:1]:
                actor.country = actor.country or other.country
                actor.sector = actor.sector or other.sector
        return [actor]

    def from_entity(self, text: str, entity: Entity | None, fallback: str | None = None) -> Actor:
        if entity is None:
            country = country_of(fallback) if fallback else None
            organisation = organisation_of(fallback) if fallback else None
            return Actor(text=text, entity=None, name=(organisation or {}).get("name") or fallback,
                         country=organisation["country"] if organisation else country,
                         sector=organisation["sector"] if organisation else None)
        country = entity.country
        sector = entity.sector
        if sector is None and entity.type in ("PERSON", "ORG"):
            sector = sector_of(entity.titles, entity.affiliation, entity.type)
        if sector is None and entity.type == "ORG":
            known = organisation_of(entity.name)  # a known body the entity stage left without a sector
            if known:
                sector, country = known["sector"], known["country"]
        if country is None and sector != "IGO" and entity.type in ("GPE", "NORP", "ORG", "FAC", "LOC"):
            country = country_of(entity.name)
        if country is None and entity.affiliation and sector != "IGO":
            country = country_of(entity.affiliation)
        if country is None and sector not in ("IGO", "NGO") and entity.type == "ORG":
            country = _country_in_name(entity.name)  # "Nigerian Union of Teachers"
        return Actor(text=text, entity=entity.id, name=entity.name, country=country, sector=sector)

    def _country_in(self, phrase: Span, skip: Span | None) -> str | None:
        """A country named inside the noun phrase or a place phrase hanging off it ('forces in Guinea')."""
        tokens = list(phrase)
        head = phrase.root
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                tokens.extend(c for c in prep.children if c.dep_ == "pobj")
        seen = set()
        for tok in tokens:
            if skip is not None and skip.start <= tok.i < skip.end and tok.ent_type_ == "PERSON":
                continue
            if not (tok.ent_type_ in ("GPE", "NORP", "LOC", "ORG") or tok.pos_ in ("ADJ", "PROPN")
                    or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.dep_ == "compound")):
                continue  # ("Abkhaz forces": a people's name the tagger took for a common noun)
            for text in ((_entity_span(tok).text, tok.text) if tok.ent_type_ else (tok.text,)):
                if text in seen:
                    continue
                seen.add(text)
                code = country_of(text)
                if code:
                    return code
        return None

    def _between_pair(self, token: Token) -> list[Actor]:
        """'both sides' -> the two named in the latest 'between X and Y' before it."""
        if self._in_pair:
            return []  # "between both sides and ...": a pair named through another collective would loop
        self._in_pair = True
        try:
            return self._find_pair(token)
        finally:
            self._in_pair = False

    def _find_pair(self, token: Token) -> list[Actor]:
        for between in reversed(self._pairs):
            if between.i >= token.i:
                continue
            objects = [c for c in between.children if c.dep_ == "pobj"]
            if objects and objects[0].conjuncts:
                actors = self.actors(objects[0])
                if len(actors) >= 2:
                    for actor in actors:
                        actor.text = token.sent.doc[token.left_edge.i: token.i + 1].text
                    return actors
        return []


REBEL_MODIFIERS = {"rebel", "insurgent", "guerrilla", "separatist", "jihadist"}
UNNAMED_PEOPLE = {"man", "men", "person", "individual", "assailant", "youth", "group"}
FIGHTER_MODIFIERS = {"armed", "masked", "unidentified", "unknown", "hooded"}


OWN_STATE_NOUNS = {"country", "nation", "government", "state", "administration"}


def _sayer(token: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause holds this token: 'X said his country ...'."""
    node = token
    for _ in range(8):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in ("say", "tell", "announce", "state", "declare", "add"):
            return next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        if node.head == node:
            return None
        node = node.head
    return None


def _armed_modifier(token: Token) -> bool:
    """A modifier that makes the body an armed group whatever its name says."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in REBEL_MODIFIERS for c in token.children)


def _people_country(token: Token, country: str | None) -> str | None:
    """A people named by its nationality lives where the text puts it: 'Albanians of southern Serbia', 'Kurds in
    Iraq'; 'ethnic Turks' names an ethnic group, not the state's citizens, so without a place no country."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.ent_type_ in ("GPE", "LOC", "ORG"):
                    place = country_of(obj.doc[obj.left_edge.i:obj.i + 1].text) or country_of(obj.text)
                    if place:
                        return place
    if any(c.lower_ == "ethnic" for c in token.lefts) or (token.i > 0 and token.doc[token.i - 1].lower_ == "ethnic"):
        return None
    return country


def _country_in_name(name: str) -> str | None:
    for word in name.replace("'s", "").split()[:3]:
        if word[:1].isupper():
            code = country_of(word)
            if code:
                return code
    return None


def _attached_actor(token: Token) -> Token | None:
    """The object of 'affiliated with', 'loyal to', 'based in', 'linked to' hanging off a noun."""
    for child in token.children:
        if child.dep_ in ("acl", "amod") and child.i > token.i:
            for prep in child.children:
                if prep.dep_ == "prep":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def _covers(entity: Entity, token: Token) -> bool | None:
    """True when a mention of the entity covers the head word; False when the entity is only named elsewhere in
    this sentence (a modifier: "Hungarian" in "Hungarian officials"); None when coreference found it elsewhere."""
    if any(m.start <= token.idx < m.end for m in entity.mentions):
        return True
    return False if _mention_in_sentence(entity, token) else None


def _titled_name(entity: Entity, token: Token) -> bool:
    """The head word is a title after the person's name: 'Frank Field MP', 'John Stevens QC'."""
    return bool(_titles([token.text])) and any(
        c.dep_ == "compound" and any(m.start <= c.idx < m.end for m in entity.mentions) for c in token.children)


def _mention_in_sentence(entity: Entity, token: Token) -> bool:
    sentence = token.sent
    return any(sentence.start_char <= m.start < sentence.end_char for m in entity.mentions)


def _of_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _same(a: Actor, b: Actor) -> bool:
    return (a.entity is not None and a.entity == b.entity) or (a.name or a.text) == (b.name or b.text)


def _is_both(token: Token) -> bool:
    return any(c.lower_ in ("both", "two", "all") for c in token.children) or token.lower_ in ("parties",)


def _is_place(entity: Entity) -> bool:
    return entity.type in ("LOC", "FAC")


def _antecedent(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.dep_ == "relcl":
            return node.head
        if node.head == node:
            return None
        node = node.head
    return None


def _entity_span(token: Token) -> Span:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _phrase(token: Token) -> Span:
    """The noun phrase of a head without its clauses: modifiers on the left, 'of'/'in' place phrases excluded."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in MODIFIER_DEPS or child.dep_ == "punct" and child.i > token.left_edge.i:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.i == right:
            right = child.right_edge.i + 1 if child.dep_ != "appos" else right
    doc = token.doc
    while left < token.i and doc[left].pos_ in ("DET", "PUNCT"):
        left += 1
    return doc[left:right]


def _title_sector(phrase: Span, name: Span) -> str | None:
    words = [t.text for t in phrase if t.i < name.start]
    if not words:
        return None
    return sector_of(_titles(words), None, "PERSON")


def _titles(words: list[str]) -> list[str]:
    from ..actors.titles import lookup

    found = lookup(words)
    return [" ".join(words[-found[0]:])] if found else []
