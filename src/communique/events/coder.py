"""Event coding over the dependency parse: which words report an event, of which PLOVER type, by whom, to whom.

A trigger is a verb of the lexicon ("accused"), a verb with a telling object ("lifted the curfew"), or an event
noun carried by a light verb ("held talks", "had a phone call"). Triggers inside the complement of another
trigger are its content, not events of their own ("urged both sides to make compromises" is one REQUEST).
Modality (see modality.py) then keeps, recodes or drops each one.
"""
from __future__ import annotations

import calendar

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import modality
from .actors import actor_nouns
from .lexicon import INTENT, LIGHT, Lexicon, Sense, american

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "THREATEN"}
# What may be threatened: a hostile act, or breaking off ("would walk away from the talks", "could withdraw").
THREAT_CONTENT = HOSTILE | {"REJECT", "RETREAT"}
# Promised on a condition these are still offers ("will back the bill if ..."); a withdrawal promised unless
# something is done is a threat.
OFFERS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"}
PARTICLES = {"on", "for", "upon", "with", "off", "up", "out", "down", "over", "in", "back", "away", "ahead",
             "aside", "together"}
# Links along which a trigger is the content of the trigger above it.
EMBEDDING_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "acl", "conj", "acomp", "oprd",
                  "compound", "amod", "nsubj", "attr", "dative", "npadvmod"}
TARGET_PREPS = {"with", "to", "against", "on", "upon", "at", "into", "toward", "towards", "from", "for", "over",
                "between", "behind"}  # ("threw its weight behind Kiev")
# Verbs that only report an event when they have an actor to act upon ("warned Serbia", not "warned that ...").
NEEDS_TARGET = {"warn", "ask", "press", "order", "encourage", "charge", "deny", "receive", "back", "defend",
                "seek", "fire", "strike", "free", "release", "cut", "freeze", "restrict", "capture", "storm",
                "thank", "destroy", "oppose", "accept", "target", "fight", "station", "quit",
                "summon", "assist", "honor", "honour", "suppress", "repress", "poison"}
# ... and for these verbs of saying a that-clause is no target ("warned that ...", "denied that ...").
SPEECH_NEEDS_TARGET = {"warn", "ask", "press", "order", "encourage", "charge", "deny", "back", "defend", "oppose",
                       "accept", "thank", "seek", "summon", "assist", "honor", "honour"}
AUTHORITY_VERBS = {"order", "decree", "authorize", "authorise", "approve", "announce"}
NEEDS_COMPLEMENT = {"decline", "refuse", "fail"}
# A refusal to speak is no rejection of anyone: "declined to say", "refused to comment".
SPEECH_COMPLEMENTS = {"say", "comment", "confirm", "elaborate", "discuss", "reveal", "name", "specify", "disclose",
                      "speculate", "answer", "give", "identify", "respond", "talk", "predict", "be"}
# Objects that make a verb of violence figurative.
ABSTRACT_OBJECTS = {"drought", "famine", "flood", "poverty", "corruption", "crime", "bill", "plan", "proposal", "idea",
                    "policy", "inflation",
                    "disease", "illness", "cancer", "fire", "hunger", "unemployment", "deal", "reform", "motion",
                    "measure", "law", "legislation", "case", "election", "campaign", "time", "seat", "title",
                    "match", "game", "vote", "trend", "price", "tax", "debt", "deficit", "racism", "discrimination",
                    # records destroyed or shredded by their keepers: an act on paper, not violence
                    "file", "document", "record", "paper", "email", "e-mail", "evidence", "data", "tape"}
# Things that an "attack" hits physically; an attack on anything else (plans, policies, costs) is criticism.
PHYSICAL_TARGETS = {"village", "town", "city", "base", "camp", "post", "convoy", "position", "building", "office",
                    "headquarters", "ship", "vessel", "plane", "aircraft", "train", "bus", "car", "market", "school",
                    "hospital", "mosque", "church", "checkpoint", "station", "embassy", "compound", "area", "region",
                    "territory", "border", "home", "house", "residence", "facility", "plant", "target", "stronghold",
                    "patrol", "troop", "soldier", "force", "civilian", "people", "police", "protester", "refugee",
                    "district", "province", "neighbourhood", "neighborhood", "suburb", "quarter", "outpost", "garrison",
                    "barracks", "airport", "port", "harbour", "harbor", "bridge", "road", "highway", "pipeline",
                    "tanker", "warship", "helicopter", "vehicle", "truck", "motorcade", "parliament", "ministry",
                    "consulate", "prison", "jail", "hotel", "restaurant", "shop", "crowd", "settlement", "farm",
                    "airbase", "depot", "installation", "site", "capital", "island", "coast", "valley", "enclave",
                    "zone", "front", "trench", "bunker", "tank", "ambulance", "column", "positions", "tourist",
                    "worshipper", "pilgrim", "family", "child", "woman", "man", "person", "villager", "resident"}
SPEECH_HEADS = {"say", "tell", "state", "declare", "add", "insist", "stress", "emphasize", "emphasise", "announce",
                "argue", "write", "note", "conclude", "demand", "believe"}


@dataclass
class Trigger:
    token: Token  # the word that carries the event: the verb, or the event noun
    sense: Sense
    verb: Token  # the clause's verb (the light verb for a noun), whose dependents hold the actors
    noun: Token | None = None
    type: str = ""
    quote: int | None = None
    source_override: list = field(default_factory=list)
    target_token: Token | None = None
    giver: Token | None = None  # "drew praise from X": X does the event to the verb's subject


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    found: list[Trigger] = []
    for token in sentence:
        trigger = _trigger_at(token, lexicon)
        if trigger is not None:
            found.append(trigger)
    return found


FIGURATIVE = {"legal", "political", "diplomatic", "verbal", "court", "electoral", "bureaucratic", "trade", "price",
              "propaganda", "media", "courtroom", "budget", "leadership", "succession", "custody"}
TRADE = {"import", "export", "trade", "flight", "oil", "arm", "shipment", "investment", "travel", "visa"}
# Named-entity labels whose words are never an event word: "16 March" is a date, not a protest march.
NOT_EVENT_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
MONTHS = set(calendar.month_name[1:])
WEAK_INTENT = {"plan", "intend", "aim"}
# Adjectives that state the subject's own intent to do what their complement says ("ready to mediate").
# ("keen to", "eager to" state a wish, "determined to" a resolve: neither is an offer)
WILLING = {"ready", "willing"}
# Clausal subjects state a proposition ("Detaining suspects breaks the law"), not something that happened.
GENERIC_DEPS = {"csubj", "csubjpass"}


def _trigger_at(token: Token, lexicon: Lexicon) -> Trigger | None:
    if token.ent_type_ in NOT_EVENT_ENTITIES or token.dep_ in GENERIC_DEPS:
        return None
    if token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX"):
        return _verb_trigger(token, lexicon)
    if token.pos_ == "ADJ" and token.lemma_.lower() in WILLING and token.dep_ in ("acomp", "amod", "ROOT") \
            and any(c.dep_ == "xcomp" for c in token.children):
        return Trigger(token, Sense(INTENT, None, "030"), token)  # "is ready to mediate": a stated intent
    if token.pos_ == "ADJ" and token.lower_ in DISPLEASED and token.dep_ == "acomp" and any(
            c.dep_ == "prep" and c.lower_ in ("with", "over", "at", "about") and any(
                o.dep_ == "pobj" and _someone_or_their_deed(o, lexicon) for o in c.children) for c in token.children):
        return Trigger(token, Sense("ACCUSE", "disapprove", "110"), token.head)  # "Beijing is unhappy with ..."
    if token.pos_ == "NOUN" and token.dep_ == "attr" and token.head.lemma_ == "be" \
            and any(c.dep_ == "expl" for c in token.head.children):
        sense = _noun_sense(token, lexicon)  # "there were clashes in the capital": the noun happened
        if sense is not None and sense.type not in (LIGHT, INTENT):
            return Trigger(token, sense, token.head, token)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "on" \
            and token.head.head.lemma_.lower() in ("be", "go", "remain", "stay"):
        sense = _noun_sense(token, lexicon)  # "has been on hunger strike since January", "went on strike"
        if sense is not None and sense.type == "PROTEST":
            return Trigger(token, sense, token.head.head, token)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "ROOT") :
        sense = _noun_sense(token, lexicon)
        head = token.head
        # An event noun is an event by itself as a headline-like root, or as the subject of a light verb
        # ("riots are continuing"); as anyone's object it belongs to that verb.
        happening = modality.mended_lemma(head).lower() in HAPPENING_VERBS and head.pos_ in ("VERB", "AUX")
        if sense and (token.dep_ == "ROOT" or _under_way(head) or happening):
            return Trigger(token, sense, head if token.dep_ != "ROOT" else token, token)
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
        sense = _noun_sense(token, lexicon)
        if sense is not None and sense.type not in (LIGHT, INTENT) and not _earlier(token) \
                and token.head.lemma_.lower() != "be" and not _inquiry_into_nothing(token, sense) and (
                _agent_named(token, sense.type) or (token.dep_ == "nsubjpass" and is_light(token.head, lexicon) and (
                    any(c.dep_ == "agent" for c in token.head.children) or between_parties(token)))) \
                and not (token.head.pos_ in ("VERB", "AUX") and _verb_trigger(token.head, lexicon)):
            # (the head verb's own reading last: it is the costly test, and most subject nouns fail before it)
            # "Moscow's threat to pull out its monitors cast doubt on ...", "a rally by 20,000 workers passed off
            # peacefully", "an offer of aid was made by France": the deed, told with its doer, took place; but
            # "Pyongyang's request was rejected" reports the rejection, of which the request is the theme
            return Trigger(token, sense, token.head, token)
    return None


