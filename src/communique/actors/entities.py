"""Entity stage: people, organisations, countries and places, each with its mentions merged.

Steps, each linear in the number of tokens or mentions:
1. named mentions from spaCy, cleaned (mentions.py);
2. the model's labelling mistakes mended by how the text uses each name (mending.py);
3. titles, affiliation and country from the words around each person (context.py);
4. mentions merged: people by full name, surname and first name ("Rutte" joins "Mark Rutte"), countries by code,
   organisations by their known canonical name or their initials ("KSF" joins "Kosovo Security Force"),
   other names by their spelling;
5. each entity gets its canonical name (the fullest), titles, affiliation, country and sector; ids follow the
   order of first mention.
6. a person the text gives no country may get one from a distinctive surname ending confirmed by the countries
   the article names (name_origin.py); `country_evidence` says which way each person's country was found.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..record import Entity, Record, Span
from .context import MentionIndex, apply_context
from .coref import description_mentions
from .countries import (CAPITAL, COUNTRY, NATIONALITY, SEAT, country_kind, country_name, organisation_of,
                        seat_sector)
from .mending import add_untagged_names, mend_other_labels, mend_person_labels
from .mentions import BYLINE_WORDS, Mention, collect
from .name_origin import infer_people_countries
from .places import city_of
from .sectors import sector_of, sector_of_name, shared_office
from .tables import fold, is_acronym

BYLINE_REACH = 120  # characters: a byline line is shorter than this
GENDER_KEY = "communique.entity_gender"  # doc.user_data: entity id -> "m" / "f", for the resolver
VARIANT_SUFFIXES = {"party"}  # words an organisation's name may drop: "Labour" for "Labour Party"
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "la", "&"}


class Cluster:
    """Mentions of one entity while merging."""

    def __init__(self, label: str):
        self.label = label
        self.mentions: list[Mention] = []
        self.canonical: str | None = None  # a known organisation's or country's own name
        self.code: str | None = None  # the country code the key itself gives

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        mention.entity = self

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def last_start(self) -> int:
        return max(m.start for m in self.mentions)


def annotate_entities(record: Record, doc: Doc) -> None:
    mentions = [m for m in collect(doc) if not _byline_leftover(record, doc, m)]
    mend_person_labels(doc, mentions, record)
    index = MentionIndex(mentions)
    mend_other_labels(doc, mentions, index)
    mentions = add_untagged_names(doc, mentions, index)
    index = MentionIndex(mentions)
    inside_titles: set[int] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            for begin, end in apply_context(doc, mention, index):
                inside_titles.update(range(begin, end))
    # A fragment the model tagged inside a title ("State" in "Secretary of State") is part of the title; one that
    # runs into a title ("British Defence" in "British Defence Secretary") keeps only what comes before it.
    mentions = [m for m in (_cut_at_title(m, inside_titles, doc) for m in mentions) if m is not None]
    clusters = _merge_people([m for m in mentions if m.label == "PERSON"])
    clusters += _merge_others([m for m in mentions if m.label != "PERSON"])
    clusters.sort(key=lambda c: c.first)
    record.entities = [_entity(f"e{n}", cluster, doc, record.text) for n, cluster in enumerate(clusters, 1)]
    _link_affiliations(clusters, record.entities)
    infer_people_countries(record.entities)  # before descriptions: only named mentions count as evidence
    doc.user_data[GENDER_KEY] = {
        entity.id: gender for entity, cluster in zip(record.entities, clusters)
        if (gender := next((m.gender for m in cluster.mentions if m.gender), None))
    }
    _add_descriptions(record, doc)


def _add_descriptions(record: Record, doc: Doc) -> None:
    """'the NATO chief', 'the alliance': descriptions of known entities are their mentions too."""
    for entity, start, end in description_mentions(record, doc):
        entity.mentions.append(Span(start, end, record.text[start:end]))
    for entity in record.entities:
        entity.mentions.sort(key=lambda m: m.start)


def _cut_at_title(mention: Mention, inside_titles: set[int], doc: Doc) -> Mention | None:
    if mention.label == "PERSON" or not inside_titles:
        return mention
    if mention.start in inside_titles:
        return None
    cut = next((i for i in range(mention.start, mention.end) if i in inside_titles), None)
    if cut is None:
        return mention
    mention.end = cut
    mention.name = " ".join(doc[mention.start:cut].text.split())
    kind = country_kind(mention.name)
    if kind and kind[1] == NATIONALITY:
        mention.label = "NORP"
    elif kind and kind[1] == COUNTRY:
        mention.label = "GPE"
    return mention


def _byline_leftover(record: Record, doc: Doc, mention: Mention) -> bool:
    """A name on a short line of its own that is a byline ('By Jane Doe', 'Nga Jane Doe') or the author's name:
    what the page reader left of the header, not someone the article is about."""
    text = record.text
    start, end = mention.char_span(doc)
    # A byline is a short line: look only a little way either side, so long lines cost nothing.
    line_start = text.rfind("\n", max(0, start - BYLINE_REACH), start) + 1
    line_end = text.find("\n", end, end + BYLINE_REACH)
    if (line_start == 0 and start > BYLINE_REACH) or (line_end < 0 and len(text) - end > BYLINE_REACH):
        return False
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    words = line.split()
    if not words or len(words) > 6 or line.endswith((".", "?", "!", '"')):
        return False
    authors = {fold(a) for a in record.authors}
    return words[0].lower().rstrip(":") in BYLINE_WORDS or mention.key in authors or fold(line) in authors


# People -------------------------------------------------------------------------------------------------------

def _merge_people(people: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_full: dict[str, Cluster] = {}
    by_surname: dict[str, list[Cluster]] = {}
    by_first: dict[str, list[Cluster]] = {}

    def new(mention: Mention) -> Cluster:
        cluster = Cluster("PERSON")
        clusters.append(cluster)
        words = mention.key.split()
        by_full[mention.key] = cluster
        by_surname.setdefault(words[-1], []).append(cluster)
        if len(words) > 1:
            by_first.setdefault(words[0], []).append(cluster)
        return cluster

    # Full names first, so that a lone surname early in the text ("Rutte:" in a headline) finds its person.
    for mention in sorted((m for m in people if len(m.words) > 1), key=lambda m: m.start):
        words = mention.key.split()
        cluster = by_full.get(mention.key) or _same_person(words, by_surname.get(words[-1], []))
        if cluster is None:
            cluster = new(mention)
        cluster.add(mention)
    for mention in sorted((m for m in people if len(m.words) == 1), key=lambda m: m.start):
        cluster = _nearest(by_surname.get(mention.key), mention) or _nearest(by_first.get(mention.key), mention)
        if cluster is None:
            cluster = new(mention)
        cluster.add(mention)
    return clusters


def _same_person(words: list[str], candidates: list[Cluster]) -> Cluster | None:
    """'Mark A. Rutte' or 'M. Rutte' is 'Mark Rutte'; 'David Miliband' is not 'Ed Miliband'."""
    for cluster in candidates:
        for other in cluster.mentions:
            other_words = other.key.split()
            if len(other_words) < 2:
                continue
            a, b = words[0], other_words[0]
            if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
                return cluster
    return None


def _nearest(candidates: list[Cluster] | None, mention: Mention) -> Cluster | None:
    """One candidate, or of several the one last mentioned before `mention` (the reader's own choice)."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    before = [c for c in candidates if any(m.start < mention.start for m in c.mentions)]
    if not before:
        return None
    return max(before, key=lambda c: max(m.start for m in c.mentions if m.start < mention.start))


# Organisations, countries and places ---------------------------------------------------------------------------

def _merge_others(mentions: list[Mention]) -> list[Cluster]:
    by_key: dict[tuple[str, str], Cluster] = {}
    for mention in mentions:
        key, label, canonical, code = _other_key(mention)
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = Cluster(label)
            cluster.canonical, cluster.code = canonical, code
        cluster.add(mention)
    clusters = list(by_key.values())
    for cluster in clusters:
        if cluster.code is None and cluster.canonical is None:
            cluster.label = Counter(m.label for m in cluster.mentions).most_common(1)[0][0]
    return _merge_variants(_merge_acronyms(clusters))


def _merge_variants(clusters: list[Cluster]) -> list[Cluster]:
    """'Labour' and 'Labour Party', 'Lib Dem' and 'Lib Dems': one organisation."""
    by_base: dict[tuple[str, str], Cluster] = {}
    kept = []
    for cluster in clusters:
        if cluster.label not in ("ORG", "NORP") or cluster.canonical is not None or cluster.code is not None:
            kept.append(cluster)
            continue
        base = (cluster.label, _variant_base(cluster.mentions[0].key))
        target = by_base.get(base)
        if target is None:
            by_base[base] = cluster
            kept.append(cluster)
        else:
            for mention in cluster.mentions:
                target.add(mention)
    return kept


def _variant_base(key: str) -> str:
    words = key.split()
    if len(words) > 1 and words[-1] in VARIANT_SUFFIXES:
        words = words[:-1]
    if words and len(words[-1]) > 4 and words[-1].endswith("ies"):
        words[-1] = words[-1][:-3] + "y"  # Tories -> Tory
    elif words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _other_key(mention: Mention) -> tuple[tuple[str, str], str, str | None, str | None]:
    kind = country_kind(mention.name)
    if kind and kind[1] == COUNTRY:
        return ("country", kind[0]), "GPE", None, kind[0]
    if kind and kind[1] == NATIONALITY and mention.label in ("NORP", "GPE"):
        return ("nationality", kind[0]), "NORP", None, kind[0]
    organisation = organisation_of(mention.name)
    if organisation:
        return ("organisation", organisation["name"]), "ORG", organisation["name"], None
    return ("name", mention.key), mention.label, None, None


def _merge_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """'KSF' joins 'Kosovo Security Force' when its letters are the initials of the longer name."""
    by_initials: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.label == "ORG" and cluster.canonical is None:
            for mention in cluster.mentions:
                initials = _initials(mention.name)
                if len(initials) >= 2:
                    by_initials.setdefault(initials, cluster)
    kept = []
    for cluster in clusters:
        name = cluster.mentions[0].name
        target = by_initials.get(name) if name.isupper() and cluster.canonical is None else None
        if target is not None and target is not cluster:
            for mention in cluster.mentions:
                target.add(mention)
        else:
            kept.append(cluster)
    return kept


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w.lower() not in SMALL_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


# Entities -------------------------------------------------------------------------------------------------------

def _entity(entity_id: str, cluster: Cluster, doc: Doc, text: str) -> Entity:
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    name = cluster.canonical or _fullest(mentions)
    if cluster.label == "GPE" and cluster.code and is_acronym(name):
        name = country_name(cluster.code) or name  # "US" alone: the entity is the United States
    entity = Entity(id=entity_id, name=name, type=cluster.label)
    for mention in mentions:
        start, end = mention.char_span(doc)
        entity.mentions.append(Span(start, end, text[start:end]))
        for title in mention.titles:
            if title not in entity.titles:
                entity.titles.append(title)
    if cluster.label == "PERSON":
        entity.country = next((m.country for m in mentions if m.country), None)
    else:
        _describe_other(entity, cluster)
    return entity


def _fullest(mentions: list[Mention]) -> str:
    return max(mentions, key=lambda m: (len(m.words), len(m.name), -m.start)).name


def _describe_other(entity: Entity, cluster: Cluster) -> None:
    name = entity.name
    if cluster.canonical:
        organisation = organisation_of(cluster.canonical)
        entity.sector, entity.affiliation = organisation["sector"], organisation["parent"]
        entity.country = entity.country or organisation["country"]  # a national party or movement: Hamas is PSE
        return
    if cluster.code:
        entity.country = cluster.code
        return
    kind = country_kind(name)
    if kind:
        entity.country = kind[0]
        if kind[1] == SEAT:
            entity.sector = seat_sector(name)
        return
    if entity.type in ("GPE", "LOC", "FAC"):
        city = city_of(name)
        entity.country = city.country if city else None
        return
    if entity.type == "NORP" and sector_of_name(name) == "PTY":
        entity.sector = "PTY"  # "the Tories", "Democrats": a party's members
        return
    if entity.type == "ORG":
        entity.sector = sector_of_name(name)
        entity.country = _country_in_name(name)


def _country_in_name(name: str) -> str | None:
    """'Kosovo Security Force' -> XKX, 'Serbian Progressive Party' -> SRB, 'Ministry of Defence of Serbia' -> SRB."""
    words = name.split()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            kind = country_kind(" ".join(words[i:i + size]))
            if kind and kind[1] in (COUNTRY, NATIONALITY, CAPITAL):
                return kind[0]
    return None


def _link_affiliations(clusters: list[Cluster], entities: list[Entity]) -> None:
    """People's affiliations by the canonical name of the organisation mentioned; country and sector follow."""
    entity_of = {id(cluster): entity for cluster, entity in zip(clusters, entities)}
    for cluster, entity in zip(clusters, entities):
        if cluster.label != "PERSON":
            continue
        organisation = None
        for mention in sorted(cluster.mentions, key=lambda m: m.start):
            if mention.affiliation is not None and mention.affiliation.entity is not None:
                organisation = entity_of.get(id(mention.affiliation.entity))
                if organisation is not None:
                    entity.affiliation = organisation.name
                    break
            if mention.affiliation_name:
                entity.affiliation = mention.affiliation_name
                break
        if organisation is not None and not entity.country and organisation.sector not in ("IGO", "NGO"):
            entity.country = organisation.country
        entity.sector = sector_of(entity.titles, entity.affiliation, "PERSON", entity.country)
        hint = next((m.sector_hint for m in cluster.mentions if m.sector_hint), None)
        if hint and not entity.affiliation and (entity.sector is None or shared_office(entity.titles)):
            entity.sector = hint  # "the union's general secretary": a union's officer, not the government's
        if entity.sector in ("IGO", "NGO"):
            entity.country = None  # an international official acts for no one country
