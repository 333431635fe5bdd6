"""PLOVER events: who did what to whom, when and where, coded sentence by sentence from the parse.

`annotate_events(record, doc)` is the pipeline stage (after entities and quotes). What is and is not emitted:
- an event for each trigger (coder.py) that is not the content of another trigger and survives modality
  (modality.py): negated, hypothetical and hedged events are dropped; a planned one becomes the stated intent,
  AGREE or THREATEN; a refused agreement is a REJECT;
- a demand made with "must/should" by a speaker or a quoted person about another actor ("X said Y must ...")
  is a REQUEST;
- an event whose trigger is the cue of a quote (urged, accused, praised, rejected, warned) carries that quote's
  index, and takes the quote's speaker when the parse gives no subject;
- an event needs a source actor, except violence and coercion reported in the passive with only a victim;
  SUPPORT and COOPERATE need a target actor or joint sources, CONSULT someone or somewhere met;
- the same event reported twice (same type, sources, targets and date) is one event, its other sentences in
  `also` (duplicates.py).
Dates resolve against `record.published` (dates.py); places through the gazetteer (places.py), else the place
of the previous event in the same paragraph.
"""
from __future__ import annotations

import re

import sys

from spacy.tokens import Doc, Span, Token

from ..actors.countries import country_of
from ..record import Actor, Event, Record, SentenceRef
from ..record import Span as TextSpan
from . import modality
from .actors import ActorResolver, actor_nouns
from .anchor import clause_of, main_verb
from .classifier import ClauseClassifier, load_classifier
from .classifier import available as classifier_available
from .coder import (CONTACTS, FORCES, HAPPENING_VERBS, SELF_DEEDS, SPEECH_HEADS, TARGET_PREPS, WARNING_HEADS, Trigger,
                    background, between_parties, embedded, final_type, find_triggers, is_light, is_weapon,
                    subject_of, subordinate)
from .crosswalk import cameo_for
from .dates import event_date, publication_day
from .duplicates import merge_duplicates
from .lexicon import INTENT, Sense, load_lexicon
from .places import event_place

MAX_SENTENCE_TOKENS = 400  # longer "sentences" are lists or tables that the parser split badly: skipped
TARGET_ONLY_TYPES = {"ASSAULT", "COERCE"}
CROWD_COUNTS = {"hundreds", "thousands", "dozens", "scores", "tens", "millions"}
HAPPENINGS = {"PROTEST", "ASSAULT"}  # kinds reported as happening with no one named: "riots broke out"
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD"}
# Verbs that ask for something themselves: a demand in their clause is theirs, not the purpose of a protest.
REQUEST_ROOTS = {"urge", "call", "appeal", "ask", "press", "plead", "lobby", "petition", "write", "send"}
# Cooperation is done with someone: without a target actor these need joint sources ("Czechia and Albania
# upgraded their ties"); "NATO has supported peace" names no partner and is no interaction. (CONSULT has its
# own, older rule below.) Other dyadic types keep events without a resolved target: their target is often an
# actor the text names in a way that no table resolves, and the dev half shows those events are real.
JOINT_WITHOUT_TARGET = {"SUPPORT", "COOPERATE"}
# One's relatives: meeting them is private life ("where he met his future wife").
FAMILY = {"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "family", "parent",
          "child", "children", "partner", "girlfriend", "boyfriend", "fiancee", "fiance", "grandson", "granddaughter"}
# Verbs that name an event only when someone is their object: "charged the minister" accuses, "charge fees"
# does not; "beat the protesters" assaults, "beat the forecast" does not.
NEEDS_ACTOR_OBJECT = {"charge", "beat", "snatch", "battle", "disperse"}  # ("the crowd dispersed peacefully")
VERBAL_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "INTENT"}
# Event nouns whose "between X and Y" are all actors of it, not its targets.
MUTUAL_NOUNS = {"clash", "fighting", "battle", "gunbattle", "gunfight", "skirmish", "firefight", "talk", "meeting",
                "negotiation", "agreement", "deal", "accord", "truce", "ceasefire", "cease-fire", "dialogue",
                "cooperation", "summit", "war", "hostilities", "shootout", "consultation", "exercise", "manoeuvre",
                "maneuver", "drill", "contact"}


def annotate_events(record: Record, doc: Doc) -> None:
    """Fill `record.events` from the parsed text; never raises for odd text (one warning instead)."""
    try:
        record.events = _events(record, doc)
    except RecursionError as error:  # a pathological parse must not lose the record
        record.warnings.append(f"events: skipped ({error})")
        print(f"communique: events skipped for {record.id}: {error}", file=sys.stderr)