# Words that put an event noun before the day reported: "last year's protests", "the earlier offer".
EARLIER = {"previous", "past", "earlier", "former", "last", "recent", "prior", "old", "original", "first"}


def _earlier(noun: Token) -> bool:
    return any((c.dep_ == "amod" and c.lower_ in EARLIER) or c.ent_type_ in ("DATE", "TIME") for c in noun.children)


def _inquiry_into_nothing(noun: Token, sense: Sense) -> bool:
    """'a probe by the army confirmed casualties': an inquiry is a suspicion only when it is 'into' something."""
    return sense.mode == "investigate" and not any(c.dep_ == "prep" and c.lower_ == "into" for c in noun.children)


def between_parties(noun: Token) -> bool:
    """'consultations between the Kenyan and Ugandan ministers were held': the parties are named on the noun."""
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)


def is_light(verb: Token, lexicon: Lexicon) -> bool:
    """'an offer was made by France': a light verb, whose event noun names the deed."""
    sense = lexicon.verb(verb.lemma_.lower())
    return sense is not None and sense.type == LIGHT


# Deeds one does oneself, whose "of" names the doer: "the surrender of 1,200 soldiers", "the withdrawal of troops".
SELF_DEEDS = {"withdrawal", "pullout", "pull-out", "pullback", "pull-back", "surrender", "resignation", "retreat",
              "demobilisation", "demobilization", "disarmament", "departure", "walkout", "defection", "capitulation",
              "redeployment", "deployment", "mobilisation", "mobilization"}
# Deeds done to someone: the possessive may be the one it was done to ("their detention", "Tutu's release").
DONE_TO = {"COERCE", "ASSAULT", "RETREAT", "SANCTION", "AID", "CONCEDE"}


def _agent_named(noun: Token, kind: str) -> bool:
    """The doer named on the noun itself: 'Baghdad's threats', 'an Israeli threat', 'a rally by students',
    'a demand from Moscow'; for a deed done to someone only a state or a body as the possessive ('Iran's
    offensive')."""
    def someone(token: Token) -> bool:
        return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.lemma_.lower() in actor_nouns() \
            or any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in token.children if c.dep_ in ("amod", "compound"))
    for child in noun.children:
        if child.dep_ == "poss" and kind in DONE_TO:
            if child.ent_type_ in ("GPE", "ORG", "NORP"):
                return True
        elif child.dep_ == "poss" and (someone(child) or child.lower_ in ("its", "their")):
            return True
        if child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE"):
            return True
        if child.dep_ == "compound" and child.i == noun.i - 1 and child.lemma_.lower() in actor_nouns():
            return True  # "opposition demands", "army raids"
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in SELF_DEEDS and any(
                o.dep_ == "pobj" and someone(o) for o in child.children):
            return True  # "the surrender of 1,200 Iraqi soldiers"
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and any(
                o.dep_ == "pobj" and someone(o) for o in child.children):
            return True
    return False


def _under_way(verb: Token) -> bool:
    """'joint manoeuvres got under way', 'talks are under way'."""
    return verb.lemma_.lower() in ("get", "be") and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(o.lower_ == "way" for o in c.children) for c in verb.children)


def _someone_or_their_deed(noun: Token, lexicon: Lexicon) -> bool:
    """'with Tokyo', 'with the minister', 'over Koizumi's visit', 'at the Israeli raid'; not 'about the weather'."""
    return noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun.lemma_.lower() in actor_nouns() or any(
        c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for c in noun.children)


# Displeasure with someone or their deed, said of an actor: criticism (CAMEO 110).
DISPLEASED = {"unhappy", "angry", "displeased", "dissatisfied", "furious", "outraged", "indignant", "incensed"}


# Verbs that say an event noun happened: "fighting erupted", "riots are continuing", "clashes left ten dead".
HAPPENING_VERBS = {"continue", "begin", "start", "erupt", "break", "resume", "take", "leave", "spread", "occur",
                   "come",
                   "happen", "intensify", "escalate", "rage", "flare", "go", "enter", "follow",
                   "close", "shut", "paralyse", "paralyze", "cripple", "disrupt"}  # "a general strike shut schools"


# What one may want of someone without asking for any act: "wants young people to feel they belong".
STATES = {"be", "feel", "know", "become", "understand", "reflect", "see", "think", "remain", "stay", "have", "get",
          "ask", "tell", "come", "enjoy", "realise", "realize", "believe"}
# Wanting the public at large to do something is a hope, not a demand on an actor.
THE_PUBLIC = {"people", "child", "children", "voter", "citizen", "member", "everyone", "everybody", "anyone",
              "public", "family", "parent", "student", "pupil", "youngster", "migrant"}


def _asks_whether(verb: Token) -> bool:
    """'asked X if/whether <a fact>' right after the verb and its object, wherever the parser hung the clause; a
    clause with a modal ('if it could send troops') asks for an act."""
    end = max([verb.i] + [c.right_edge.i for c in verb.children if c.dep_ in ("dobj", "dative")])
    for mark in verb.doc[end + 1: end + 3]:
        if mark.dep_ == "mark" and mark.lower_ in ("if", "whether"):
            return not any(a.dep_ == "aux" and a.tag_ == "MD" for a in mark.head.children)
    return False


def _wants_someone_to_act(verb: Token) -> bool:
    """'want the government to withdraw the rules', 'want these men to be returned': someone else is to act."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp") or not _infinitive(clause):
            continue
        subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in ("it", "this", "that", "there") or subject.pos_ == "PRON":
            continue
        passive = any(g.dep_ == "auxpass" for g in clause.children)
        if (clause.lemma_.lower() in STATES and not passive) or _counted(subject).lemma_.lower() in THE_PUBLIC:
            continue
        return True
    return False


def _asked_about(verb: Token) -> list[Token]:
    """The verb's children and those of its object or agent: the parser hangs "about his view" on either."""
    near = list(verb.children)
    near += [g for c in verb.children if c.dep_ in ("dobj", "dative", "agent") for o in [c] + list(c.children)
             if o.dep_ in ("dobj", "dative", "pobj") for g in o.children]
    return near


OBJECT_THEN_PREP = {"charge with", "ask for", "engage in"}  # phrasal verbs whose object comes before the preposition


def _particle(token: Token, lexicon: Lexicon | None = None) -> str | None:
    """The verb's particle ('call off'), or a preposition that forms a listed phrasal verb ('called ... on')."""
    objects_end = {o.right_edge.i for o in token.children if o.dep_ == "dobj" and o.i > token.i}
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ in ("prep", "advmod") and child.lower_ in PARTICLES
                                   and child.i == token.i + 1):
            return child.lower_
        if child.dep_ == "advmod" and child.lower_ in ("back", "off", "out", "down") and child.i - 1 in objects_end:
            return child.lower_  # "pull its forces back", "called the strike off"
    if lexicon is not None:
        for child in token.children:
            key = f"{token.lemma_.lower()} {child.lower_}"
            if child.dep_ == "prep" and child.i > token.i and (key in lexicon.verbs or key in lexicon.object_verbs) \
                    and any(c.dep_ == "pobj" for c in child.children) \
                    and (key in OBJECT_THEN_PREP or not any(o.dep_ == "dobj" and o.i < child.i for o in token.children)):
                return child.lower_  # (after an object it is a plain preposition: "gave their answers in ...")
        for child in token.children:
            # "called for the government to ease ...": the parser takes "for" as the mark of the clause
            mark = next((m for m in child.children if m.dep_ == "mark" and m.i > token.i), None) \
                if child.dep_ in ("advcl", "ccomp", "xcomp") else None
            if mark is not None and f"{token.lemma_.lower()} {mark.lower_}" in lexicon.verbs \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                return mark.lower_
    return None


# Verbs that end what their object names: ending a curfew concedes, ending talks sanctions, ending an offensive
# retreats. The type of the ended thing -> the type of ending it.
REVERSING = {"end", "lift", "cancel", "halt", "stop", "suspend", "scrap", "abandon", "terminate", "relax", "ease",
             "call off", "break off", "revoke", "rescind", "drop", "overturn", "repeal"}
