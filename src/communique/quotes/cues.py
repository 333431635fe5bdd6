"""The cue lexicon: which verbs report speech, and with which kind of complement.

Two data files make it, both in `communique/data`:
- `speech_verbs.txt`, a hand-made list of reporting verbs (say, warn, urge, ...);
- `speech_cues.tsv`, mined from PolNeAR train by `communique.quotes.train`: for each (lemma, relation) pair seen
  as a candidate cue, how often it was one and how often a gold attribution agreed.

A relation names how the reported content hangs off the verb (see `indirect.RELATIONS`). A mined pair with enough
evidence decides by its precision; a pair the data never showed falls back on the hand-made list.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

MIN_EVIDENCE = 3  # a mined pair seen fewer times than this does not overrule the hand-made list
MIN_PRECISION = 0.25  # a mined pair is a cue when this share of its occurrences were attributions (tuned on dev)
QUOTE_PRECISION = 0.5  # a stricter bar for a verb standing next to a quotation without governing it
# Relations the hand-made list vouches for: a clause complement, or the verb reporting a clause it follows.
BASE_RELATIONS = frozenset({"ccomp", "rev", "according"})


@dataclass(frozen=True)
class Lexicon:
    base: frozenset[str]
    mined: dict[tuple[str, str], tuple[int, float]]  # (lemma, relation) -> (occurrences, precision)
    lemmas: frozenset[str]  # every lemma that can be a cue under some relation

    def accepts(self, lemma: str, relation: str) -> bool:
        scored = self.mined.get((lemma, relation))
        if scored is not None and scored[0] >= MIN_EVIDENCE:
            return scored[1] >= MIN_PRECISION
        if relation == "according":
            return True  # "according to X" attributes whatever the data says about rarer phrasings
        return lemma in self.base and relation in BASE_RELATIONS

    def is_speech_verb(self, lemma: str) -> bool:
        """A verb that can introduce a direct quote next to it: a hand-listed reporting verb, or one that the
        data show reporting clauses most of the time (not a verb of belief such as "hope" or "think")."""
        if lemma in self.base:
            return True
        for relation in ("ccomp", "rev"):
            seen, precision = self.mined.get((lemma, relation), (0, 0.0))
            if seen >= MIN_EVIDENCE and precision >= QUOTE_PRECISION:
                return True
        return False


def _data_lines(name: str) -> list[str]:
    try:
        text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    base = frozenset(line.strip().lower() for line in _data_lines("speech_verbs.txt"))
    mined: dict[tuple[str, str], tuple[int, float]] = {}
    for line in _data_lines("speech_cues.tsv"):
        parts = line.split("\t")
        if len(parts) < 4 or parts[0] == "lemma":
            continue
        lemma, relation, seen, positive = parts[0], parts[1], int(parts[2]), int(parts[3])
        mined[(lemma, relation)] = (seen, positive / seen if seen else 0.0)
    lexicon = Lexicon(base, mined, frozenset())
    usable = {lemma for (lemma, relation) in mined if lexicon.accepts(lemma, relation)}
    return Lexicon(base, mined, frozenset(base | usable))
