"""Shared fixtures: the real model, the ../shared data (skipped with a reason when absent), temp dirs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared data folder {SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared) -> Path:
    found = sorted((shared / "seed").glob("*.txt"))
    if not found:
        pytest.skip("no seed article in ../shared/seed")
    return found[0]


@pytest.fixture(scope="session")
def seed_record(seed_path):
    """The seed article through the whole pipeline, once per test session."""
    from communique.pipeline import Pipeline
    from communique.sources.files import iter_documents

    (record,) = list(Pipeline().run(iter_documents([str(seed_path)])))
    return record


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get("COMMUNIQUE_TEST_PG")
    if not url:
        pytest.skip("COMMUNIQUE_TEST_PG is not set (scripts/test starts a PostgreSQL server and sets it)")
    return url


@pytest.fixture(scope="session")
def chromium() -> str:
    path = os.environ.get("COMMUNIQUE_CHROMIUM") or ""
    if not path or not Path(path).exists():
        pytest.skip("no Chromium found (scripts/test installs Debian's chromium)")
    return path


def run_pipeline(*documents):
    """The pipeline over in-memory documents; a helper for stage tests."""
    from communique.pipeline import Pipeline

    return list(Pipeline().run(documents))