def _events(record: Record, doc: Doc) -> list[Event]:
    lexicon = load_lexicon()
    resolver = ActorResolver(record, doc)
    base = publication_day(record.published)
    quotes = _QuoteIndex(record)
    events: list[Event] = []
    unlisted: list[tuple[Span, Token]] = []  # sentences with no listed trigger, for the clause classifier
    wants_classifier = classifier_available()  # not in the default install: then no sentence is examined for it
    last_place, last_paragraph = None, -1
    paragraph, counted_to = 0, 0
    for sentence in doc.sents:
        if len(sentence) > MAX_SENTENCE_TOKENS or not any(t.pos_ == "VERB" or t.pos_ == "NOUN" for t in sentence):
            continue
        # paragraphs counted incrementally: counting from the start for every sentence would be quadratic
        paragraph += record.text.count("\n", counted_to, sentence.start_char)
        counted_to = sentence.start_char
        if paragraph != last_paragraph:
            last_place, last_paragraph = None, paragraph
        if _asks(sentence):
            continue  # "Will the Kremlin send troops back into Chechnya?"
        triggers = find_triggers(sentence, lexicon)
        by_token: dict[int, Trigger] = {}
        for trigger in triggers:
            by_token.setdefault(trigger.token.i, trigger)
            by_token.setdefault(trigger.verb.i, trigger)
        kept = [t for t in triggers if not embedded(t, by_token) and not background(t)]
        kept.extend(_demands(sentence, by_token, resolver, quotes))
        seen = set()
        coded = len(events)
        coded_here: list[tuple[Event, Trigger, str | bool]] = []  # with how the trigger's clause hangs (subordinate)
        for trigger in kept:
            event = _event(trigger, sentence, lexicon, resolver, quotes, base)
            if event is None:
                continue
            key = (event.type, trigger.token.i)
            if key in seen:
                continue
            seen.add(key)
            coded_here.append((event, trigger, subordinate(trigger)))
        if any(not secondary for _, _, secondary in coded_here):
            # "rioted, demanding his resignation", "went on strike to press for higher pay": the clause that tells
            # the purpose or the manner of the main event is no event of its own (PLOVER: a protest's topic is
            # not coded apart from the protest)
            coded_here = [item for item in coded_here if not item[2]]
        elif coded_here and all(event.type == "REQUEST" for event, _, _ in coded_here):
            for event, trigger, _ in coded_here:
                if _pressing_demand(trigger.verb, event):
                    event.type, event.mode, event.cameo = "PROTEST", None, cameo_for("PROTEST", None, None)
        # what an act was done for ("... to help it fight the rebels") is a plan, not an event
        coded_here = [item for item in coded_here if not (item[2] == "purpose" and item[0].type != "PROTEST")]
        if _sports_report(sentence):
            # "Brazil crushed Argentina 3-0 in a qualifier", "fans marched to celebrate the league title"
            # (an official who threatens soccer fans with bans still threatens)
            coded_here = [item for item in coded_here if item[0].type not in SPORTS_LOOKALIKES
                          or any(a.sector in OFFICIALS for a in item[0].source)]
        for event, _, _ in coded_here:
            if event.location is None:
                event.location = last_place
            else:
                last_place = event.location
            events.append(event)
        if wants_classifier and len(events) == coded:  # nothing coded here: ask the clause classifier
            anchor = _classifier_anchor(sentence, lexicon, resolver)
            # a listed word in the anchor's own complement that was not coded ("hopes to sign a deal") was
            # judged already: the classifier does not get a second say on it
            if anchor is not None and anchor.i not in by_token and not any(
                    t.verb.head == anchor and t.verb.dep_ in ("xcomp", "ccomp") for t in triggers):
                unlisted.append((sentence, anchor))
    classifier = load_classifier() if unlisted else None
    if classifier is not None:
        events.extend(_classified(classifier, unlisted, lexicon, resolver, quotes, base))
        events.sort(key=lambda e: e.sentence.start)
    _article_context(events, base, _entities_with_own_polity(record))
    return merge_duplicates(events, base.isoformat() if base else None)


# Words that only sports reports use: a match won is no attack, fans marching after a title no protest.
SPORTS = {"qualifier", "league", "tournament", "championship", "goalkeeper", "midfielder", "fixture", "semi-final",
          "semifinal", "quarter-final", "quarterfinal", "innings", "wicket", "hat-trick", "playoff", "play-off",
          "derby", "kick-off", "rugby", "football", "soccer", "cricket"}  # (not "striker": workers strike)
SPORTS_LOOKALIKES = {"ASSAULT", "THREATEN", "PROTEST", "COERCE"}  # "crushed", "will attack", "marched", "beat"
OFFICIALS = {"GOV", "JUD", "LEG", "POL"}  # a team named by its country has no sector
SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")


def _sports_report(sentence: Span) -> bool:
    # common nouns only: "the Arab League", "the Awami League" are bodies in politics
    words = {t.lemma_.lower() for t in sentence if t.pos_ == "NOUN" and not t.ent_type_}
    return bool(words & SPORTS) or ("cup" in words and "world" in words) or (
        any(SCORE.match(t.text) for t in sentence) and bool(words & {"match", "game", "final", "win", "beat", "goal"}))


def _asks(sentence: Span) -> bool:
    """A question asks whether something happens; it reports nothing."""
    text = sentence.text.rstrip(" \"'”’)")
    return text.endswith("?")


def _article_context(events: list[Event], base, own_polity: set[str]) -> None:
    """Where the article's own day happens: events of the publication day with no place of their own take the
    first place the article names for an event ('in Pristina'), and office holders in them with no country of
    their own take that place's country (the hosts: 'President Osmani' in Pristina)."""
    place = next((e.location for e in events if e.location is not None), None)
    if place is None or base is None:
        return
    today = base.isoformat()
    for event in events:
        if event.location is None and event.date == today and event.date_precision == "day":
            event.location = place
        if event.location is not None and event.location.country == place.country and event.date == today:
            _hosts_country(event.source + event.target, event.location, own_polity)