REVERSAL = {"ASSAULT": "RETREAT", "COERCE": "CONCEDE", "PROTEST": "CONCEDE", "SANCTION": "RETREAT",
            "CONSULT": "SANCTION", "AID": "SANCTION", "COOPERATE": "SANCTION", "MOBILIZE": "RETREAT"}
MILITARY_MEASURES = {"restrict", "martial-law", "seize"}  # blockades, sieges, emergency rule, occupation
MONEY_VERBS = {"give", "provide", "send", "grant", "extend", "donate", "pledge", "offer", "allocate", "approve"}
# Nouns that measure or contain the real object: "10 days of war games", "700 kg of medicine".
CONTAINERS = {"day", "week", "month", "series", "wave", "round", "kg", "kilogram", "ton", "tonne", "worth", "lot",
              "number", "part", "kind", "type", "form", "set", "package", "shipment", "consignment", "amount"}
# Heads whose compound modifier names the event: "mediation effort", "bombing campaign".
GENERIC_HEADS = {"effort", "campaign", "operation", "mission", "programme", "program", "process", "bid", "plan",
                 "commission", "committee", "panel",
                 "initiative", "action", "activity", "exercise", "measure"}


def _objects(token: Token, light: bool = False) -> list[Token]:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for child in token.children:
        if child.dep_ == "prep" and (light or child.lower_ == "as") and child.lower_ in ("in", "to", "on", "as", "for"):
            objects.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ in ("acomp", "oprd"):
            objects.append(child)
    for obj in list(objects):
        objects.extend(c for c in obj.conjuncts if c not in objects)  # "sent tanks and troops"
        if obj.lemma_.lower() in CONTAINERS or obj.lemma_.lower() in GENERIC_HEADS or obj.pos_ == "NUM" \
                or _is_money(obj):  # "a campaign of street protests", "a fresh round of talks"
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
                    objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return objects


CURRENCIES = {"dollar", "euro", "pound", "yen", "franc", "mark", "shilling", "rupee", "yuan", "ruble", "rouble",
              "dinar", "riyal", "peso", "krone", "krona", "rand", "naira"}


def _is_money(token: Token) -> bool:
    return token.ent_type_ == "MONEY" or token.lemma_.lower() in CURRENCIES


def _object_keys(obj: Token, lexicon: Lexicon) -> list[str]:
    keys = [obj.lemma_.lower()]
    counted = _counted(obj)
    if counted is not obj:
        keys.append(counted.lemma_.lower())  # "poured thousands of police into the city"
    if keys[0] in GENERIC_HEADS:
        keys.extend(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod"))
    # the object's class comes last, so that a pair listed for the word itself wins ("send tanks" mobilizes)
    keys.extend(lexicon.classes[k] for k in list(keys) if k in lexicon.classes)
    return keys


def _noun_sense(noun: Token, lexicon: Lexicon) -> Sense | None:
    if noun.ent_type_ in NOT_EVENT_ENTITIES or (noun.text in MONTHS and noun.i > noun.sent.start):
        return None  # "on 16 March", "in May": a date, whether or not the parser marked it as one
    lemma = noun.lemma_.lower()
    modifier = None
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod") and child.i == noun.i - 1:
            modifier = child.lemma_.lower()
    # "state of emergency", "state of siege"
    if lemma == "state":
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    found = lexicon.nouns.get(f"state of {obj.lemma_.lower()}")
                    if found:
                        return found
    if lemma == "offer" and not any(c.dep_ == "acl" and _infinitive(c) for c in noun.children) and not any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and (
                lexicon.noun(o.lemma_.lower()) is not None or o.lemma_.lower() in lexicon.classes)
                                                          for o in c.children) for c in noun.children):
        # "an offer to mediate", "an offer of aid" state an intent; "an offer for the rival bank" is a bid
        return None
    if lemma == "call" and (any((c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ == "acl" and _infinitive(c))
                                for c in noun.children) or (noun.dep_ == "dobj" and any(
                                    c.dep_ == "prep" and c.lower_ == "for" for c in noun.head.children))):
        return Sense("REQUEST", None, "100")  # "repeated his call for a pause", "calls for him to resign"
    if lemma == "fire" and noun.i >= 2 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 2].lower_ == "cease":
        return lexicon.noun("ceasefire")  # "cease-fire" comes apart in the tokenizer
    sense = lexicon.noun(lemma, modifier)
    if sense is None and lemma in GENERIC_HEADS and modifier:
        sense = lexicon.noun(modifier)
    if sense is not None and sense.type == "ASSAULT" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in FIGURATIVE for c in noun.children):
        return None  # "a legal battle", "a war of words" is no violence
    if sense is not None and sense.type == "ASSAULT" and _waged_on_a_thing(noun):
        return None  # "declared war on red tape", "an attack on the chancellor's plans"
    if sense is not None and sense.type == "COERCE" and lemma == "ban" and (any(
            p.dep_ == "prep" and p.lower_ == "on" and any(o.lemma_.lower() in TRADE for o in p.children)
            for p in noun.children) or modifier in TRADE):
        return Sense("SANCTION", "restrict", "163")  # a ban on imports or flights, an arms ban: an embargo
    return sense


