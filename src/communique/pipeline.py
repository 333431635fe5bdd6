"""The one pipeline: documents -> article records -> parsed -> annotated records.

The CLI, the store, the web app and the batch runners all call `Pipeline.run`; none keeps a copy of it.
Work is done in batches so that spaCy parses with `nlp.pipe`; with `workers > 1` batches go to local
processes, each loading the model once, and results come back in input order.
"""
from __future__ import annotations

import multiprocessing
from itertools import islice
from typing import Iterable, Iterator

from .article import read_article
from .document import Document, Failure
from .errors import BadInput
from .nlp import load_model
from .record import Record

BATCH_SIZE = 8
Result = Record | Failure


class Pipeline:
    def __init__(self, analyse: bool = True):
        self.analyse = analyse
        self._stages = None

    @property
    def stages(self):
        if self._stages is None:
            from .stages import default_stages

            self._stages = default_stages()
        return self._stages

    def run(self, items: Iterable[Document | Failure], workers: int = 1) -> Iterator[Result]:
        batches = _batched(items, BATCH_SIZE)
        if workers <= 1:
            for batch in batches:
                yield from self.process_batch(batch)
            return
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_init_worker, initargs=(self.analyse,)) as pool:
            for results in pool.imap(_process_in_worker, batches):
                yield from results

    def process_batch(self, batch: list[Document | Failure]) -> list[Result]:
        results: list[Result] = []
        for item in batch:
            results.append(item if isinstance(item, Failure) else self._read(item))
        if self.analyse:
            self._analyse([r for r in results if isinstance(r, Record)])
        return results

    def process_one(self, document: Document) -> Result:
        return self.process_batch([document])[0]

    @staticmethod
    def _read(document: Document) -> Result:
        try:
            return read_article(document)
        except BadInput as error:
            return Failure(error.origin, error.problem)
        except Exception as error:  # a bug must not stop the batch: report it as this input's failure
            return Failure(document.origin, f"internal error while reading ({type(error).__name__}: {error})")

    def _analyse(self, records: list[Record]) -> None:
        english = [r for r in records if r.language in ("en", None)]
        if not english:
            return
        nlp = load_model()
        for record, doc in zip(english, nlp.pipe(r.text for r in english)):
            for name, stage in self.stages:
                try:
                    stage(record, doc)
                except Exception as error:  # keep the record and what earlier stages found
                    record.warnings.append(f"{name} stage failed: {type(error).__name__}: {error}")


_worker_pipeline: Pipeline | None = None


def _init_worker(analyse: bool) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(analyse=analyse)
    if analyse:
        load_model()
        _worker_pipeline.stages  # import the stages once, before the first batch


def _process_in_worker(batch: list[Document | Failure]) -> list[Result]:
    assert _worker_pipeline is not None
    return _worker_pipeline.process_batch(batch)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