CLASSIFIED_TOKENS = (5, 60)  # sentence lengths the classifier is asked about: shorter are captions, longer lists


def _classifier_anchor(sentence: Span, lexicon, resolver: ActorResolver) -> Token | None:
    """The verb a classified event would hang on (anchor.main_verb). None when the sentence is no candidate: a
    question, a caption, a verb the lexicon knows (and so chose not to code), or no actor as the verb's subject."""
    if not CLASSIFIED_TOKENS[0] <= len(sentence) <= CLASSIFIED_TOKENS[1] or sentence.text.rstrip().endswith("?"):
        return None
    verb = main_verb(sentence)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in lexicon.verbs or lemma in lexicon.verb_heads:
        return None
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return None
    # a named or known political actor ("It", "the charity", "a BBC documentary" make no interaction here); a
    # pronoun only when it was resolved to one ("Switzerland said it had expelled ...")
    actors = resolver.actors(subject)
    if subject.pos_ == "PRON":
        actors = [actor for actor in actors if actor.entity and actor.country]
    if not any(actor.country or (actor.entity and actor.sector) for actor in actors):
        return None
    return verb


def _classified(classifier: ClauseClassifier, candidates: list[tuple[Span, Token]], lexicon,
                resolver: ActorResolver, quotes: "_QuoteIndex", base) -> list[Event]:
    """Events that the clause classifier finds in sentences with no listed trigger (classifier.py)."""
    found = []
    labels = classifier.classify([clause_of(sentence, verb) for sentence, verb in candidates])
    for (sentence, verb), label in zip(candidates, labels):
        if label is None:
            continue
        kind, probability = label
        trigger = Trigger(verb, Sense(kind, None, None), verb)
        event = _event(trigger, sentence, lexicon, resolver, quotes, base)
        if event is not None:
            event.classifier = round(probability, 3)
            found.append(event)
    return found


class _QuoteIndex:
    def __init__(self, record: Record):
        self.cues = {}
        self.contents = []
        for index, quote in enumerate(record.quotes):
            if quote.field != "text":
                continue
            if quote.cue is not None:
                self.cues[quote.cue.start] = index
            if quote.content is not None:
                self.contents.append((quote.content.start, quote.content.end, index, quote))

    def quote_at(self, offset: int):
        for start, end, index, quote in self.contents:
            if start <= offset < end:
                return index, quote
        return None