def _waged_on_a_thing(noun: Token) -> bool:
    """A war or an attack 'on' or 'against' what is neither someone nor a place nor a physical target: the
    preposition hangs on the noun or, after a light verb ('declared war on ...'), on the verb."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    targets = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj"]
    return bool(targets) and all(_a_thing(o) and not any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                         for c in o.children) for o in targets)  # "Jaffna peninsula"


def _verb_lemma(verb: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, mended when the lemmatizer misses a listed verb ('staged' -> 'stag')."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.verbs or lemma in lexicon.verb_heads or lemma in lexicon.particle_heads:
        return lemma
    word = verb.lower_
    for suffix, replacement in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""),
                                ("es", ""), ("s", "")):
        if word.endswith(suffix):
            candidate = word[: len(word) - len(suffix)] + replacement
            if candidate in lexicon.verbs or candidate in lexicon.verb_heads or candidate in lexicon.particle_heads:
                return candidate  # ("cordoned" -> "cordon", listed only as "cordon off")
    return lemma


# Verbs that put someone or somewhere under a measure: "placed the city under curfew".
PLACING = {"place", "put", "keep", "hold"}
# Verbs that name what is given after "with": "supplied the army with rifles".
EQUIPPING = {"supply", "provide", "equip", "arm", "furnish", "spray", "rake", "pepper"}  # ("sprayed ... with bullets")
SUSPECTS = {"suspect", "executive", "official", "officer", "director", "manager", "chief", "head", "businessman"}
# Who questions someone as an inquiry, not as a debate: "police questioned the premier over bribes".
INVESTIGATORS = {"police", "investigator", "prosecutor", "detective", "agent", "inspector", "magistrate", "judge",
                 "policeman", "officer", "authority"}


def _investigators(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in INVESTIGATORS
# Verbs whose subject is on the receiving end of an event noun "from" someone: "won backing from Paris", "drew
# condemnation from Washington", "met with a refusal from the Kremlin", "received an apology from the premier".
RECEIVING = {"receive", "draw", "win", "earn", "attract", "get", "meet", "obtain", "secure", "face"}


def _received(verb: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Trigger | None:
    under = lemma == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)
    if (lemma not in RECEIVING and not under) or _infinitive(verb):
        return None  # ("will seek to get pledges from MPs": nothing given yet)
    nouns = objects + [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("with", "under")
                       for o in p.children if o.dep_ == "pobj"]  # "met with a refusal", "came under attack from"
    for noun in nouns:
        sense = _noun_sense(noun, lexicon)
        given = {lexicon.classes.get(k) for k in _object_keys(noun, lexicon)}
        if sense is None and given & {"@materiel", "@relief"}:
            sense = Sense("AID", None, "070")  # "received 30 armoured vehicles from Sweden"
        if sense is None or sense.type in (LIGHT, INTENT) or noun.lemma_.lower() in CONTACTS:
            continue
        giver = next((o for p in list(noun.children) + list(verb.children) if p.dep_ == "prep" and p.lower_ == "from"
                      for o in p.children if o.dep_ == "pobj"), None) or next(
            (c for c in noun.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")), None)  # "a Japanese
        # demand" names its giver too
        if giver is not None:
            return Trigger(noun, sense, verb, noun, giver=giver)
    return None


# What is given to someone to act by: "gave the junta 48 hours to step down", "set Iraq a deadline to comply".
TIME_LIMITS = {"deadline", "hour", "day", "week", "month", "year"}
# What follows "or" in an ultimatum: "... or face air strikes".
PENALTIES = {"face", "risk", "suffer"}


def _deadline(verb: Token, lemma: str, objects: list[Token]) -> Trigger | None:
    """A time limit given to someone for an act is a demand, and a threat when a penalty follows ('or face')."""
    # the parser may take the time given for an adverb: "gave the government ten days to ..."
    objects = objects + [c for c in verb.children if c.dep_ == "npadvmod"]
    if lemma not in ("give", "set", "issue") or not any(o.lemma_.lower() in TIME_LIMITS for o in objects):
        return None
    if not any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return None
    acts = [c for node in [verb] + objects for c in node.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")
            and _infinitive(c)]
    if not acts:
        return None
    if any(c.dep_ == "conj" and c.lemma_.lower() in PENALTIES for a in acts for c in a.children):
        return Trigger(verb, Sense("THREATEN", None, "139"), verb)
    if any(a.lemma_.lower() in LEAVING or any(c.dep_ == "conj" and c.lemma_.lower() in LEAVING for c in a.children)
           for a in acts):
        return _expulsion(verb, [c for c in verb.children if c.dep_ == "dative"])  # "three months to leave"
    return Trigger(verb, Sense("REQUEST", None, "100"), verb)


def _verb_trigger(verb: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = _verb_lemma(verb, lexicon)
    particle = _particle(verb, lexicon)
    keys = [f"{lemma} {particle}", lemma] if particle else [lemma]
    keys += [american(k) for k in keys if american(k) != k]
    own = lexicon.verb(lemma, particle)
    objects = _objects(verb, light=own is not None and own.type == LIGHT)
    # a listed verb+object pair may take its object through a preposition: "put troops on alert"
    paired = objects + [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "in", "into", "to", "from", "of", "by")
                        for o in p.children if o.dep_ == "pobj" and o not in objects]
    paired += [o for p in verb.children if p.dep_ in ("prep", "prt") for q in p.children if q.dep_ == "prep"
               for o in q.children if o.dep_ == "pobj"]  # "pulled out of the talks"
    # ... or as the subject of its complement: "allowed UN inspectors to return"
    paired += [o for c in verb.children if c.dep_ in ("ccomp", "xcomp") for o in c.children if o.dep_ == "nsubj"]
    # ... or as the object of the particle the parser took for a preposition: "walked off the job"
    paired += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == particle and p.i == verb.i + 1
               for o in p.children if o.dep_ == "pobj" and o not in paired]
    if lemma in EQUIPPING:  # "supplied the army with rifles"
        paired += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                   if o.dep_ == "pobj"]
    if lemma == "charge" and any(c.dep_ == "ccomp" for c in verb.children):
        return Trigger(verb, Sense("ACCUSE", "allege", "112"), verb)  # "charged that the police had beaten ..."
    if lemma == "say" and any(c.lower_ == "no" and c.dep_ in ("intj", "dobj") for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return Trigger(verb, Sense("REJECT", None, "120"), verb)  # "said no to an appeal for help"
    if lemma in ("question", "interrogate") and _investigators(verb) and any(
            o.ent_type_ == "PERSON" or o.lemma_.lower() in POLITICIANS | SUSPECTS for o in objects) \
            and any(c.dep_ == "prep" and c.lower_ in ("over", "about", "on") for c in verb.children):
        return Trigger(verb, Sense("ACCUSE", "investigate", "092"), verb)  # "questioned the premier over bribes"
    if lemma in PLACING:
        for noun in (o for p in verb.children if p.dep_ == "prep" and p.lower_ == "under" for o in p.children
                     if o.dep_ == "pobj"):
            sense = _noun_sense(noun, lexicon)
            if sense is not None and sense.type == "COERCE":
                return Trigger(verb, sense, verb)  # "placed Hebron under curfew", "put him under house arrest"
    if lemma in DAMAGING and any(c.dep_ == "nsubj" and is_weapon(c) for c in verb.children):
        return Trigger(verb, Sense("ASSAULT", "explosives", "183"), verb)  # "a bomb wrecked the tax office"
    received = _received(verb, lemma, objects, lexicon)
    if received is not None:
        return received
    deadline = _deadline(verb, lemma, objects)
    if deadline is not None:
        return deadline
    if lemma in EXPELLING_ORDERS and any(c.lemma_.lower() in LEAVING and c.tag_ == "VB" for c in verb.children
                                         if c.dep_ in ("xcomp", "ccomp") or _infinitive(c)):
        return _expulsion(verb, objects)  # "ordered the ambassador to leave the country"
    if lemma in PUBLISHING and any(o.lemma_.lower() in DOCUMENTS for o in objects + [verb.head] if o != verb):
        return None  # "released a report", "a report released on Tuesday": a text, not a captive
    for obj in objects:
        compound = _noun_sense(obj, lexicon) if any(
            c.dep_ == "compound" and c.i == obj.i - 1 for c in obj.children) else None
        if compound is not None and compound.type not in (LIGHT, INTENT) and own is not None and own.type == LIGHT \
                and lemma not in REVERSING \
                and lexicon.nouns.get(f"{obj.doc[obj.i - 1].lemma_.lower()} {obj.lemma_.lower()}") is compound:
            return Trigger(obj, compound, verb, obj)  # "imposed a visa ban": the named compound, not any ban
    for key in keys:
        for obj in paired:
            for obj_key in _object_keys(obj, lexicon):
                paired_sense = lexicon.verb_objects.get((key, obj_key)) or lexicon.verb_objects.get(
                    (key, american(obj_key)))
                noun_sense = lexicon.verb_nouns.get((key, obj_key))
                sense = paired_sense or noun_sense
                if sense and sense.type == "ASSAULT" and _waged_on_a_thing(obj):
                    return None  # "launched an attack on the chancellor's plans"
                if sense:
                    return Trigger(verb, sense, verb) if paired_sense else Trigger(verb, sense, verb, obj)
    if own is None or own.type == LIGHT:
        done = _objects(verb, light=True)
        done += [g for o in done for g in o.children if g.dep_ in ("dobj", "pcomp")]  # "began building a joint ..."
        joint = next((o for o in done if any(c.dep_ == "amod" and c.lower_ == "joint" for c in o.children)), None)
        if joint is not None and _noun_sense(joint, lexicon) is None and lemma not in SPEECH_HEADS | {"tell"} \
                and joint.lemma_.lower() not in JOINT_BODIES:
            return Trigger(verb, Sense("COOPERATE", None, "060"), verb)  # "began joint work on a canal"
    if own is None:
        return None
    if own.type == LIGHT or lemma in REVERSING:
        for obj in objects:
            sense = _noun_sense(obj, lexicon)
            if sense and sense.type != LIGHT and lemma in REVERSING:
                reversed_type = REVERSAL.get(sense.type)
                if sense.type == "COERCE" and sense.mode in MILITARY_MEASURES:
                    reversed_type = "RETREAT"  # "ended the blockade", "lifted martial law": de-escalation
                if reversed_type is None:
                    continue
                return Trigger(verb, Sense(reversed_type, None, None), verb, obj)
            if sense is None and lemma in MONEY_VERBS and _is_money(obj):
                return Trigger(verb, Sense("AID", None, "071"), verb, obj)  # "gave Tanzania $64 million"
            if sense and lemma in ("take", "assume") and obj.lemma_.lower() == "charge":
                return None  # "took charge of the response": in command, nobody accused
            if sense and sense.type != LIGHT:
                if sense.type == "ASSAULT" and obj.lemma_.lower() == "attack" and _criticised_thing(obj, "on"):
                    sense = Sense("ACCUSE", "disapprove", "111")  # "launched an attack on the cost of ..."
                return Trigger(obj, sense, verb, obj)
        if own.type == LIGHT:
            return None
    if own.type == INTENT:
        return Trigger(verb, own, verb)
    if lemma in AUTHORITY_VERBS and not any(c.dep_ == "xcomp" for c in verb.children):
        # an authority that orders an arrest, an expulsion or a withdrawal does it: "ordered the arrest of X"
        for obj in objects:
            sense = _noun_sense(obj, lexicon)
            if sense is not None and sense.type not in (LIGHT, INTENT, "REQUEST"):
                return Trigger(obj, sense, verb, obj)
    if own.type == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_COMPLEMENTS and not any(
            (c.lemma_.lower(), o.lemma_.lower()) in lexicon.verb_objects for o in c.children if o.dep_ == "dobj")
                                    for c in verb.children):
        return None  # "declined to give details"; but "refused to give ground" is a listed act refused
    if lemma in REMOVING and any(o.ent_type_ == "PERSON" or o.lemma_.lower() in OFFICES for o in objects):
        return None  # "dismissed his interior minister", "fired the army chief": a change of office holder
    if own.type == "ASSAULT" and lemma == "attack" and (
            _criticised_thing(verb) or _criticised_thing(verb, passive=True) or _attacks_in_politics(verb)):
        return Trigger(verb, Sense("ACCUSE", "disapprove", "111"), verb)
    if own.type == "ASSAULT" and lemma == "clash" and (_argued_over(verb) or _politicians_clash(verb)):
        return Trigger(verb, Sense("ACCUSE", "disapprove", "111"), verb)  # "clashed over tax plans": a dispute
    if own.type == "ASSAULT" and _struck_by_a_thing(verb, lexicon):
        return None  # "struck by the level of concern", "fired up by the speech": no one did violence
    if lemma == "plead" and any(c.lemma_.lower() in PLEAS for c in verb.children):
        return None  # "pleaded not guilty": a plea in court, not a request
    if lemma == "investigate" and any(c.dep_ in ("dobj", "xcomp") and c.tag_ == "VBG" for c in verb.children):
        return None  # "investigate extending the line": an option looked into, no suspicion
    if own.type == "AGREE" and lemma == "agree" and _mere_assent(verb):
        return None  # '"I agree," he said', "he agreed that the system was flawed": an opinion shared
    if lemma == "warn" and _warns_of_a_risk(verb, lexicon):
        return None  # "warned against complacency", "warned that the war could be illegal": advice, no threat
    if lemma in ("seize", "grab") and any(o.lemma_.lower() in CHANCES for o in objects):
        return None  # "seizing the tools we have given them", "seized the opportunity"
    if lemma == "freeze" and any(_counted(o).lemma_.lower() in PRICES for o in objects):
        return None  # "freeze petrol duty increases", "froze public sector pay": a price freeze, no sanction
    if lemma in ACTS_ON_SOMEONE and _acts_on_a_thing(verb, lexicon):
        return None  # "received advice", "will fund the cuts", "to target stamp duty", "prevent scepticism"
    if lemma == "host" and any(_hosted_thing(o) for o in objects):
        return None  # "will host the minister's speech", "hosted the games": no visit, no meeting
    if own.type == "AGREE" and lemma == "agree" and _agrees_with_someone(verb):
        return Trigger(verb, Sense("SUPPORT", None, "051"), verb)  # "agreed with the minister's view" endorses
    if own.type == "ASSAULT" and any(c.dep_ == "dobj" and _counted(c).lemma_.lower() in ABSTRACT_OBJECTS
                                     for c in verb.children):
        return None  # "fight poverty", "killed the bill": no violence against anyone
    if lemma in ("ask", "inquire", "enquire", "wonder") and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
            for c in verb.children):
        return None  # asking whether something is so is a question, not a request
    if lemma == "ask" and _after_question(verb) and not any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return None  # '"Which premises do you blame?" he asked': a question put, nothing asked for
    if lemma == "ask" and not any(c.dep_ == "xcomp" or _infinitive(c) or (
            c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i) for c in verb.children) and (
            any(c.dep_ == "prep" and c.lower_ == "about" for c in _asked_about(verb))
            or any(o.lemma_.lower() == "question" for o in _objects(verb))):
        return None  # "asked 2,000 adults the same question", "was asked about his view": questions put
    if lemma == "ask" and _asks_whether(verb):
        return None  # "asking Mr Finegold if he is ...": a question put ("asked Ghana if it could send troops" asks)
    if lemma == "want" and not _wants_someone_to_act(verb):
        return None  # "wants a limit", "want to win": a wish; "want the government to withdraw ..." demands
    if lemma == "slam" and any(t.lemma_.lower() in ("door", "phone", "brake") for t in
                               list(verb.children) + [verb.head]):
        return None  # "had doors slammed in my face": no criticism
    if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return None  # "demonstrating the strength of our values", "demonstrated that it works": showing
    if lemma == "walk" and particle == "away" and not any(
            c.dep_ == "prep" and c.lower_ == "from" and any(o.lemma_.lower() in MEETINGS | ACCORDS for o in c.children)
            for c in list(verb.children) + [g for c in verb.children if c.lower_ == "away" for g in c.children]):
        return None  # "walked away from the microphones": leaving, not breaking off talks
    if lemma in DEMAND_OR_ASSERT and not _demanded_content(verb):
        return None  # "insisted his attack was no stunt" asserts; "insisted on talks" demands
    if lemma in NEEDS_COMPLEMENT and not any(c.dep_ in ("xcomp", "dobj", "ccomp", "nsubjpass") or _infinitive(c)
                                             for c in verb.children):
        return None  # "violence declined" is no refusal
    # a listed phrasal verb is its own word: "backed down" needs no target even though "back" does
    phrasal = bool(particle) and f"{lemma} {particle}" in lexicon.verbs
    if (lemma in NEEDS_TARGET and not phrasal) or (particle and f"{lemma} {particle}" in NEEDS_TARGET):
        if not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in verb.children) and not any(
                c.dep_ == "prep" and c.lower_ in ("against", "on", "with") for c in verb.children) and not (
                lemma not in SPEECH_NEEDS_TARGET and any(
                    c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in verb.children)):
            return None
    return Trigger(verb, own, verb)


# Verbs that are events only when done to someone (or to a place, or to an event such as a march): with a mere
# thing as their object ("received advice", "fund the cuts", "target stamp duty", "prevent scepticism") they are not.
ACTS_ON_SOMEONE = {"receive", "fund", "finance", "target", "prevent"}
CONTACTS = {"call", "phone", "telephone"}  # "received a phone call from the king" is a contact
CHANCES = {"opportunity", "chance", "initiative", "moment", "tool", "advantage", "headline", "imagination",
           "momentum", "limelight", "agenda"}
PRICES = {"increase", "rise", "price", "tax", "duty", "pay", "wage", "salary", "rent", "fee", "rate", "fare",
          "benefit", "pension", "recruitment", "hiring"}  # frozen at home: no sanction


def _acts_on_a_thing(verb: Token, lexicon: Lexicon) -> bool:
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    objects = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not objects:
        return False
    if verb.lemma_.lower() == "prevent" and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return False  # "prevented ferries from docking": what is stopped is an act
    obj = _counted(objects[0])
    if obj.lower_ in ("most", "much", "some", "part", "half", "all"):
        obj = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"), obj)  # "most of the increase"
    if obj.pos_ == "PRON" or obj.lemma_.lower() in MEETINGS | CONTACTS or (
            _noun_sense(obj, lexicon) is not None and not _is_money(obj)):
        return False  # "received them", "received the delegation", "prevented the march"
    return _is_money(obj) or _is_money(objects[0]) or _a_thing(obj)


def _mere_assent(verb: Token) -> bool:
    """One speaker agreeing with nothing named, or that something is so: no agreement between actors."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they") or any(
            c.dep_ == "conj" for c in subject.children):
        return False  # "the two sides agreed that ...": a joint statement
    if any(c.dep_ in ("xcomp", "dobj", "prep", "advcl", "dative") or _infinitive(c) for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return not any(modality.future(c) or modality.obligation(c) or
                   any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in clauses)


# What a threat threatens with: "warned Rome of unspecified consequences".
CONSEQUENCES = {"consequence", "action", "retaliation", "reprisal", "response", "measure", "sanction", "attack",
                "force", "war", "strike", "punishment", "repercussion"}
FORCES = {"troop", "force", "army", "police", "officer", "soldier", "navy", "guerrilla", "fighter", "militia",
          "security", "military", "policeman", "air", "warplane", "artillery", "fleet", "warship"}


def _warns_of_a_risk(verb: Token, lexicon: Lexicon) -> bool:
    """A warning is a threat when it names what the speaker's side will do ("would veto", "troops would retake"),
    a condition ("if", "unless"), a consequence ("warned Rome of consequences") or an act asked of the one warned
    ("warned tourists to stay away"); a warning against something, or of a risk nobody is said to bring about
    ("could be illegal", "may have to accept"), is advice."""
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in verb.subtree):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in CONSEQUENCES for o in c.children)
           for c in verb.children):
        return False
    if any(c.dep_ == "xcomp" or _infinitive(c) for c in verb.children):
        return False
    contents = [c for c in verb.children if c.dep_ == "ccomp"]
    if not contents:
        against = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "about")
                   for o in c.children if o.dep_ == "pobj"]
        # "warned Israel against any attack", "Beijing warned Taipei against any move": deterrence of a hostile
        # act, or of a state or a group, is a threat
        states = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.ent_type_ in ("GPE", "ORG", "NORP")]
        return bool(against) and not states and not any(
            (sense := _noun_sense(o, lexicon)) is not None and sense.type in HOSTILE for o in against)
    warned = [c for c in verb.children if c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.ent_type_)]
    for content in contents:
        subject = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        auxes = {a.lower_ for a in content.children if a.dep_ in ("aux", "auxpass")}
        if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in ("it", "this", "that", "there")) \
                or subject.lemma_.lower() in FORCES or _counted(subject).lemma_.lower() in FORCES:
            return False  # "warned it would veto", "warned that officers would use force"
        if auxes & {"will", "would", "shall", "'ll"} and _lexical_type(content, lexicon) in HOSTILE:
            return False  # "warned that any party exploiting religion would be outlawed"
        if not auxes & {"will", "would", "could", "may", "might", "should", "must", "can"} and warned:
            return False  # "warned Syria that Ankara's patience had run out"
    return True


