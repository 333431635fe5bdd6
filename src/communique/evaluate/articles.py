"""Score the article reader on NAEB (newspaper4k's extraction benchmark), trafilatura alone measured beside it.

Metrics, per page, then averaged over the pages scored:
- title exact: equal after case, punctuation and white space are normalised (nothing else);
- date: the date part (YYYY-MM-DD) equal; a gold page without a date counts as right when none is predicted;
- authors exact: the same set of names after case and white space are normalised;
- body word-F1: bag-of-words F1 between predicted and gold body.

Only the article reader runs (no spaCy), so a full run takes about a minute.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

METRICS = ("title", "date", "authors", "body")
_WORD = re.compile(r"\w+")
# Degree and generational suffixes that a comma separates from the name they belong to ("Jane Roe, Ph.D.").
_NAME_SUFFIX = re.compile(r"^(ph\.?\s?d\.?|m\.?d\.?|jr\.?|sr\.?|ii|iii|iv|esq\.?)$", re.I)


@dataclass
class Prediction:
    title: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    body: str = ""


@dataclass
class Scores:
    name: str
    totals: Counter = field(default_factory=Counter)
    pages: int = 0
    failures: int = 0
    seconds: float = 0.0

    def add(self, gold: dict, predicted: Prediction | None) -> dict[str, float]:
        predicted = predicted or Prediction()
        page = {
            "title": float(normalise_title(predicted.title) == normalise_title(gold.get("title"))),
            "date": float(date_part(predicted.date) == date_part(gold.get("date"))),
            "authors": float(author_set(predicted.authors) == author_set(split_gold_authors(gold.get("authors")))),
            "body": word_f1(predicted.body, gold.get("articleBody") or ""),
        }
        self.totals.update(page)
        self.pages += 1
        return page

    def means(self) -> dict[str, float]:
        return {m: self.totals[m] / self.pages if self.pages else 0.0 for m in METRICS}


def normalise_title(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "").casefold()
    text = "".join(" " if unicodedata.category(ch).startswith(("P", "S")) else ch for ch in text)
    return " ".join(text.split())


def date_part(value: str | None) -> str | None:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None


def author_set(names: list[str]) -> frozenset[str]:
    return frozenset(" ".join(n.casefold().split()) for n in names if n and n.strip())


def split_gold_authors(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    names: list[str] = []
    for part in (value or "").split(","):
        part = part.strip()
        if not part:
            continue
        if names and _NAME_SUFFIX.match(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def word_f1(predicted: str, gold: str) -> float:
    p, g = Counter(_WORD.findall(predicted.casefold())), Counter(_WORD.findall(gold.casefold()))
    if not p or not g:
        return float(p == g)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def communique_reader(page_id: str, data: bytes, url: str | None) -> Prediction:
    from ..article import read_article
    from ..document import Document

    record = read_article(Document(origin=page_id, data=data, fields={"id": page_id}, url=url))
    return Prediction(title=record.title, date=record.published, authors=record.authors, body=record.text)


def trafilatura_reader(page_id: str, data: bytes, url: str | None) -> Prediction:
    import trafilatura

    found = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    if found is None:
        return Prediction()
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return Prediction(title=found.title, date=found.date, authors=authors, body=found.text or "")


READERS: dict[str, Callable[[str, bytes, str | None], Prediction]] = {
    "communique": communique_reader,
    "trafilatura": trafilatura_reader,
}


def load_pages(gold_path: Path, limit: int | None = None) -> list[tuple[str, dict, bytes]]:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    html_dir = Path(gold_path).parent / "html"
    pages = []
    for page_id in sorted(gold, key=lambda k: (gold[k].get("id") or 0, k)):
        file = html_dir / f"{page_id}.html.gz"
        if file.exists():
            pages.append((page_id, gold[page_id], gzip.decompress(file.read_bytes())))
        if limit and len(pages) >= limit:
            break
    return pages


def score(pages, readers=READERS, details: Path | None = None) -> dict[str, Scores]:
    results = {name: Scores(name) for name in readers}
    rows = []
    for page_id, gold, data in pages:
        row = {"id": page_id, "url": gold.get("url")}
        for name, reader in readers.items():
            started = time.perf_counter()
            try:
                predicted = reader(page_id, data, gold.get("url"))
            except Exception as error:  # a page the reader refuses scores zero, and the run goes on
                predicted = None
                results[name].failures += 1
                row[f"{name}_error"] = f"{type(error).__name__}: {error}"
            results[name].seconds += time.perf_counter() - started
            row[name] = results[name].add(gold, predicted)
            if predicted is not None:
                row[f"{name}_pred"] = {"title": predicted.title, "date": predicted.date, "authors": predicted.authors}
        row["gold"] = {"title": gold.get("title"), "date": gold.get("date"), "authors": gold.get("authors")}
        rows.append(row)
    if details:
        details.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return results


def run(gold: Path, limit: int | None = None, details: Path | None = None) -> dict[str, Scores]:
    pages = load_pages(gold, limit)
    if not pages:
        print(f"no pages found beside {gold} (expected html/<id>.html.gz)", file=sys.stderr)
        raise SystemExit(1)
    results = score(pages, details=details)
    print(f"NAEB article extraction, {len(pages)} pages ({gold})")
    print(f"{'system':<13} {'title exact':>11} {'date':>6} {'authors exact':>13} {'body word-F1':>12} {'pages/s':>8} {'failed':>6}")
    for scores in results.values():
        m = scores.means()
        speed = scores.pages / scores.seconds if scores.seconds else 0.0
        print(f"{scores.name:<13} {m['title']:>11.3f} {m['date']:>6.3f} {m['authors']:>13.3f} {m['body']:>12.3f} "
              f"{speed:>8.1f} {scores.failures:>6}")
    return results
