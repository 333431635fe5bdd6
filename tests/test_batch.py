"""`communique batch`: shards of WARC and JSON Lines files through the one pipeline, on local processes and on a
local Ray instance, give exactly the records `extract` gives on the same inputs; failures are recorded, not fatal;
finished shards are not redone."""
from __future__ import annotations

import json
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.record import Record
from communique.scale.output import SCHEMA, read_records
from communique.scale.runner import run_batch
from communique.sources.warc import Response, write_warc
from test_warc import page_responses

NOTES = [
    {"id": "note-1", "url": "https://gazette.example/bridge", "title": "Bridge reopens after repairs",
     "text": "The old stone bridge over the Mura reopened on Friday after eight months of repairs. "
             "\"The town feels whole again,\" said mayor Ilse Varga at the ceremony."},
    {"id": "note-2", "text": "The regional orchestra announced on Monday that its winter season will include "
                             "four new works by local composers, its director Jonas Pell said."},
]


@pytest.fixture
def corpus(tmp_path):
    """A folder with a good WARC (plus records to skip), a truncated WARC, and a JSON Lines file with one bad line."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    pages = page_responses()
    write_warc(folder / "crawl-a.warc.gz", [pages[0], Response("https://courier.example/missing", b"gone", status=404),
                                            pages[1]])
    whole = tmp_path / "whole.warc.gz"
    corrected = Response("https://courier.example/news/harbour-ferry-terminal-corrected",
                         pages[0].body.replace(b"on Wednesday", b"on Thursday"))
    write_warc(whole, [pages[2], corrected, pages[1]])
    data = whole.read_bytes()
    (folder / "crawl-b.warc.gz").write_bytes(data[: len(data) - 300])
    (folder / "notes.jsonl").write_text(json.dumps(NOTES[0]) + "\n{not json\n" + json.dumps(NOTES[1]) + "\n")
    return folder


def extract_records(*inputs) -> dict[str, dict]:
    result = CliRunner().invoke(app, ["extract", *map(str, inputs)])
    return {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}


def batch_records(out) -> dict[str, dict]:
    return {r.id: r.to_dict() for r in read_records(out)}


def errors(out) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]


def test_local_batch_gives_the_records_extract_gives(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    report = run_batch([str(corpus)], out, engine="local", workers=1)
    expected = extract_records(corpus)
    assert len(expected) == 6  # 2 + 2 (the truncated archive's last page lost) + 2 notes
    assert batch_records(out) == expected
    assert (report.shards, report.completed, report.records, report.failures) == (3, 3, 6, 2)
    problems = errors(out)
    assert any("crawl-b.warc.gz" in e["origin"] and "truncated" in e["problem"] for e in problems)
    assert any(e["origin"].endswith("notes.jsonl:2") and "malformed JSON" in e["problem"] for e in problems)


def test_parquet_shards_have_columns_and_the_full_record(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    run_batch([str(corpus)], out)
    table = pq.read_table(out / "records")
    assert table.schema.names == SCHEMA.names and table.num_rows == 6
    row = next(r for r in table.to_pylist() if r["id"] == "note-1")
    assert (row["url"], row["title"]) == ("https://gazette.example/bridge", "Bridge reopens after repairs")
    record = Record.from_dict(json.loads(row["record"]))
    assert record.to_dict() == json.loads(row["record"])  # round-trips
    assert row["quotes"] == len(record.quotes) >= 1
    warc_row = next(r for r in table.to_pylist() if r["url"] == "https://herald.example/local/libraries-sunday-opening")
    assert warc_row["authors"] == ["Owen Castellan"] and warc_row["path"].endswith("crawl-a.warc.gz")


def test_done_shards_are_not_redone_and_unfinished_ones_are(corpus, tmp_path, nlp, monkeypatch):
    from communique.scale import output

    out = tmp_path / "out"
    real_write = output.ShardFiles.write

    def write_failing_for_notes(self, rows, failures, summary):
        if "notes" in summary["shard"]:
            raise OSError("disk full (simulated)")
        return real_write(self, rows, failures, summary)

    monkeypatch.setattr(output.ShardFiles, "write", write_failing_for_notes)
    first = run_batch([str(corpus)], out)
    assert first.completed == 2 and [s["shard"].startswith("notes") for s in first.failed_shards] == [True]
    assert "disk full" in first.failed_shards[0]["error"]
    monkeypatch.setattr(output.ShardFiles, "write", real_write)
    done_before = {p.name: p.stat().st_mtime_ns for p in (out / "records").glob("*.parquet")}
    second = run_batch([str(corpus)], out)
    assert (second.skipped_done, second.completed, second.records) == (2, 1, 2)
    assert all((out / "records" / name).stat().st_mtime_ns == mtime for name, mtime in done_before.items())
    third = run_batch([str(corpus)], out)
    assert (third.skipped_done, third.completed) == (3, 0)
    assert len(batch_records(out)) == 6 and len(errors(out)) == 2  # errors gathered from every shard


def test_local_processes_give_the_same_records(corpus, tmp_path, nlp):
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch([str(corpus)], one, workers=1)
    report = run_batch([str(corpus)], two, workers=2)
    assert report.workers == 2 and batch_records(two) == batch_records(one)


def test_batch_command(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(corpus), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 shards, 0 already done, 3 to run on local" in result.stderr
    assert "crawl-a.warc.gz" in result.stderr and "WARC 2 HTML, 1 not 200" in result.stderr
    assert "6 records, 2 inputs failed" in result.stderr
    again = CliRunner().invoke(app, ["batch", str(corpus), "--output", str(out)])
    assert "3 already done, 0 to run" in again.stderr and again.exit_code == 0
    missing = CliRunner().invoke(app, ["batch", str(tmp_path / "absent"), "--output", str(out)])
    assert missing.exit_code == 0 and any("absent" in e["origin"] for e in errors(out))


def test_batch_command_rejects_bad_options_in_one_line(corpus, tmp_path, monkeypatch):
    bad = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "o"), "--engine", "spark"])
    assert bad.exit_code == 2 and "unknown engine 'spark'" in bad.stderr
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    no_ray = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "o"), "--engine", "ray"])
    assert no_ray.exit_code == 2 and "pip install 'communique[ray]'" in no_ray.stderr
    assert "Traceback" not in no_ray.output


def test_batch_copies_records_to_a_store(corpus, tmp_path, nlp):
    from communique.store import open_store

    db = tmp_path / "news.db"
    report = run_batch([str(corpus)], tmp_path / "out", db=str(db))
    assert report.stored == 6
    with open_store(str(db)) as store:
        stored = store.get_record("note-1")
    assert stored is not None and stored.title == "Bridge reopens after repairs"


@pytest.fixture(scope="module")
def ray_instance():
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'communique[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=128 * 1024 * 1024)
    yield ray
    ray.shutdown()


def test_ray_batch_gives_the_records_extract_gives(corpus, tmp_path, nlp, ray_instance):
    out = tmp_path / "ray"
    report = run_batch([str(corpus)], out, engine="ray", workers=2)
    assert report.workers == 2 and report.completed == 3
    assert batch_records(out) == extract_records(corpus)
    assert len(errors(out)) == 2
    again = run_batch([str(corpus)], out, engine="ray", workers=2)
    assert (again.skipped_done, again.completed) == (3, 0)


def test_shards_are_container_files_and_groups_of_loose_pages(tmp_path, monkeypatch):
    from communique.scale import shards as shards_module
    from communique.scale.shards import plan_shards
    from test_urls_server import WEB

    folder = tmp_path / "mixed"
    (folder / "pages").mkdir(parents=True)
    for name in ("harbour.html", "library.html", "orchard.html"):
        (folder / "pages" / name).write_bytes((WEB / name).read_bytes())
    (folder / "notes.jsonl").write_text(json.dumps(NOTES[0]) + "\n")
    write_warc(folder / "crawl.warc.gz", page_responses()[:1])
    (folder / ".hidden.html").write_text("<p>not read</p>")
    monkeypatch.setattr(shards_module, "FILES_PER_SHARD", 2)
    planned, problems = plan_shards([str(folder), str(folder / "notes.jsonl"), str(tmp_path / "nowhere")])
    assert sorted(len(s.paths) for s in planned) == [1, 1, 1, 2]  # the jsonl named twice is one shard
    assert [p.origin for p in problems] == [str(tmp_path / "nowhere")]
    assert [s.name for s in plan_shards([str(folder)])[0]] == [s.name for s in planned]  # stable names
    assert not any(".hidden" in path for s in planned for path in s.paths)
