"""The unlabelled corpus every throughput bench reads, and the options to choose it."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "bbc_politics_417.jsonl"


def corpus_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    return parser


def read_articles(path: Path, limit: int | None) -> list[dict]:
    """The corpus's articles ({id, title, body}), the first `limit` of them; exits when the corpus is absent."""
    if not path.exists():
        sys.exit(f"corpus not found: {path}")
    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                items.append(json.loads(line))
            if limit and len(items) >= limit:
                break
    return items
