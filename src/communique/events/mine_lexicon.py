"""Mine event verbs from the NGEC synthetic stories (training data) into data/events_lexicon_mined.tsv.

Each story carries one document-level PLOVER label. The lede (the first two sentences) reports that event most
directly, so the script parses ledes, counts the lemma of each main verb (the root and verbs conjoined to it),
alone and with its direct object, and ranks each form per label by the log-odds ratio with an informative
Dirichlet prior (Monroe, Colaresi & Quinn 2008) against all other labels. A form is kept when it is frequent
enough, mostly seen under one label, and clearly distinctive (z-score). Hand-written entries in
data/events_lexicon.tsv win over mined ones at load time; forms that the hand-written file already has, and
verbs it only lists with an object, are skipped here so that the mined file adds recall only.

    python -m communique.events.mine_lexicon ZIP_OR_CSV [--out PATH] [--limit N]
"""
from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import math
import sys
import zipfile
from importlib import resources
from pathlib import Path

MIN_COUNT = 4  # occurrences of the form across ledes
MIN_SHARE = 0.5  # share of those occurrences under the winning label
MIN_Z = 2.0  # log-odds z-score of the form for that label
# Verbs that carry no event on their own however often they open a story of one label.
GENERIC = {"be", "have", "say", "tell", "make", "take", "go", "come", "get", "do", "see", "become", "begin",
           "continue", "start", "report", "announce", "state", "add", "claim", "note", "hold", "give", "put",
           "set", "find", "keep", "leave", "show", "bring", "include", "remain", "appear", "seem", "know",
           "reveal", "confirm", "release", "issue", "face", "follow", "spark", "cause", "lead", "raise", "use",
           "call", "express", "voice", "mark", "aim", "come", "want", "try", "seek", "plan", "expect", "believe"}
# Verbs that describe the report or the circumstances rather than an act between actors: a story of a label
# uses them ("the attack occurred", "police identified the victims") but they name no event.
NOT_ACTS = {"occur", "happen", "identify", "describe", "think", "search", "explain", "inform", "affect", "cover",
            "create", "rule", "hand", "damage", "delay", "distribute", "celebrate", "improve", "resort", "pull",
            "participate", "disrupt", "pass", "declare", "reiterate", "join"}
# Objects too vague to decide the event type.
VAGUE_OBJECTS = {"statement", "thing", "way", "time", "people", "part", "step", "action", "move", "effort",
                 "decision", "situation", "issue", "matter", "number", "year", "day", "week", "country", "it",
                 "this", "that", "government"}


def read_stories(path: Path):
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".csv"))
            with archive.open(name) as handle:
                yield from csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
    else:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)


def lede(text: str) -> str:
    return " ".join(text.split())[:600]


def forms(doc, sentences: int = 2):
    """The verb and verb>object forms of the main verbs of the first sentences."""
    for sent in list(doc.sents)[:sentences]:
        heads = [sent.root] + [t for t in sent.root.children if t.dep_ == "conj" and t.pos_ == "VERB"]
        for verb in heads:
            if verb.pos_ != "VERB":
                continue
            lemma = verb.lemma_.lower()
            if lemma in GENERIC or not lemma.isalpha():
                continue
            yield f"v:{lemma}"
            for child in verb.children:
                if child.dep_ == "dobj" and child.pos_ == "NOUN":
                    obj = child.lemma_.lower()
                    if obj.isalpha() and obj not in VAGUE_OBJECTS:
                        yield f"v:{lemma}>{obj}"


def log_odds(counts: dict[str, collections.Counter], prior_scale: float = 10.0):
    """(label, form) -> (z, count, share) by the informative-Dirichlet log-odds against the other labels."""
    total = collections.Counter()
    for counter in counts.values():
        total.update(counter)
    grand = sum(total.values())
    scored = {}
    for label, counter in counts.items():
        n_label = sum(counter.values())
        n_rest = grand - n_label
        for form, y in counter.items():
            prior = prior_scale * total[form] / grand  # alpha_w
            a0 = prior_scale
            rest = total[form] - y
            d = math.log((y + prior) / (n_label + a0 - y - prior)) - math.log(
                (rest + prior) / (n_rest + a0 - rest - prior))
            var = 1.0 / (y + prior) + 1.0 / (rest + prior)
            scored[(label, form)] = (d / math.sqrt(var), total[form], y / total[form])
    return scored


def hand_written() -> tuple[dict[str, str], set[str]]:
    """Keys of the hand-written lexicon with their types, and verbs that it lists only with an object."""
    text = resources.files("communique.data").joinpath("events_lexicon.tsv").read_text(encoding="utf-8")
    keys = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t") + [""]
            keys[cells[0].strip()] = cells[1].strip()
    plain = {k[2:] for k in keys if k.startswith("v:") and ">" not in k}
    object_only = {k[2:].split(">")[0] for k in keys if k.startswith("v:") and ">" in k} - plain
    return keys, object_only


def observe(path: Path, limit: int = 0) -> list[tuple[str, str, list[str]]]:
    """(label, mode, forms of the lede) for each story."""
    from communique.nlp import load_model

    nlp = load_model()
    stories = [s for s in read_stories(path) if s.get("label") and s.get("text")]
    if limit:
        stories = stories[:limit]
    return [(story["label"].strip().upper(), (story.get("mode") or "").strip().lower(), sorted(set(forms(doc))))
            for story, doc in zip(stories, nlp.pipe((lede(s["text"]) for s in stories), batch_size=64))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path)
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "data" / "events_lexicon_mined.tsv")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="JSON of the per-story forms: written once, then reused")
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        observed = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        observed = observe(args.stories, args.limit)
        if args.cache:
            args.cache.write_text(json.dumps(observed), encoding="utf-8")
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    modes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for label, mode, story_forms in observed:
        for form in story_forms:
            counts[label][form] += 1
            modes[(label, form)][mode] += 1
    keys, object_only = hand_written()
    kept = []
    for (label, form), (z, n, share) in log_odds(counts).items():
        if n < MIN_COUNT or share < MIN_SHARE or z < MIN_Z or form in keys:
            continue
        verb, _, obj = form[2:].partition(">")
        if verb in NOT_ACTS:
            continue
        if ">" not in form and verb in object_only:
            continue  # the hand-written file lists this verb only with certain objects
        if obj and (f"vn:{verb} {obj}" in keys or keys.get(f"v:{verb}") == label):
            continue  # the pair is hand-written, or its verb alone already gives this type
        mode, seen = modes[(label, form)].most_common(1)[0]
        kept.append((label, form, mode if mode and seen / n >= 0.6 else "", z, n, share))
    kept.sort(key=lambda row: (row[0], -row[3]))
    lines = ["# Event verbs mined from the NGEC synthetic training stories by communique.events.mine_lexicon",
             f"# (ledes of {len(observed)} stories; count >= {MIN_COUNT}, label share >= {MIN_SHARE}, "
             f"log-odds z >= {MIN_Z}). Regenerate with the script; do not edit by hand.",
             "# key<TAB>type<TAB>mode<TAB>cameo<TAB>z<TAB>count<TAB>share"]
    lines += [f"{form}\t{label}\t{mode}\t\t{z:.1f}\t{n}\t{share:.2f}" for label, form, mode, z, n, share in kept]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} mined forms -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