def _event(trigger: Trigger, sentence: Span, lexicon, resolver: ActorResolver, quotes: _QuoteIndex,
           base) -> Event | None:
    verb, token = trigger.verb, trigger.token
    inside = quotes.quote_at(token.idx)
    subject, passive = subject_of(verb)
    if subject is not None and subject == trigger.noun:
        subject = None  # "the investigation would take months": the event noun is no actor
    if passive and trigger.noun is not None and trigger.token == trigger.noun and trigger.noun.dep_ == "nsubjpass" \
            and trigger.noun.head == verb and not is_light(verb, lexicon):
        # "the surrender of 1,200 soldiers was reported by Central Command": who reports it did not do it
        subject, passive = None, False
    if passive and trigger.sense.type == "MOBILIZE" and subject is None:
        # "police were put on alert": the force readied is the actor that the event is about
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        passive = False
    if trigger.giver is not None:
        sources = resolver.speaker_actors(trigger.giver)  # "drew praise from the Dutch minister"
    elif trigger.source_override:
        sources = trigger.source_override
    elif trigger.sense.type in VERBAL_TYPES and not passive:
        sources = resolver.speaker_actors(subject)
        if not sources and subject is None and trigger.noun is not None and (
                trigger.noun.dep_ in ("nsubj", "nsubjpass") or any(
                    c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
                    for c in trigger.noun.children)):
            # "Baghdad's threats against Kuwait alarmed ..." (but not "Tsunami debt deal" in a headline)
            sources = _noun_source(trigger.noun, resolver)
    else:
        sources = resolver.actors(subject) if subject is not None else []
        if not sources and trigger.noun is not None:
            sources = _noun_source(trigger.noun, resolver) or _between(trigger, resolver)
        elif not sources and token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass"):
            sources = _noun_source(token, resolver)  # "rioting by Tibetans spread ...": a gerund used as a noun
    cue_index = quotes.cues.get(verb.idx)
    if cue_index is not None and not passive and (not sources or _unresolved_pronoun(subject, sources)):
        # the parse found no subject, or a pronoun that nobody resolved: the speaker of the quote it cues
        sources = _speaker_actor(resolver, resolver.record.quotes[cue_index]) or sources
    if cue_index is None and inside is not None and inside[1].kind != "direct":
        cue_index = inside[0]  # the event is what an indirect quote reports
        if _unresolved_pronoun(subject, sources):
            # "X said they will ...": the pronoun that nobody resolved is most often the speaker
            sources = _speaker_actor(resolver, inside[1]) or sources
    if not passive and _unresolved_pronoun(subject, sources):
        reporter = _reporting_subject(verb)
        if reporter is not None:
            # "The Umma party said it will boycott ...": the pronoun nobody resolved is the one who says it
            sources = resolver.speaker_actors(reporter) or sources
    elif not passive and subject is not None and subject.pos_ == "PRON" and sources \
            and all(a.country is None and a.sector is None for a in sources):
        reporter = _reporting_subject(verb)
        said_by = resolver.speaker_actors(reporter) if reporter is not None else []
        if said_by and any(a.country or a.sector for a in said_by):
            # "Colombian FARC rebels said they would ...": the pronoun found the bare name; the one who says it
            # is the same actor told more fully
            sources = said_by
    if not sources and passive and subject is None and trigger.sense.type in AUTHORITY_ACTS:
        # "two diplomats were ordered to leave, the interior ministry said": an authority that reports its own
        # expulsion or arrest did it
        sources = [a for a in resolver.speaker_actors(_attributed_to(verb)) if a.sector in AUTHORITIES]
    if not sources and subject is not None and not passive:
        maker = _maker(subject)
        if maker is not None:
            sources = resolver.actors(maker)  # "a car bomb planted by the rebels killed ...": the rebels did it
    if not sources and subject is not None and not passive and trigger.sense.type in TARGET_ONLY_TYPES \
            and subject.tag_ == "NNS" and _people(subject):
        # "eight men attacked six residents": whoever does violence is an actor, named by a table or not
        sources = resolver.speaker_actors(subject)
    if not sources and subject is not None and trigger.sense.type == "PROTEST" \
            and subject.lower_ in CROWD_COUNTS:
        # "hundreds took to the streets": a crowd counted, not named, is people protesting
        sources = [Actor(text=subject.text, name=subject.text, sector="CVL")]
    in_quote_by_other = bool(inside) and inside[1].kind == "direct" and not _first_person(subject) \
        and not _is_speaker(sources, inside[1])
    kind = trigger.type or final_type(trigger, lexicon, in_quote_by_other)
    if kind is None:
        return None
    if kind == "THREATEN" and not sources and subject is not None and _threatening_side(subject, passive):
        # "Asmara warned that its artillery would pound ...", "told Minsk that its goods could be hit": the
        # threat is the speaker's
        sources = resolver.speaker_actors(_attributed_to(verb, SPEECH_HEADS | WARNING_HEADS))
    targets = _targets(trigger, resolver, passive) if trigger.giver is None else _receiver(subject, resolver)
    targets = [t for t in targets if not any(_same_actor(t, s) for s in sources)]
    if trigger.sense.type == "CONSULT" and not targets and len(sources) < 2 and not _plural(subject) \
            and not _visits_place(trigger, sentence) and not (trigger.noun is not None and between_parties(trigger.noun)
                                                               and sources):
        return None  # a meeting needs someone to meet: "the council will meet", "met the deadline" are none
    if trigger.sense.type == "CONSULT" and _family_only(_target_tokens(trigger, passive)):
        return None  # "where he met his future wife": a private life, not a consultation
    if kind in JOINT_WITHOUT_TARGET and not targets and len(sources) < 2 and not _plural(subject):
        return None
    if verb.lemma_.lower() in NEEDS_ACTOR_OBJECT and not targets and not passive and not _to_death(verb):
        return None
    if not sources and not (kind in TARGET_ONLY_TYPES and (targets or _weapon(verb, subject) or _victims(verb, passive))
                            and _sourceless_ok(verb, subject, passive, lexicon)) \
            and not (kind in HAPPENINGS and _happened(trigger)):
        return None
    sense = trigger.sense
    if sources and all(_protester(a) for a in sources) and (
            kind in ("COERCE", "MOBILIZE") or (kind == "ASSAULT" and (
                trigger.token.lemma_.lower() in RIOTING or _while_demanding(verb)))):
        # "demonstrators stormed and set fire to police stations", "protesters massed in the streets", "youths went
        # on the rampage": a protest, turned violent or not
        kind = "PROTEST"
    if kind == "COOPERATE" and trigger.noun is not None and len(sources) < 2 and not targets \
            and not any(c.lower_ == "joint" for c in trigger.noun.children) and not _plural(subject):
        kind = "MOBILIZE"  # exercises held alone show force; held together they are cooperation
    mode = sense.mode if kind == sense.type else None
    heads = [verb] + ([trigger.noun] if trigger.noun is not None and trigger.noun != verb else [])
    day, precision = event_date(heads, sentence, base)
    actor_tokens = {t.i for t in _actor_heads(trigger, subject, passive)}
    place = event_place(heads, sentence, actor_tokens, visit=mode == "visit")
    if kind == "CONSULT" and place is not None:
        _hosts_country(targets, place, _entities_with_own_polity(resolver.record))
    if place is not None and place.country and mode != "visit":
        _local_people(sources, place.country)
    _officials_of_named_state(sources, targets, sentence)
    event = Event(type=kind, sentence=SentenceRef(sentence.start_char, sentence.end_char), source=sources,
                  target=targets, mode=mode, cameo=cameo_for(kind, mode, sense.cameo if kind == sense.type else None),
                  date=day, date_precision=precision, location=place,
                  quote=trigger.quote if trigger.quote is not None else cue_index,
                  trigger=TextSpan(token.idx, token.idx + len(token.text), token.text))
    return event


