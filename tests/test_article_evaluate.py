"""The NAEB scorer: its normalisations, and a short run of the real command on the shared gold set."""
import subprocess
import sys
from pathlib import Path

from communique.evaluate.articles import (Prediction, Scores, author_set, date_part, normalise_title,
                                          split_gold_authors, word_f1)


def test_titles_are_compared_by_case_punctuation_and_space_only():
    assert normalise_title("Storm hits  the COAST!") == normalise_title("storm hits the coast")
    assert normalise_title("Storm hits the coast | Times") != normalise_title("Storm hits the coast")


def test_gold_authors_split_on_commas_keeping_degree_suffixes():
    assert split_gold_authors("Jane Roe,  John Doe ,") == ["Jane Roe", "John Doe"]
    assert split_gold_authors("Robert Lee, Ph.D.") == ["Robert Lee, Ph.D."]
    assert split_gold_authors("") == []
    assert author_set(["Jane  ROE"]) == author_set(["jane roe"])


def test_dates_compare_by_day_and_body_by_word_f1():
    assert date_part("2023-12-21T19:05:00-05:00") == "2023-12-21"
    assert date_part("NaT") is None
    assert word_f1("the harbour reopened", "the harbour reopened") == 1.0
    assert 0 < word_f1("the harbour reopened today", "the harbour reopened") < 1
    scores = Scores("x")
    page = scores.add({"title": "A b", "date": "2023-01-02", "authors": "Jane Roe", "articleBody": "a b c"},
                      Prediction(title="a B.", date="2023-01-02T10:00:00", authors=["jane roe"], body="a b c"))
    assert page == {"title": 1.0, "date": 1.0, "authors": 1.0, "body": 1.0}


def test_command_on_a_few_naeb_pages(shared):
    gold = shared / "data" / "articles" / "naeb" / "articles.json"
    communique = Path(sys.executable).parent / "communique"
    result = subprocess.run([str(communique), "evaluate", "articles", "--gold", str(gold), "--limit", "5"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:5] for line in result.stdout.splitlines()[2:]}
    assert set(rows) == {"communique", "trafilatura"}
    for values in rows.values():
        assert all(0.0 <= float(v) <= 1.0 for v in values)