PLEAS = {"guilty", "innocent"}
# What is hosted as a meeting: anything else hosted (a speech, the games, a show) is no CONSULT.
ACCORDS = {"deal", "agreement", "accord", "treaty", "pact", "process", "ceasefire", "truce", "plan"}
MEETINGS = {"talk", "meeting", "summit", "conference", "visit", "delegation", "negotiation", "round", "session",
            "forum", "gathering", "consultation", "discussion", "dialogue", "mediation", "delegate", "envoy",
            "counterpart", "guest", "visitor", "mission", "team", "peace"}


def _hosted_thing(obj: Token) -> bool:
    """A common noun hosted that is neither a meeting nor someone: 'hosted the minister's speech'."""
    lemma = obj.lemma_.lower()
    return obj.pos_ == "NOUN" and obj.ent_type_ == "" and lemma not in MEETINGS \
        and not ({lemma, obj.lower_} & actor_nouns().keys())


def _agrees_with_someone(verb: Token) -> bool:
    """'agreed with X' and nothing agreed to or on: siding with a person or a view, not an agreement to act."""
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon", "over"))
           or c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(o.dep_ == "pobj" for o in c.children)
               for c in verb.children)


COUNTING = {"thousand", "hundred", "dozen", "million", "number", "lot", "pile", "box", "batch", "set"}


