"""Is a reported event real? Negation, hypotheticals, hedges and the future, read off the dependency parse.

Policy (PLOVER's auxiliary modes, resolved rather than flagged):
- negated events are not emitted, except that a refused agreement ("will not accept", "did not agree") is
  PLOVER's REJECT;
- hypothetical events (in an if/unless clause, under may/might/could, in a question, quoted or not), hedged ones
  (under "I believe", "perhaps", "expected to", "likely to") and denied ones ("denied killing") are not emitted;
- merely planned events ("will visit", "said it would send aid") are not emitted as themselves: PLOVER codes the
  stated intent as AGREE (cooperative acts) or THREATEN (hostile acts) — unless the plan is someone else's
  prediction, made inside another speaker's quote, which states no intent of the actor at all.
"""
from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
HYPOTHETICAL_AUX = {"may", "might", "could", "can", "ca"}
OBLIGATION_AUX = {"must", "should", "ought"}
CONDITION_MARKS = {"if", "unless", "whether", "lest", "before", "until", "so"}  # "so that ..." is a purpose
# A relative clause asserts its own content: the walk up from an event stops there.
# Verbs whose clausal complement is not (yet) a fact.
HEDGE_HEADS = {"believe", "think", "expect", "hope", "suppose", "guess", "assume", "predict", "speculate",
               "fear", "doubt", "wonder", "consider", "imagine", "suggest", "seem", "appear", "want", "wish",
               "like", "aim", "hesitate", "need", "unlikely", "likely",  # "likely to": the writer's forecast
               "tip", "tipped", "rumour", "rumor", "entitle", "entitled"}  # "is tipped to ask", "entitled to complain"
# Verbs whose clausal complement is said not to be so: "denied (that) she would refuse", "denied killing them".
DENIAL_HEADS = {"deny", "refute"}
DENIED_DEPS = {"ccomp", "xcomp", "pcomp", "pobj", "dobj", "prep", "acl"}
PLAN_HEADS = {"plan", "intend", "prepare", "schedule", "set", "due", "expect", "decide", "go", "ready",
              "prepared", "willing", "determined", "committed", "poised", "able", "scheduled",
              "about", "bound", "eager", "keen"}
HEDGE_WORDS = {"perhaps", "maybe", "possibly", "probably", "likely", "supposedly"}  # "reportedly" still reports
# With "would" or "will" these state a rule of conduct, not an act: "would normally invite observers". (Reported
# habits of violence, "routinely beat detainees", are still reported acts.)
HABIT_WORDS = {"normally", "usually", "generally", "typically"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "pcomp", "conj", "csubj", "parataxis", "prep", "pobj",
               "dobj", "attr", "acomp", "oprd", "amod"}


NOBODY = {"nothing", "nobody", "noone", "no-one"}


def mended_lemma(token: Token) -> str:
    """The lemma, mended where the small model errs: it makes every form of "hope" into "hop", of "rage" into
    "rag"."""
    if token.lemma_ == "hop" and token.lower_.startswith(("hope", "hoping")):
        return "hope"
    if token.lemma_ == "rag" and token.lower_.startswith(("rage", "raging")):
        return "rage"
    return token.lemma_


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _clause_chain(token: Token, limit: int = 8):
    """The token and its ancestors through clause-forming links, nearest first."""
    current = token
    for _ in range(limit):
        yield current
        if current.dep_ not in CLAUSE_DEPS or current.head is current:
            return
        current = current.head


