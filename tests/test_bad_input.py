"""Bad input through the real command: one line on stderr per bad input, naming it and the problem; no
traceback; the good inputs in the same batch still give records; exit status 1."""
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GOOD_PAGE = ("Harbour reopens after the storm\n\nBy Jane Roe\n2024-05-02 09:00 | Local\n\n"
             "The harbour reopened on Thursday after three days of repairs, the port office said.\n\n"
             "\"Boats can sail again,\" the harbour master, Tom Reed, told reporters.\n")
GOOD_LINE = {"id": "good-line", "text": "The council agreed on the budget on Monday, the mayor said."}


def communique() -> str:
    found = Path(sys.executable).parent / "communique"
    return str(found) if found.exists() else (shutil.which("communique") or pytest.skip("communique not installed"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([communique(), "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    files = {
        "good.txt": GOOD_PAGE.encode("utf-8"),
        "empty.txt": b"",
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        "latin1.txt": "Caf\u00e9 owners protest\n\nThe caf\u00e9 owners of the old town said on Monday "
                      "they would close for a day.\n".encode("latin-1"),
        "truncated.txt.gz": gzip.compress(GOOD_PAGE.encode("utf-8"))[:-12],
        "lines.jsonl": "\n".join([json.dumps(GOOD_LINE), '{"id": "broken", "text": "no closing brace"',
                                  json.dumps({**GOOD_LINE, "id": "after-broken"})]).encode("utf-8"),
        "nav-only.html": (b"<!doctype html><html><head><title>Home | Town Radio</title></head><body><nav>"
                          b"<a href='/'>Home</a> <a href='/news'>News</a></nav><footer>Contact</footer></body></html>"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as stream:  # 50 MB of text
        chunk = b"The council met again today and talked for a long time. " * 1000
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(chunk)
    # Under the byte limit but far longer than any article: refused before the parser sees it.
    (folder / "long.txt").write_text("Headline\n\n" + ("The council talked about the budget again. " * 300 + "\n\n") * 100,
                                     encoding="utf-8")
    order = ["good.txt", "empty.txt", "photo.png", "huge.txt", "long.txt", "latin1.txt", "truncated.txt.gz", "lines.jsonl",
             "nav-only.html"]
    result = run(*order, cwd=folder)
    return result


EXPECTED = {
    "empty.txt": "empty",
    "photo.png": "binary",
    "huge.txt": "too large",
    "long.txt": "too long",
    "latin1.txt": "undecodable",
    "truncated.txt.gz": "gzip",
    "lines.jsonl:2": "malformed JSON",
    "nav-only.html": "no article",
}


def test_exit_status_is_one_when_any_input_failed(batch):
    assert batch.returncode == 1


def test_one_line_per_bad_input_naming_it_and_the_problem(batch):
    lines = [line for line in batch.stderr.splitlines() if line.strip()]
    assert "Traceback" not in batch.stderr
    assert len(lines) == len(EXPECTED), batch.stderr
    for name, problem in EXPECTED.items():
        matching = [line for line in lines if f"{name}:" in line]
        assert len(matching) == 1, (name, batch.stderr)
        assert problem.lower() in matching[0].lower(), matching[0]


def test_good_inputs_in_the_same_batch_still_give_records(batch):
    records = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [r["id"] for r in records][1:] == ["good-line", "after-broken"]  # a bad line loses only that line
    page = records[0]
    assert page["title"] == "Harbour reopens after the storm"
    assert page["authors"] == ["Jane Roe"]
    assert page["text"].startswith("The harbour reopened on Thursday")


def test_exit_status_is_zero_when_all_inputs_gave_records(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    result = run("good.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["authors"] == ["Jane Roe"]
    assert result.stderr.strip() == ""


def test_help_documents_the_exit_status():
    result = subprocess.run([communique(), "extract", "--help"], capture_output=True, text=True, timeout=120)
    assert "Exit status" in result.stdout and "1 when any input failed" in " ".join(result.stdout.split())