def _counted(noun: Token) -> Token:
    """What a count names: 'thousands of files' -> files."""
    if noun.lemma_.lower() in COUNTING or noun.like_num:
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), noun)
    return noun


def _after_question(verb: Token) -> bool:
    """A question mark in the verb's sentence, or closing the quotation just before it (the parser often splits
    '"Which ...?" he asked' in two)."""
    sentence = verb.sent
    before = sentence.doc.text[max(0, sentence.start_char - 8):sentence.start_char].rstrip(" \n\"'”’")
    return "?" in sentence.text or before.endswith("?")


# Things called joint that are a body or a text, not work done together.
JOINT_BODIES = {"committee", "commission", "session", "statement", "declaration", "communique", "press",
                "conference", "chiefs", "account", "letter", "news"}
REMOVING = {"dismiss", "fire", "sack", "remove"}
OFFICES = {"minister", "chief", "head", "commander", "general", "governor", "official", "director", "aide", "deputy",
           "ambassador", "premier", "adviser", "advisor", "secretary", "judge", "prosecutor", "cabinet", "government",
           "officer", "manager", "editor", "spokesman", "spokeswoman"}
EXPELLING_ORDERS = {"order", "tell", "give", "instruct"}
LEAVING = {"leave", "quit", "depart", "go"}
# Who is told to leave decides the kind: envoys and missions are relations cut (SANCTION), others are deported.
MISSION_NOUNS = {"ambassador", "diplomat", "envoy", "attache", "consul", "embassy", "mission", "inspector", "monitor",
                 "observer", "peacekeeper", "staff", "delegation", "representative", "member", "official", "agency",
                 "agent", "adviser", "advisor"}
PUBLISHING = {"release", "publish", "issue"}
DOCUMENTS = {"report", "statement", "figure", "data", "video", "footage", "album", "book", "film", "result", "list",
             "detail", "document", "recording", "photo", "photograph", "picture", "image", "study", "survey", "poll",
             "paper", "transcript", "letter", "communique", "text", "version", "plan", "proposal", "budget"}


def _infinitive(token: Token) -> bool:
    """A 'to V' clause, whatever link the parser gave it."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _expulsion(verb: Token, objects: list[Token]) -> Trigger:
    told = [o for o in objects if o.pos_ in ("NOUN", "PROPN")] + [
        o for c in verb.children if c.dep_ in ("xcomp", "ccomp") for o in c.children if o.dep_ == "nsubj"]
    if any(o.lemma_.lower() in MISSION_NOUNS for o in told):
        return Trigger(verb, Sense("SANCTION", "expel", "166"), verb)
    return Trigger(verb, Sense("COERCE", "deport", "174"), verb)


# Verbs that demand only when what follows is a demand: "insisted on its demands", "insisted that he resign" or
# "... must resign"; with a plain statement after them they assert ("insisted voters are not interested").
DEMAND_OR_ASSERT = {"insist"}


def _demanded_content(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon") and child.i > verb.i:
            return True  # (an "on" ahead of the verb is its day: "On Monday he insisted ...")
        if child.dep_ == "ccomp" and (modality.obligation(child) or (
                child.tag_ == "VB" and not any(a.dep_ == "aux" for a in child.children))):
            return True  # "must resign", or the subjunctive "that he resign"
    return False


def _criticised_thing(verb: Token, prep: str | None = None, passive: bool = False) -> bool:
    """'attacked the government's plans', 'the plan was attacked by the Tories': what is attacked is neither a
    person, a group nor a physical target."""
    if passive:
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if objects and objects[0].lower_ in ("that", "this"):
            return True  # "That has been attacked by the Tories as too little": a statement or a measure
    elif prep is None:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == prep for o in p.children
                   if o.dep_ == "pobj"]
    return bool(objects) and _a_thing(objects[0])


def _a_thing(noun: Token) -> bool:
    """A common noun that names neither a person, a group, a place nor a physical target."""
    named_place = any(c.dep_ in ("compound", "amod") and (c.ent_type_ in ("GPE", "LOC", "FAC") or (
        c.pos_ == "PROPN" and c.ent_type_ not in ("NORP", "ORG", "PERSON"))) for c in noun.children)
    return (noun.pos_ == "NOUN" and noun.lemma_.lower() not in PHYSICAL_TARGETS and not named_place
            and noun.ent_type_ == "" and not _names_actor(noun))  # "the Gali district" is a place


TIME_WORDS = {"weekend", "night", "day", "week", "month", "year", "years", "period", "hour", "course"}


# People whose clashes are words: politicians and officials, not forces or crowds.
POLITICIANS = {"leader", "minister", "politician", "mp", "candidate", "chancellor", "secretary", "premier",
               "president", "senator", "lawmaker", "legislator", "deputy", "spokesman", "spokeswoman", "mayor",
               "official", "chairman", "adviser", "advisor", "rival", "colleague"}


def _politicians_clash(verb: Token) -> bool:
    """'the two party leaders clashed', 'Mr Hale clashed with the chancellor': a row between people in politics."""
    parties = [c for c in verb.children if c.dep_ == "nsubj"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    parties += [c for p in parties for c in p.children if c.dep_ == "conj"]  # "Mr A and Mr B clashed"
    return bool(parties) and all(p.ent_type_ == "PERSON" or p.lemma_.lower() in POLITICIANS for p in parties)


def _attacks_in_politics(verb: Token) -> bool:
    """'attacking the party he once wanted to lead', 'attacked the chancellor': words against a party or a person
    in politics; no violence is reported against them without a weapon or a place."""
    def in_politics(token: Token | None) -> bool:
        return token is not None and (token.lemma_.lower() in POLITICIANS | {"party", "government", "opposition"}
                                      or token.ent_type_ == "PERSON")

    return in_politics(subject_of(verb)[0]) and any(o.dep_ == "dobj" and in_politics(o) for o in verb.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("with", "in", "at", "near", "outside") for c in verb.children)


def _argued_over(verb: Token) -> bool:
    """'clashed over tax and spending plans', 'clashed with ministers about inquiries': a dispute over an issue (not
    'clashed over the weekend')."""
    return any(p.dep_ == "prep" and p.lower_ in ("over", "about") and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and o.lemma_.lower() not in TIME_WORDS
        and o.lemma_.lower() not in PHYSICAL_TARGETS and o.ent_type_ not in ("GPE", "LOC", "FAC") for o in p.children)
        for p in verb.children)


# Things that go off by themselves in a report of violence ("a car bomb exploded") ...
WEAPONS = {"bomb", "explosion", "blast", "shell", "missile", "rocket", "grenade", "mine", "mortar", "explosive",
           "device"}
# What a bomb does to a building or a vehicle: with a bomb as subject, a bombing.
DAMAGING = {"wreck", "destroy", "damage", "devastate", "gut", "rip", "tear", "level", "flatten", "shatter", "hit"}
# A vehicle turned into a bomb: "a booby-trapped car", "a truck packed with explosives".
VEHICLES = {"car", "truck", "lorry", "van", "vehicle", "bus", "motorcycle", "bicycle", "boat", "tanker"}
EXPLOSIVES = {"explosive", "dynamite", "tnt", "bomb", "fertiliser", "fertilizer", "gas", "gasoline", "petrol"}


def is_weapon(noun: Token | None) -> bool:
    """A bomb, or a vehicle rigged as one ('a car packed with dynamite', 'a booby-trapped car')."""
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    if lemma in WEAPONS:
        return True
    if lemma not in VEHICLES:
        return False
    return any(c.lower_ in ("booby", "rigged") or "trapped" in c.lower_ for c in noun.children) or any(
        c.dep_ == "acl" and any(o.lemma_.lower() in EXPLOSIVES for p in c.children if p.dep_ == "prep"
                                for o in p.children) for c in noun.children)
# ... and what else violence is done with: a passive of violence by one of these still reports violence.
VIOLENT_MEANS = WEAPONS | {"bullet", "gunfire", "fire", "shrapnel", "sniper", "gunman", "car", "truck", "vehicle",
                           "tank", "aircraft", "plane", "helicopter", "drone", "weapon", "gun", "knife", "machete",
                           "stone", "rock"}


def _struck_by_a_thing(verb: Token, lexicon: Lexicon) -> bool:
    """A passive of violence whose agent is a thing that is neither an actor, a weapon nor an event of violence."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not agents:
        return False
    agent = _counted(agents[0])
    lemma = agent.lemma_.lower()
    # a singular common noun that names no doer ("interrogators", "masked men", "an attacker" are people)
    return agent.pos_ == "NOUN" and agent.tag_ == "NN" and agent.ent_type_ == "" and lemma not in VIOLENT_MEANS \
        and lexicon.noun(lemma) is None and not _names_actor(agent) and not lemma.endswith(DOER_ENDINGS)


