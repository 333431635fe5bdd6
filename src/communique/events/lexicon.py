"""The event lexicon: which verbs and nouns name which PLOVER event (data in data/events_lexicon.tsv)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

INTENT = "INTENT"  # the event is the intent to do what the complement says (AGREE or THREATEN)
LIGHT = "LIGHT"  # a light verb ("hold", "launch"): its event-noun object names the event


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None
    cameo: str | None


@dataclass
class Lexicon:
    verbs: dict[str, Sense]  # "accuse", "call on"
    verb_objects: dict[tuple[str, str], Sense]  # ("lift", "curfew")
    nouns: dict[str, Sense]  # "attack", "hunger strike"
    verb_nouns: dict[tuple[str, str], Sense]  # ("lodge", "protest")
    verb_heads: set[str] = field(default_factory=set)  # verbs that only count with a listed object
    object_verbs: set[str] = field(default_factory=set)  # the full verb keys of verb+object pairs ("bow to")
    classes: dict[str, str] = field(default_factory=dict)  # object noun -> its class key ("tank" -> "@materiel")
    particle_heads: set[str] = field(default_factory=set)  # verbs listed only with a particle ("cordon off")

    def verb(self, lemma: str, particle: str | None = None) -> Sense | None:
        if particle:
            found = self.verbs.get(f"{lemma} {particle}") or self.verbs.get(f"{american(lemma)} {particle}")
            if found:
                return found
        return self.verbs.get(lemma) or self.verbs.get(american(lemma))

    def index(self) -> "Lexicon":
        """Derive the lookup sets from the entries (after reading them, or after removing some)."""
        self.object_verbs = {verb for verb, _ in self.verb_objects}
        self.particle_heads = {verb.split()[0] for verb in self.verbs if " " in verb}
        self.verb_heads = {verb.split()[0] for verb, _ in self.verb_objects} | {
            verb.split()[0] for verb, _ in self.verb_nouns}
        return self

    def noun(self, lemma: str, modifier: str | None = None) -> Sense | None:
        if modifier:
            found = self.nouns.get(f"{modifier} {lemma}")
            if found:
                return found
        return self.nouns.get(lemma) or self.nouns.get(american(lemma))


# British spellings (the BBC, translated regional outlets) of words the lexicon may list in American spelling:
# "criticise", "mobilisation", "analyse", "defence", "labour". Checked only after the word as written.
SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("ised", "ized"), ("yse", "yze"),
             ("ence", "ense"), ("our", "or"), ("ogue", "og"), ("tre", "ter"))


@functools.lru_cache(maxsize=4096)
def american(word: str) -> str:
    for british, us in SPELLINGS:
        if word.endswith(british):
            return word[: len(word) - len(british)] + us
    return word


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lexicon = Lexicon({}, {}, {}, {})
    # hand-written entries first; the mined file (mine_lexicon.py, NGEC training stories) only adds new keys
    for name in ("events_lexicon.tsv", "events_lexicon_mined.tsv"):
        data = resources.files("communique.data").joinpath(name)
        if data.is_file():
            _read(data.read_text(encoding="utf-8"), lexicon)
    return lexicon.index()


def _read(text: str, lexicon: Lexicon) -> None:
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + ["", "", ""]
        key, kind = cells[0].strip(), cells[1].strip()
        sense = Sense(kind, cells[2].strip() or None, cells[3].strip() or None)
        prefix, _, words = key.partition(":")
        if prefix == "v" and ">" in words:
            verb, obj = words.split(">", 1)
            lexicon.verb_objects.setdefault((verb.strip(), obj.strip()), sense)
        elif prefix == "v":
            lexicon.verbs.setdefault(words, sense)
        elif prefix == "n":
            lexicon.nouns.setdefault(words, sense)
        elif prefix == "c":
            for word in kind.split():
                lexicon.classes.setdefault(word, "@" + words)
        elif prefix == "vn":
            verb, noun = words.rsplit(" ", 1)
            lexicon.verb_nouns.setdefault((verb, noun), sense)
