"""The ledger commands end to end: ingest through the real pipeline, query, export, crash and resume."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ledger_samples import db_url, filled_url  # noqa: F401
from typer.testing import CliRunner

from communique.cli import app
from communique.store import open_store

runner = CliRunner()

# Invented articles, one per line, for the ingest tests.
ARTICLES = [
    {"id": f"town-{n}", "title": f"Town hall report {n}", "published": f"2025-05-{n + 1:02d}",
     "text": (f"Mayor Ilse Varga opened session {n} of the town council. \"We will repair the bridge before winter,\" "
              f"Varga said. Councillor Piet Mols accused the mayor of delaying the budget for the {n} schools.")}
    for n in range(6)
]


def cli(*args: str):
    return runner.invoke(app, list(args))


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def counts(url: str) -> dict:
    with open_store(url) as store:
        return store.counts()


def test_ingest_twice_changes_no_counts(db_url, tmp_path):
    source = write_jsonl(tmp_path / "town.jsonl", ARTICLES[:3])
    first = cli("ingest", str(source), "--db", db_url)
    assert first.exit_code == 0, first.output
    after_first = counts(db_url)
    assert after_first["articles"] == 3
    for _ in range(2):
        assert cli("ingest", str(source), "--db", db_url).exit_code == 0
    assert counts(db_url) == after_first
    resumed = cli("ingest", str(source), "--db", db_url, "--skip-existing")
    assert resumed.exit_code == 0 and "3 already stored" in resumed.output


def test_bad_inputs_are_one_line_each_and_the_rest_is_stored(tmp_path):
    db = str(tmp_path / "mixed.db")
    source = tmp_path / "mixed.jsonl"
    source.write_text(json.dumps(ARTICLES[0]) + "\n{not json\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    result = cli("ingest", str(source), "--db", db)
    assert result.exit_code == 1
    assert "mixed.jsonl:2" in result.output and "mixed.jsonl:3" in result.output
    assert "Traceback" not in result.output
    assert counts(db)["articles"] == 1


def test_ingest_without_inputs_or_with_a_bad_db_says_why(tmp_path):
    assert "nothing to ingest" in cli("ingest", "--db", str(tmp_path / "x.db")).output
    result = cli("ingest", str(tmp_path), "--db", str(tmp_path / "missing-folder" / "x.db"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_quotes_as_json_csv_and_table(filled_url):
    result = cli("quotes", "--speaker", "Dushku", "--format", "json", "--db", filled_url)
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.stdout)
    assert len(quotes) == 2 and {q["speaker"] for q in quotes} == {"Elira Dushku"}
    rows = list(csv.DictReader(io.StringIO(cli("quotes", "--type", "direct", "--format", "csv", "--db", filled_url).stdout)))
    assert {r["kind"] for r in rows} == {"direct"} and len(rows) == 2
    table = cli("quotes", "--search", "numbers", "--db", filled_url)
    assert "Tomas Rebane" in table.stdout and "quotes: 1 of 1" in table.stdout


def test_other_listings_and_filters(filled_url):
    events = json.loads(cli("events", "--type", "conflict", "--about", "port", "--format", "json", "--db", filled_url).stdout)
    assert [e["type"] for e in events] == ["ACCUSE"]
    rows = list(csv.DictReader(io.StringIO(cli("events", "--format", "csv", "--db", filled_url).stdout)))
    assert {"source_actors", "target_countries", "cameo"} <= set(rows[0])
    articles = json.loads(cli("articles", "--source", "coastal", "--format", "json", "--db", filled_url).stdout)
    assert [a["id"] for a in articles] == ["port-costs"]
    actors = json.loads(cli("actors", "--country", "EST", "--type", "PERSON", "--format", "json", "--db", filled_url).stdout)
    assert [a["id"] for a in actors] == ["tomas-rebane"]


def test_bad_filters_exit_2_with_one_line(filled_url):
    result = cli("quotes", "--since", "last spring", "--db", filled_url)
    assert result.exit_code == 2 and "since must be a date" in result.output and "Traceback" not in result.output


def test_export_flat_tables(filled_url, tmp_path):
    import pyarrow.parquet as pq

    for kind, expected in (("articles", 3), ("quotes", 4), ("events", 5)):
        target = tmp_path / f"{kind}.parquet"
        result = cli("export", kind, "--format", "parquet", "-o", str(target), "--db", filled_url)
        assert result.exit_code == 0, result.output
        table = pq.read_table(target)
        assert table.num_rows == expected
        assert all(not str(t).startswith(("list", "struct")) for t in table.schema.types)
    jsonl = tmp_path / "quotes.jsonl"
    assert cli("export", "quotes", "--format", "jsonl", "-o", str(jsonl), "--speaker", "rebane", "--db", filled_url).exit_code == 0
    assert [json.loads(line)["speaker"] for line in jsonl.read_text().splitlines()] == ["Tomas Rebane"]
    gdelt = tmp_path / "events.csv"
    assert cli("export", "events", "--layout", "gdelt", "-o", str(gdelt), "--db", filled_url).exit_code == 0
    rows = {r["PLOVERType"]: r for r in csv.DictReader(gdelt.open())}
    assert rows["ACCUSE"]["EventCode"] == "112" and rows["ACCUSE"]["EventRootCode"] == "11"
    assert rows["ACCUSE"]["QuadClass"] == "3" and rows["ACCUSE"]["Actor1Code"] == "ESTGOV"
    assert rows["AGREE"]["SQLDATE"] == "20241205" and rows["AGREE"]["ActionGeo_FullName"] == "Tallinn"
    assert cli("export", "quotes", "--layout", "gdelt", "-o", str(gdelt), "--db", filled_url).exit_code == 2


def test_seed_quotes_by_speaker(shared, seed_path, seed_record, tmp_path):
    db = str(tmp_path / "seed.db")
    assert cli("ingest", str(seed_path.parent), "--db", db).exit_code == 0
    result = cli("quotes", "--speaker", "Osmani", "--format", "json", "--db", db, "--limit", "0")
    listed = json.loads(result.stdout)
    expected = [q.content.text for q in seed_record.quotes if q.speaker and "osmani" in q.speaker.lower()]
    assert [q["text"] for q in listed] == expected
    assert all("Osmani" in q["speaker"] for q in listed)


def test_killed_ingest_loses_nothing_on_rerun(tmp_path):
    db = str(tmp_path / "killed.db")
    source = write_jsonl(tmp_path / "town.jsonl", ARTICLES)
    command = [sys.executable, "-c", "from communique.cli import main; main()", "ingest", str(source), "--db", db]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if Path(db).exists() and counts(db)["articles"] >= 1:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = counts(db)
    assert partial["articles"] <= len(ARTICLES)
    with open_store(db) as store:  # what was committed is whole: each stored article has its quotes
        for item in store.articles(limit=0).items:
            assert item["quote_count"] == len(store.quotes(store_filters(article=item["id"]), limit=0).items)
    assert cli("ingest", str(source), "--db", db).exit_code == 0
    assert counts(db)["articles"] == len(ARTICLES)


def store_filters(**values):
    from communique.store import make_filters

    return make_filters(**values)


def test_ingest_passes_urls_feeds_and_the_private_switch_to_the_sources(monkeypatch, tmp_path):
    import communique.sources

    seen = {}

    def fake_inputs(inputs, urls_file=None, feeds=(), allow_private=False):
        seen.update(inputs=list(inputs), urls_file=urls_file, feeds=list(feeds), allow_private=allow_private)
        return iter(())

    monkeypatch.setattr(communique.sources, "iter_inputs", fake_inputs)
    result = cli("ingest", "--urls", "list.txt", "--feed", "a.xml", "--feed", "b.xml", "--allow-private",
                 "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0, result.output
    assert seen == {"inputs": [], "urls_file": "list.txt", "feeds": ["a.xml", "b.xml"], "allow_private": True}