AUTHORITY_ACTS = {"SANCTION", "COERCE"}
AUTHORITIES = {"GOV", "MIL", "JUD", "POL"}


def _attributed_to(verb: Token, heads: set[str] = SPEECH_HEADS) -> Token | None:
    """Who a clause is attributed to: the subject of the verb of saying it hangs on or that hangs on it ('...,
    the ministry said'), or the subject set after that verb ('..., announced the interior ministry')."""
    sayers = [verb.head] if verb.dep_ == "ccomp" and verb.head != verb else []
    sayers += [c for c in verb.children if c.dep_ in ("conj", "parataxis", "ccomp") and c.i > verb.i]
    for sayer in sayers:
        if sayer.lemma_.lower() not in heads:
            continue
        subject = next((c for c in sayer.children if c.dep_ == "nsubj"), None)
        if subject is None:
            subject = next((c for c in sayer.children if c.dep_ == "dobj" and c.i > sayer.i), None)
        if subject is not None:
            return subject
    return None


def _between(trigger: Trigger, resolver: ActorResolver) -> list[Actor]:
    """'Talks were held between Israel and Syria': the parties of a mutual event named on its verb."""
    if trigger.noun is None or trigger.noun.lemma_.lower() not in MUTUAL_NOUNS:
        return []
    return [a for p in trigger.verb.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj" for a in resolver.actors(o)]


def _receiver(subject: Token | None, resolver: ActorResolver) -> list[Actor]:
    """Who drew the praise or the condemnation: the subject, or whose deed it was ('Croatia's cooperation')."""
    if subject is None:
        return []
    return resolver.actors(subject) or [a for c in subject.children if c.dep_ == "poss" for a in resolver.actors(c)]


def _maker(thing: Token) -> Token | None:
    """The agent of a participle on a subject that is a thing: 'a parcel bomb sent by militants', 'a mine laid by
    the rebels'."""
    for clause in thing.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _reporting_subject(verb: Token) -> Token | None:
    """The subject of the verb of saying that this verb's clause is the content of, when it names someone."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_HEADS:
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _threatening_side(subject: Token, passive: bool) -> bool:
    """Who carries out a threat when no actor is named: the speaker's forces ('its artillery', 'the fleet'), or
    nobody said (a passive: 'goods could be hit with tariffs')."""
    return passive or subject.lemma_.lower() in FORCES
def _victims(verb: Token, passive: bool) -> bool:
    """'Eight killed, 45 injured': a passive of violence whose subject counts people, named or not."""
    from .actors import actor_nouns

    return passive and any(c.dep_ == "nsubjpass" and (c.pos_ == "NUM" or c.like_num or c.lemma_.lower() in actor_nouns())
                           for c in verb.children)


def _weapon(verb: Token, subject: Token | None) -> bool:
    """Violence done with a bomb: its subject ('a car bomb exploded'), what was set off ('a booby-trapped car was
    detonated'), or the clause a participle hangs on ('..., killing four officers')."""
    clauses = [verb] + ([verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" else [])
    return is_weapon(subject) or any(is_weapon(c) for clause in clauses for c in clause.children
                                     if c.dep_ in ("nsubj", "nsubjpass"))


def _visits_place(trigger: Trigger, sentence: Span) -> bool:
    """'arrived in Moscow on a visit': a visit's partner is the place visited."""
    return trigger.sense.mode == "visit" and any(t.ent_type_ in ("GPE", "LOC") for t in sentence)


def _plural(token: Token | None) -> bool:
    return token is not None and token.tag_ in ("NNS", "NNPS") or bool(token is not None and token.conjuncts)


def _officials_of_named_state(sources: list[Actor], targets: list[Actor], sentence: Span) -> None:
    """An office holder with no country of their own whose sentence names one state as a possessor or by its
    adjective, and not as the target or a place: 'Lt. Gen. Avril resigned to allow Haiti's first free elections'."""
    if not any(a.country is None and a.sector in STATE_SECTORS for a in sources):
        return
    taken = {a.country for a in targets if a.country}
    named = set()
    for token in sentence:
        if token.ent_type_ not in ("GPE", "NORP") or not (token.dep_ in ("poss", "amod", "compound") or
                                                            token.tag_ == "JJ"):
            continue
        code = country_of(token.text)
        if code and code not in taken and not _in_actor(token, sources + targets):
            named.add(code)
    if len(named) == 1:
        for actor in sources:
            if actor.country is None and actor.sector in STATE_SECTORS:
                actor.country = next(iter(named))


def _in_actor(token: Token, actors: list[Actor]) -> bool:
    return any(token.text in (actor.text or "") for actor in actors)


def _local_people(actors: list[Actor], country: str) -> None:
    """People named only by what they are ('pensioners', 'police', 'students') who act in a place with no country
    of their own in the text are that place's: 'pensioners marched on parliament in Kiev' are Ukrainian."""
    nouns = actor_nouns()
    for actor in actors:
        if actor.entity is None and actor.country is None and actor.sector not in ("IGO", "NGO") \
                and _common_head(actor.text) in nouns:
            actor.country = country


def _family_only(tokens: list[Token]) -> bool:
    """'his future wife Glenys', 'his son': one's own relatives, wherever the parser put the name ('the family
    of the hostage' is met as someone's advocate)."""
    def own_relative(t: Token) -> bool:
        words = [t] + [c for c in t.children if c.dep_ in ("compound", "appos")]
        return any(w.lemma_.lower() in FAMILY for w in words) and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for w in words for c in w.children)
    return bool(tokens) and all(own_relative(t) for t in tokens)


def _common_head(text: str) -> str:
    """The last word of an actor phrase as a lemma-like key: 'Riot police' -> 'police', 'Pensioners' -> 'pensioner'."""
    word = text.split()[-1] if text.split() else ""
    if not word.islower() and text.split()[0] != word:
        return ""  # "Real IRA", "Democratic Party": a name
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in actor_nouns() else word


def _hosts_country(targets: list[Actor], place, own_polity: set[str]) -> None:
    """An office holder met in a country without a country of their own in the text is that country's
    ('during his visit to Pristina, X met Prime Minister Y': Y is Kosovo's) -- unless the text names their own
    state, known to us or not ('Norland's Prime Minister Y', 'the President of Ostrava')."""
    for actor in targets:
        if actor.entity and actor.country is None and actor.sector in ("GOV", "LEG", "MIL", "JUD") and place.country \
                and actor.entity not in own_polity and not _OWN_POLITY.search(actor.text):
            actor.country = place.country


_OWN_POLITY = re.compile(r"\b[A-Z][\w-]*(?:'s|’s)\s+(?:[A-Z][\w-]*\s+)*$|\bof (?:the )?[A-Z][\w-]*\s*,?\s*$")
_OWN_POLITY_AFTER = re.compile(r"^\s*(?:,\s*)?(?:the\s+)?(?:[a-z]+\s+){0,2}of (?:the )?[A-Z]")


def _entities_with_own_polity(record: Record) -> set[str]:
    """Entities one of whose mentions is qualified by a state's name: "Norland's Prime Minister Kell",
    "Kell, the prime minister of Norland"."""
    found = set()
    for entity in record.entities:
        for mention in entity.mentions:
            before = record.text[max(0, mention.start - 60):mention.start]
            after = record.text[mention.end:mention.end + 60]
            if _OWN_POLITY.search(before) or _OWN_POLITY_AFTER.search(after):
                found.add(entity.id)
                break
    return found


# Sectors of people who protest; a government or an army that acts "demanding ..." is doing something else.
PROTESTING_SECTORS = {None, "CVL", "OPP", "PTY", "REB", "NGO", "BUS", "MED"}


def _pressing_demand(verb: Token, event: Event) -> bool:
    """'Villagers sat down on the road, demanding ...', '... set up roadblocks to press their claim': an act that the
    lexicon does not know, done by people to press a demand, is a protest (PLOVER codes the act, not its topic)."""
    node = verb
    for _ in range(6):
        if node.dep_ in ("advcl", "acl") or node.head == node:
            break
        node = node.head
    if node.dep_ not in ("advcl", "acl"):
        return False
    act = node.head  # the act that the participle or the purpose clause hangs on
    if act.pos_ != "VERB" or act.lemma_.lower() in SPEECH_HEADS | REQUEST_ROOTS or act.i > node.i \
            or any(c.dep_ in ("ccomp", "xcomp", "neg") for c in act.children):
        return False
    return bool(event.source) and all(a.sector in PROTESTING_SECTORS or _protester(a) for a in event.source)


RIOTING = {"rampage", "riot", "unrest"}
# People whose seizures, blockades and arson are protests, not a state's coercion.
PROTESTERS = {"demonstrator", "protester", "protestor", "rioter", "crowd", "mob", "youth", "student", "worker",
              "striker", "activist", "marcher", "driver", "farmer", "trucker", "fisherman", "villager", "supporter"}


# What a crowd does while it makes its demands: "clashed with police, demanding an end to censorship".
DEMANDING = {"demand", "call", "protest", "chant", "insist", "press"}


def _while_demanding(verb: Token) -> bool:
    return any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in DEMANDING for c in verb.children)


def _protester(actor: Actor) -> bool:
    return actor.entity is None and _common_head(actor.text) in PROTESTERS


def _to_death(verb: Token) -> bool:
    """'beat two men to death': violence whoever the victims are."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children)
               for c in verb.children)


def _happened(trigger: Trigger) -> bool:
    """'Riots broke out in the capital', 'fighting erupted near the border': the event noun is the subject of a verb
    of happening in the main clause, so the event is reported even though nobody is named as doing it."""
    noun = trigger.noun
    return noun is not None and noun == trigger.token and noun.dep_ == "nsubj" \
        and noun.head.dep_ in ("ROOT", "ccomp") and noun.head.lemma_.lower() in HAPPENING_VERBS


PEOPLE = {"people", "man", "woman", "youth", "suspect", "thug", "mob", "gang", "child", "boy", "girl", "assailant",
          "attacker", "villager", "rioter", "fighter", "raider", "kidnapper", "abductor", "intruder"}


def _people(noun: Token) -> bool:
    """A plural noun for people ('gunmen', 'villagers', 'suspects'), not for things ('storms', 'powers'): the
    word must be known, since endings like '-ers' are no guide ('powers', 'papers'); only '-man' compounds
    ('gunman', 'policeman') are taken by their ending."""
    lemma = noun.lemma_.lower()
    return lemma in PEOPLE or lemma in actor_nouns() or lemma.endswith("man")


def _sourceless_ok(verb: Token, subject: Token | None, passive: bool, lexicon) -> bool:
    """Violence with a victim but no named perpetrator counts when the main clause reports it: 'three civilians
    were killed in a bombing', 'a roadside bomb killed two soldiers' (not in a relative clause)."""
    if verb.dep_ in ("relcl", "acl"):
        return False
    if _weapon(verb, subject):
        return True  # "a car bomb exploded near the parliament"
    if passive:
        return True
    return subject is not None and subject.pos_ == "NOUN" and lexicon.noun(subject.lemma_.lower()) is not None


def _is_speaker(sources: list[Actor], quote) -> bool:
    return bool(quote.speaker_entity) and any(a.entity == quote.speaker_entity for a in sources)


def _unresolved_pronoun(subject: Token | None, sources: list[Actor]) -> bool:
    return subject is not None and subject.pos_ == "PRON" and all(a.entity is None for a in sources)


def _first_person(token: Token | None) -> bool:
    return token is not None and token.lower_ in ("i", "we")


def _same_actor(a: Actor, b: Actor) -> bool:
    return (a.entity is not None and a.entity == b.entity) or (a.name or a.text) == (b.name or b.text)


def _speaker_actor(resolver: ActorResolver, quote) -> list[Actor]:
    """The quote's speaker as an actor: its entity, else the words at the attribution read as an actor."""
    if quote.speaker_entity:
        entity = resolver.entities.get(quote.speaker_entity)
        if entity is not None:
            return [resolver.from_entity(quote.speaker_mention.text if quote.speaker_mention else entity.name,
                                         entity)]
    mention = quote.speaker_mention
    if mention is not None:
        span = resolver.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span) > 0 and span.root.pos_ != "PRON":
            return resolver.actors(span.root)
    return []


def _noun_source(noun: Token, resolver: ActorResolver) -> list[Actor]:
    """'Iran's offensive', 'an Israeli attack', 'the attack by rebels'; 'by' first: 'their detention by the
    state' names the doer after the one it was done to."""
    for child in sorted(noun.children, key=lambda c: not (c.dep_ == "prep" and c.lower_ == "by")):
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG")) \
                or (child.dep_ == "compound" and child.i == noun.i - 1 and child.lemma_.lower() in actor_nouns()
                    and noun.dep_ != "ROOT"):  # ("Opposition demands mounted"; a headline's nouns are often verbs)
            found = resolver.actors(child)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolver.actors(obj)  # "a demand from Moscow", "assistance from India"
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in SELF_DEEDS:
            found = [a for o in child.children if o.dep_ == "pobj" for a in resolver.actors(o)]
            if found:
                return found  # "the surrender of 1,200 Iraqi soldiers", "the withdrawal of Syrian troops"
        if child.dep_ == "acl" and child.lemma_.lower() in ("involve", "include"):
            found = [a for o in child.children if o.dep_ == "dobj" for a in resolver.actors(o)]
            if found:
                return found  # "joint manoeuvres involving Australian and New Zealand frigates"
        if child.dep_ == "prep" and child.lower_ == "between" and noun.lemma_.lower() in MUTUAL_NOUNS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolver.actors(obj)  # "clashes between police and protesters": both act
    return []