DOER_ENDINGS = ("er", "or", "ist", "man", "men", "ant", "ent", "ee", "ian", "ary")


def _names_actor(token: Token) -> bool:
    return token.lemma_.lower() in actor_nouns()


BACKGROUND_MARKS = {"after", "since", "because", "before", "until", "although", "though"}


def background(trigger: Trigger) -> bool:
    """Is the event told as background rather than reported? An 'after/since/because' clause, or a relative
    clause that describes a place or a time ('the town where 28 people were killed')."""
    node = trigger.verb
    if _in_the_past(node):
        return True  # "who has clashed with his leaders in the past": a trait of the actor, no event of the day
    for _ in range(8):
        if node.dep_ in ("advcl", "ROOT") and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                                  for c in node.children):
            return True  # (a marked root: the parser hung the main clause on a trailing "a day after ..." clause)
        if node.dep_ in ("pcomp", "pobj") and node.pos_ in ("VERB", "AUX") and node.head.lower_ in BACKGROUND_MARKS:
            return True  # "a day after he had accused the minister": the parser made "after" a preposition
        if node.dep_ == "relcl":
            if _next_stop(node):
                return False  # "flew to Moscow, where he met Yeltsin": what the traveller did there, not the place
            # a place or time described, or an earlier deed ("whom they had taken hostage")
            return any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in node.children) or any(
                c.dep_ == "aux" and c.lower_ == "had" for c in node.children) or any(
                c.dep_ == "prep" and any(w.lower_ in ("which", "whom") for w in c.children)
                and c.lower_ in ("in", "during", "after", "since", "under") for c in node.children)
        if node.head == node or node.dep_ in ("ccomp", "ROOT"):
            return False
        node = node.head
    return False


def _next_stop(clause: Token) -> bool:
    """', where he met ...' set off by a comma, with a pronoun for the one who went there: the story goes on at
    the place ('travelled to Pristina, where she met Kurti'); 'the town where rebels killed 28' describes it."""
    start = clause.left_edge.i
    set_off = start > 0 and clause.doc[start - 1].text == ","
    where = any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)
    told_again = any(c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they") for c in clause.children)
    place = clause.head
    gone_to = (place.dep_ == "pobj" and place.head.head.lemma_.lower() in JOURNEYS) or (
        place.dep_ == "dobj" and place.head.lemma_.lower() in JOURNEYS)  # ("flew to Moscow on Monday, where")
    return set_off and where and told_again and gone_to and clause.tag_ == "VBD"  # done, not "will join"


# Verbs that take someone to a place where the story goes on: "flew to Moscow, where he met ...".
JOURNEYS = {"fly", "travel", "go", "come", "arrive", "head", "return", "drive", "visit", "land", "stop", "be",
            "move", "sail", "cross", "journey", "tour"}


def _in_the_past(verb: Token) -> bool:
    """'in the past' on the verb, undated; 'in the past week' is a dated span and does not count."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "past"
                                                             for g in c.children) for c in verb.children)


REPORTING_HEADS = {"report", "claim", "allege", "accuse", "charge", "confirm", "deny", "warn", "threaten", "agree"}
DISPATCHING = {"send", "dispatch", "deploy", "launch", "appoint", "establish", "form", "convene", "mandate", "set",
               "create", "assign", "task", "commission", "name", "drive", "mission", "team", "delegation", "envoy",
               "rapporteur"}


def _names_an_actor(noun: Token, clause: Token) -> bool:
    """A relative clause's antecedent that can act: someone ('who'), a body, or a word for someone; 'which' on a
    name the small model takes for a people ('Aleppo, which ...') is a place."""
    if any(c.lower_ in ("who", "whom", "whose") for c in clause.subtree if c.i < clause.i):
        return True
    return noun.ent_type_ in ("PERSON", "ORG") or noun.lemma_.lower() in actor_nouns() or noun.pos_ == "PRON"


def subordinate(trigger: Trigger) -> str | bool:
    """Does the event sit in a clause that tells the purpose or manner of another: a participle ("..., demanding
    his resignation"; "protesters demanding ..."), a purpose infinitive ("... to press for higher pay"), a restrictive
    relative clause ("leaders who are demanding ...")? Such an event yields to one in the main clause of the same
    sentence."""
    node = trigger.verb
    for _ in range(8):
        if node.dep_ == "relcl":
            # "protesters who demand ..." picks out the protesters; "Straw, who accused the Tories, ..." (set off
            # by a comma) reports a deed of its own; but "..., which has driven thousands from their homes" on a
            # place or a thing describes it
            start = node.left_edge.i
            restrictive = start > 0 and node.doc[start - 1].text != ","
            if _next_stop(node):
                return False
            return "relative" if restrictive or not _names_an_actor(node.head, node) else False
        if node.dep_ == "xcomp" and node.head.pos_ == "NOUN" and _infinitive(node):
            return "purpose"  # "plans to allow the minister to place suspects under house arrest" (a parse of acl)
        if node.dep_ in ("advcl", "acl"):
            if _infinitive(node):
                # "sent a rapporteur to investigate": what an envoy is sent to do is what the sender does
                return "mission" if node.head.lemma_.lower() in DISPATCHING else "purpose"
            # "..., demanding ...", and "villagers opposed to the dam": a participle describing someone
            return "manner" if node.tag_ == "VBG" or (node.dep_ == "acl" and node.tag_ == "VBN") else False
        if node.dep_ in ("ROOT", "parataxis") or node.head == node or (
                node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_HEADS | REPORTING_HEADS):
            return False  # what someone says is reported as it is said
        node = node.head
    return False


def embedded(trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """Is this trigger the content of another trigger above it in the same sentence?

    A trigger joined to another by "and" is its sibling, not its content: the walk goes on above the sibling."""
    node = trigger.token
    own = {trigger.token.i, trigger.verb.i}
    for _ in range(16):
        if node.head == node or node.dep_ not in EMBEDDING_DEPS:
            return False
        link = node.dep_
        node = node.head
        if node.i in own:
            continue
        if node.i in by_token and link != "conj":
            return True
    return False


# Verbs too vague to be an act offered when nothing in the lexicon says what is done with them.
VAGUE_ACTS = {"do", "be", "have", "get", "go", "put", "take", "make", "see", "try", "say", "let", "keep"}


def _only_vague_acts(adjective: Token) -> bool:
    acts = [c for c in adjective.children if c.dep_ == "xcomp"]
    # "not ready to do so" points back to an act named before: that is no vague act
    return bool(acts) and all(a.lemma_.lower() in VAGUE_ACTS and not (
        a.i + 1 < len(a.doc) and a.doc[a.i + 1].lower_ in ("so", "it", "that", "this")) for a in acts)


def _states_a_fact(verb: Token) -> bool:
    """A verb of promising whose only complement is a that-clause with nothing ahead in it ('assured them that
    the plan was legal'): what is promised must lie ahead ('assured them that the plant would close')."""
    if any(c.dep_ == "xcomp" or _infinitive(c) for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl")
                                                                      for g in c.children)]
    return bool(clauses) and not any(modality.future(c) or modality.obligation(c) or
                                     any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in clauses)


def final_type(trigger: Trigger, lexicon: Lexicon, in_quote_by_other: bool) -> str | None:
    """The PLOVER type after modality, or None when the event is not to be reported."""
    token, verb = trigger.token, trigger.verb
    sense = trigger.sense
    if sense.type in ("AGREE", "SUPPORT") and token == verb and _cannot(verb):
        return "REJECT"  # "cannot accept and will oppose": a refusal, not a mere possibility
    if sense.type in THREAT_CONTENT and token == verb and not in_quote_by_other and not modality.negated(verb) \
            and modality.threatened(verb) and _speakers_own_act(verb):
        return "THREATEN"  # "could seal off the port if the raids go on": a hostile act made to hang on another's
    if modality.hypothetical(verb) or (token != verb and modality.hypothetical(token)):
        return None
    if modality.generic(verb):
        return None
    kind = sense.type
    if kind == INTENT:
        content = _complement_type(verb, lexicon)
        has_clause = any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and c.tag_ == "VB")
                         # "committed to resolving the dispute"
                         or (c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pcomp" and g.tag_ == "VBG"
                                                                          for g in c.children))
                         for c in verb.children)
        if content is None and not has_clause:
            return None  # "committed to plain speaking", "pledged £105m": no stated act
        if verb.lemma_.lower() == "undertake" and not has_clause:
            return None  # "has been undertaking short visits": doing, not promising
        if content is None and verb.lemma_.lower() in WILLING and _only_vague_acts(verb):
            return None  # "are willing to do things", "not willing to put limits on it": no act offered
        if content is None and _states_a_fact(verb):
            return None  # "assured MPs that the bill was about regulation": a statement, not a promise
        if verb.lemma_.lower() in WEAK_INTENT and content not in COOPERATIVE | HOSTILE:
            return None  # "plans to raise taxes", "plans to sue": a plan states an intent only of a known act
        if modality.negated(verb):
            return "REJECT" if content in COOPERATIVE or content is None else None
        if content == "SUPPORT" and verb.lemma_.lower() == "offer" and not has_clause:
            return "SUPPORT"  # "offered his congratulations" does what it offers
        return "THREATEN" if content in HOSTILE else "AGREE"
    negated = modality.negated(verb) or (token != verb and modality.negated(token))
    planned = modality.future(verb)
    if modality.obligation(verb):
        return None  # demanded, not done: a speaker's demand is coded as REQUEST elsewhere
    if negated:
        if kind == "AGREE" or (planned and kind in COOPERATIVE) or verb.lemma_.lower() in BACKING:
            return "REJECT"  # "will not accept", "do not support a lower limit"
        return None
    if planned:
        if in_quote_by_other:
            return None  # someone else's prediction of what the actor will do states no intent of the actor
        if kind == "ASSAULT" and modality.prepared(verb):
            return "MOBILIZE"  # readying force ("prepared to resume shelling") is a show of force
        if kind in HOSTILE or (modality.conditional_consequence(verb) and kind not in OFFERS):
            return "THREATEN"  # "will withdraw ... unless" is a threat whatever is withdrawn
        if kind in COOPERATIVE:
            return "AGREE"
    return kind