def negated(token: Token) -> bool:
    """A 'not'/'never' on the event word, or a 'no' determiner on an event noun."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "n't", "not"):
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True  # "will no longer be recognised"
        if token.pos_ == "NOUN" and child.dep_ == "det" and child.lower_ == "no":
            return True
    if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in token.children):
        return True  # "no journalists have been detained"
    if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in token.children):
        return True  # "has imposed no restrictions", "made no arrests"
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in NOBODY
                                             for c in token.children):
        return True  # "nothing will get in the way of ...", "nobody was arrested"
    for node in _clause_chain(token, 4):
        if node != token and node.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            return True  # "had no plans to open an investigation"
    head = token.head
    if _negated_conjunct(token):
        return True
    if token.dep_ == "acomp" and any(c.dep_ == "neg" for c in head.children):
        return True  # "is not ready to ...": the negation sits on the copula
    if (token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                for c in token.children))) \
            and head.lemma_ in ("fail", "refuse", "decline", "cease"):
        return True
    if token.dep_ in ("xcomp", "dobj") and head != token and any(c.dep_ == "neg" for c in head.children):
        return head.lemma_ in ("be", "have", "make", "hold", "give", "reach") or token.dep_ == "xcomp"
    return False


def _negated_conjunct(token: Token) -> bool:
    """'does not lie, nor does he steal or kill', 'did not attack or kill anyone': a negation shared along 'nor'
    and 'or'."""
    node = token
    for _ in range(4):
        if node.dep_ != "conj" or node.head == node:
            return False
        head = node.head
        links = [c.lower_ for c in head.children if c.dep_ == "cc" and head.i < c.i < node.i]
        if "nor" in links:
            return True
        if "or" in links and any(c.dep_ == "neg" for c in head.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = head
    return False


def future(token: Token) -> bool:
    """Merely planned: 'will/would/shall V', 'is going to V', 'plans/is ready to V'."""
    participle = False
    below = None
    for node in _clause_chain(token, 3):
        aux = _aux(node)
        if aux & FUTURE_AUX:
            return True
        if node != token and node.lemma_ in PLAN_HEADS and not participle and below.dep_ != "conj":
            return True  # (a verb joined by "and" to "set fire" is no plan: "set fire ... and battled police")
        below = node
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"
        if node.dep_ not in ("xcomp", "conj", "acomp") and not participle:
            break  # (a participle shares its verb's tense: "would put a cap on it, closing the door")
    return False


def hypothetical(token: Token) -> bool:
    """Conditional, possible, questioned or hedged rather than reported as happening."""
    sentence = token.sent
    if sentence.text.rstrip().rstrip("\"'”’").rstrip().endswith("?"):  # also a quoted question
        return True
    below = None
    for depth, node in enumerate(_clause_chain(token)):
        if _aux(node) & HYPOTHETICAL_AUX:
            return True
        if _inverted_condition(node):
            return True  # "had he denied the charge": a counterfactual
        if below is not None and node.lemma_ in DENIAL_HEADS and below.dep_ in DENIED_DEPS:
            return True  # what is denied, not what is done beside the denial ("denied X but refused Y")
        below = node
        if node.lemma_ == "able" and _aux(node.head) & (HYPOTHETICAL_AUX | OBLIGATION_AUX | {"would"}):
            return True  # "should be able to order detention": a power wished for, nothing done
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                return True
            if child.dep_ == "mark" and child.lower_ == "as" and (node.head.lower_ in ("long", "soon") or any(
                    a.lower_ in ("long", "soon") for a in node.children if a.dep_ == "advmod")):
                return True  # "as long as they shoot their quarry": a condition
            if child.dep_ == "advcl" and _anyone_condition(child):
                return True  # "if someone complained, we would investigate": a rule for anyone, no act
            if child.dep_ == "advmod" and child.lower_ in HEDGE_WORDS:
                return True
            if child.dep_ == "advmod" and child.lower_ in HABIT_WORDS and _aux(node) & FUTURE_AUX:
                return True
        if depth > 0 and mended_lemma(node) in HEDGE_HEADS:
            return True
        # "..., I believe ..." attached beside the event rather than above it
        if depth == 0:
            for sibling in node.children:
                if sibling.dep_ in ("conj", "parataxis") and mended_lemma(sibling) in HEDGE_HEADS \
                        and sibling.i > token.i \
                        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in sibling.children):
                    return True
    return False


def _inverted_condition(node: Token) -> bool:
    """'had he denied the charge', 'should talks fail', 'were the rebels to attack': a condition."""
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were", "should")
                                       and c.i < subject.i for c in node.children)


ANYONE = {"someone", "somebody", "anyone", "anybody", "anything", "something"}


def _anyone_condition(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children) and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ANYONE for s in clause.children)


def generic(token: Token) -> bool:
    """A habit that defines a class of people rather than a deed: a restrictive relative clause in the present
    tense on a bare plural ('parents who refuse to ...', 'states that harbour terrorists')."""
    if token.dep_ != "relcl" or token.tag_ not in ("VBP", "VBZ") or _aux(token):
        return False
    head = token.head
    if head.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return False
    relative = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")), None)
    if relative is None:
        return False
    return head.doc[relative.i - 1].text != ","  # set off by a comma it is about someone in particular


def obligation(token: Token) -> bool:
    """'must/should V': with an actor subject, said by someone, this is a demand (PLOVER REQUEST)."""
    return bool(_aux(token) & OBLIGATION_AUX) or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and token.head.lemma_ in ("have", "need") \
        and token.head.pos_ in ("VERB", "AUX")


def prepared(token: Token) -> bool:
    """'prepared to V', 'readying to V', 'poised to V'."""
    node = token
    for _ in range(3):
        if node.dep_ != "xcomp":
            return False
        node = node.head
        if node.lemma_ in ("prepare", "ready", "poise", "gear"):
            return True
    return False


def conditional_consequence(token: Token) -> bool:
    """The event is what will happen 'unless'/'if' something else does ('should Y attack'): the shape of a threat."""
    return any(child.dep_ == "advcl" and (any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                              for m in child.children) or _inverted_condition(child))
               for child in token.children)


def threatened(token: Token) -> bool:
    """'would pound their positions should they attack', 'could seal off the port if raids go on': an act that is
    only possible, but made to hang on what another does. Not when the whole is asked, hedged or itself a
    condition ('whether Manila would threaten sanctions if ...', 'diplomats speculated Turkey could ...')."""
    if not _aux(token) & (FUTURE_AUX | {"may", "might", "could"}) or not conditional_consequence(token):
        return False
    if token.sent.text.rstrip().rstrip("\"'”’").rstrip().endswith("?"):
        return False
    for depth, node in enumerate(_clause_chain(token)):
        if depth > 0 and (_aux(node) & HYPOTHETICAL_AUX or mended_lemma(node) in HEDGE_HEADS):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return False
    return True