def _target_tokens(trigger: Trigger, passive: bool) -> list[Token]:
    verb = trigger.verb
    found: list[Token] = []
    noun = trigger.noun
    if noun is not None and noun.dep_ == "nsubj" and noun.head == verb \
            and verb.lemma_.lower() not in HAPPENING_VERBS:
        # "Baghdad's threats against Kuwait alarmed Gulf states": whom the deed affected is no party to it
        verb_children = []
    else:
        verb_children = list(verb.children)
    if passive:
        found.extend(c for c in verb.children if c.dep_ == "nsubjpass")
    for child in verb_children:
        if child.dep_ in ("dobj", "dative", "iobj") and child != trigger.noun:
            found.append(child)
            if trigger.verb.lemma_.lower() == "receive" and child.lemma_.lower() in CONTACTS:
                # "received a phone call from the king": the caller is whom the contact was with
                found.extend(o for p in child.children if p.dep_ == "prep" and p.lower_ == "from"
                             for o in p.children if o.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "ccomp" and (trigger.sense.type in ("REQUEST", "ACCUSE") or not any(
                c.dep_ in ("dobj", "dative") for c in verb.children)):
            found.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
        if child.dep_ == "xcomp":
            found.extend(c for c in child.children if c.dep_ == "nsubj")
        if child.dep_ == "advcl" and trigger.sense.type == "REQUEST" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
            found.extend(c for c in child.children if c.dep_ == "nsubj")  # "called for him to apologise"
    if trigger.noun is not None:
        for child in trigger.noun.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS | {"between", "of"}:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    if trigger.target_token is not None:
        found.insert(0, trigger.target_token)
    return found


def _targets(trigger: Trigger, resolver: ActorResolver, passive: bool) -> list[Actor]:
    targets: list[Actor] = []
    for token in _target_tokens(trigger, passive):
        found = resolver.actors(token)
        if not found and token.pos_ in ("NOUN", "PROPN"):
            found = _actor_within(token, resolver)
        for actor in found:
            if not any(_same_actor(actor, t) for t in targets):
                targets.append(actor)
    if not targets:
        # "supports the statement made by Rutte": the actor behind the thing acted upon
        for child in trigger.verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                for token in child.subtree:
                    if token.dep_ == "pobj" and token.head.dep_ == "agent":
                        return resolver.actors(token)
    return targets


def _actor_within(token: Token, resolver: ActorResolver) -> list[Actor]:
    """An actor named inside a non-actor object: 'President Reagan's statement', 'a U.N. appeal',
    'the statement made by Rutte'."""
    for child in token.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN", "PRON"):  # "welcomed his apology"
            found = resolver.actors(child)
            if child.pos_ == "PRON":
                found = [a for a in found if a.entity is not None]  # only a pronoun someone was resolved to
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ("between", "by"):
            # "welcomed the deal between Ethiopia and Eritrea", "praised the efforts by the mediators"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = resolver.actors(obj)
                    if found:
                        return found
        if child.dep_ in ("acl", "relcl"):
            for inner in child.children:
                if inner.dep_ == "agent":
                    for obj in inner.children:
                        if obj.dep_ == "pobj":
                            return resolver.actors(obj)
    return []


def _actor_heads(trigger: Trigger, subject: Token | None, passive: bool) -> list[Token]:
    heads = [t for t in _target_tokens(trigger, passive)]
    if subject is not None:
        heads.append(subject)
        heads.extend(subject.conjuncts)
    more = []
    for token in heads:
        more.extend(token.conjuncts)
    return heads + more


def _in_relative_clause(token: Token) -> bool:
    node = token
    for _ in range(8):
        if node.dep_ in ("relcl", "acl"):
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _under_trigger(token: Token, by_token: dict[int, Trigger]) -> bool:
    node = token
    for _ in range(12):
        if node.head == node or node.dep_ == "relcl":
            return False
        node = node.head
        if node.i in by_token:
            return True
    return False


# ("recognise" is not among them: "should recognise Kosovo" asks for a diplomatic act)
STATES_OF_MIND = {"know", "realise", "realize", "understand", "remember", "believe", "appreciate"}


def _addressee(verb: Token, subject: Token | None) -> Token | None:
    """The one told, when the clause told is about 'it' or 'they': 'told Belgrade that it must back down'."""
    if subject is None or subject.lower_ not in ("it", "they") or verb.dep_ != "ccomp" \
            or verb.head.lemma_.lower() not in ("tell", "warn", "remind", "inform"):
        return None
    told = next((c for c in verb.head.children if c.dep_ in ("dobj", "dative")), None)
    if told is not None and told.lemma_.lower() in PRESS:
        return None  # "told reporters that it must be finished soon": the press hears it, no one is asked
    return told


# Those who hear what is said to the public.
PRESS = {"reporter", "journalist", "correspondent", "press", "medium", "media", "newsman", "audience", "crowd",
         "conference"}


def _demands(sentence: Span, by_token: dict[int, Trigger], resolver: ActorResolver,
             quotes: _QuoteIndex) -> list[Trigger]:
    """'X said Y must/should V' and, inside X's quote, 'Y must V': a REQUEST from X to Y."""
    found = []
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX") or not modality.obligation(verb):
            continue
        if _under_trigger(verb, by_token) or _in_relative_clause(verb):
            continue  # "agreed that their countries should cooperate": the content of the agreement
        if any(c.dep_ in ("advmod", "mark") and c.lower_ in ("why", "whether", "how", "if") and c.i < verb.i
               for c in verb.children):
            continue  # "why the BBC should be joining ...": a question, not a demand
        if verb.lemma_ in STATES_OF_MIND:
            continue  # "the minister should know by now that ...": a reproach, nothing asked to be done
        if any(c.dep_ == "acomp" and c.lemma_ == "able" for c in verb.children):
            continue  # "only judges should be able to order detention": a power wished for, asked of nobody
        # ("has to V", "needs to V" are left alone: the subject sits on "have"/"need", and what one has to do is
        # as often a forecast or a duty as a demand)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        addressee = _addressee(verb, subject)
        if addressee is not None:
            subject = addressee  # "told Belgrade that it must back down": the one told is the one to act
        if subject is None or subject.lower_ in ("i", "we", "you", "it", "there", "this", "that"):
            continue
        targets = resolver.actors(subject)
        if not targets:
            continue
        speaker_verb = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_HEADS else None
        sources: list[Actor] = []
        quote_index = None
        if speaker_verb is not None:
            speaker_subject = next((c for c in speaker_verb.children if c.dep_ == "nsubj"), None)
            sources = resolver.speaker_actors(speaker_subject)
        if not sources:
            inside = quotes.quote_at(verb.idx)
            if inside is not None:
                quote_index, quote = inside
                sources = _speaker_actor(resolver, quote)
        if not sources or modality.negated(verb) or modality.hypothetical(verb):
            continue
        anchor = speaker_verb or verb
        found.append(Trigger(anchor, Sense("REQUEST", None, "100"), anchor, None, type="REQUEST",
                             quote=quote_index, source_override=sources, target_token=subject))
    return found
