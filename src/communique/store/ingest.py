"""Documents -> the one pipeline -> the store, one committed transaction per article.

A crash loses at most the article in flight: every earlier one is committed. A rerun updates what is there
(same id, url or text) instead of duplicating it; with `skip_existing` it passes over documents whose id is
already stored, so that resuming a long batch does not analyse them again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..document import Document, Failure
from .base import Store

OPTIMIZE_AFTER = 100  # stored articles after which the planner's statistics are refreshed


@dataclass
class IngestSummary:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.inserted + self.updated

    def as_dict(self) -> dict:
        return {"inserted": self.inserted, "updated": self.updated, "skipped": self.skipped, "failed": self.failed,
                "failures": self.failures, "ids": self.ids}


def ingest(
    store: Store,
    documents: Iterable[Document | Failure],
    workers: int = 1,
    skip_existing: bool = False,
    on_failure: Callable[[str], None] = lambda line: None,
    on_progress: Callable[[], None] = lambda: None,
    keep_ids: bool = False,
    pipeline=None,
) -> IngestSummary:
    """`pipeline`: a Pipeline to reuse (a server keeps one); a new one by default."""
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    summary = IngestSummary()

    def wanted(items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        for item in items:
            if skip_existing and isinstance(item, Document) and store.has_article(str(item.fields.get("id"))):
                summary.skipped += 1
                continue
            yield item

    for result in pipeline.run(wanted(documents), workers=workers):
        if isinstance(result, Failure):
            summary.failed += 1
            summary.failures.append(result.line())
            on_failure(result.line())
        else:
            outcome = store.upsert(result)
            if outcome == "inserted":
                summary.inserted += 1
            else:
                summary.updated += 1
            if keep_ids:
                summary.ids.append(result.id)
        on_progress()
    if summary.stored >= OPTIMIZE_AFTER:
        store.optimize()
    return summary