BACKING = {"support", "back", "endorse", "favour", "favor"}
# Verbs that say what someone will do if crossed.
WARNING_HEADS = {"warn", "hint", "signal", "caution", "threaten", "vow", "serve"}


def _speakers_own_act(verb: Token) -> bool:
    """Said by someone of what they themselves would do: 'Asmara warned that its artillery would ...', 'said they
    could walk away'; a diplomat's word on what another state could do is a forecast, no threat."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_HEADS | WARNING_HEADS:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.dep_ == "nsubjpass" or subject.pos_ == "PRON":
        return True
    if subject.lemma_.lower() in FORCES or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        return True  # "its artillery", "the fleet", "our forces"
    return speaker is not None and subject.lower_ == speaker.lower_


def _cannot(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children) and any(
        c.dep_ == "neg" for c in verb.children)


def _lexical_type(token: Token, lexicon: Lexicon) -> str | None:
    """The type a complement's own word names, whatever its objects ('sworn to fight')."""
    if token.pos_ == "VERB":
        sense = lexicon.verb(_verb_lemma(token, lexicon), _particle(token, lexicon))
        if sense is not None and sense.type not in (INTENT, LIGHT):
            return sense.type
    return None


def _complement_type(verb: Token, lexicon: Lexicon) -> str | None:
    for obj in _objects(verb):
        if _is_money(obj):
            return "AID"  # "pledged $500 million"
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" for c in child.children):
            continue  # "promised reforms hours after students marched": the marked clause is background
        if child.dep_ in ("xcomp", "ccomp", "dobj", "prep", "dative", "advcl", "nsubjpass"):
            # ("nsubjpass": "the release of the prisoners was promised by ...")
            candidates = [child] + ([c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                                    if child.dep_ == "prep" else [])
            for candidate in candidates:
                inner = _trigger_at(candidate, lexicon)
                if inner is None and _lexical_type(candidate, lexicon):
                    return _lexical_type(candidate, lexicon)
                if inner is None and candidate.pos_ == "NOUN":
                    sense = _noun_sense(candidate, lexicon)
                    if sense:
                        return sense.type
                if inner is not None:
                    if inner.sense.type == INTENT:
                        return _complement_type(candidate, lexicon)
                    return inner.sense.type
                # "swore to fight until ..." / "threatened to deliver blows": look one clause deeper
                for grandchild in candidate.children:
                    if grandchild.dep_ in ("xcomp", "dobj", "conj"):
                        inner = _trigger_at(grandchild, lexicon)
                        if inner is not None and inner.sense.type not in (INTENT, LIGHT):
                            return inner.sense.type
    return None


# Nouns that carry an event or a text, not an actor: a clause hanging off them takes the subject of their verb
# ("issued a declaration demanding ...", "converging for a rally to protest ...").
CARRIER_NOUNS = {"declaration", "statement", "resolution", "letter", "report", "communique", "message", "note",
                 "decree", "rally", "march", "meeting", "campaign", "effort", "drive", "bid", "plan", "move",
                 "operation", "protest", "demonstration", "strike", "appeal", "call", "petition", "motion"}


RELATIVE_TAGS = {"WDT", "WP"}  # which, that, who


GERUND_PREPS = {"by", "after", "before", "while", "in", "through", "without"}
# "is designed to target ground targets": what a thing is made for, not what anyone does.
PURPOSE_PASSIVES = {"design", "intend", "mean", "build", "use", "make", "equip", "programme", "program"}


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _stray_agent(verb: Token) -> Token | None:
    """The doer of a passive that the parser hung lower down: 'was recognised as a state by Australia', 'was
    blocked on Sunday by hundreds of car owners'. Only a 'by' inside the verb's own prepositional phrases."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for by in prep.subtree:
            if by.lower_ == "by" and by.dep_ in ("prep", "agent") and by.head.dep_ in ("pobj", "npadvmod"):
                found = next((c for c in by.children if c.dep_ == "pobj"), None)
                if found is not None and (found.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                          or found.lemma_.lower() in actor_nouns() or found.tag_ == "NNS"):
                    return found
    return None


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(the subject-side actor token, whether the verb is passive)."""
    agent = _agent(verb)
    if agent is not None and verb.tag_ == "VBN":
        return agent, True  # "were lined up and shot dead by militants": the agent sits on the second verb
    node = verb
    below = None
    for _ in range(6):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if passive and below is not None and below.dep_ == "xcomp" and _agent(node) is None \
                and node.lemma_.lower() not in PURPOSE_PASSIVES:
            # "the premier is set to visit Hanoi", "was forced to resign": the one said to be set does it
            found = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if found is not None:
                return found, False
        if passive and node.lemma_.lower() in ("engage", "involve", "commit", "dedicate", "determine", "prepare") \
                and not any(c.dep_ == "agent" for c in node.children):
            # "were engaged in", "is committed to opening up": an adjective of state, active in meaning
            return next((c for c in node.children if c.dep_ == "nsubjpass"), None), False
        if passive:
            return _agent(node) or _stray_agent(node), True
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None and node.dep_ == "relcl" and subject.tag_ in RELATIVE_TAGS:
            return node.head, False  # "the wave which killed thousands": the antecedent did it
        if subject is not None:
            return subject, False
        if node.dep_ == "advcl" and node.tag_ == "VBN" and not any(c.dep_ == "aux" for c in node.children):
            return None, True  # "Asked about the deal, the minister said ...": a participle clause is passive
        if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head != node:
            below, node = node, node.head
            continue
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ in GERUND_PREPS \
                and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "flouted the truce by attacking a patrol": the gerund's doer is the verb's
            continue
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in CARRIER_NOUNS \
                and node.head.head != node.head:
            node = node.head.head  # the declaration's or the rally's own verb
            while node.pos_ == "ADP" and node.head != node:
                node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head, False
        if node.dep_ == "acl" and node.tag_ == "VBN" and not any(c.dep_ == "agent" for c in node.children) \
                and any((c.dep_ == "xcomp" and _infinitive(c)) or c.dep_ in ("dobj", "ccomp") for c in node.children):
            # "The delegation threatened on Wednesday to walk out", "Rebels seized on Monday the town": a past tense
            # the parser took for a participle (a passive participle has no object)
            return node.head, False
        if node.dep_ == "acl" and node.tag_ in ("VBG", "VBD", "VBZ"):
            # "..., opening fire" / a main verb the parser hung on the subject ("X, Y, called on ...")
            return node.head, False
        break
    return None, False
