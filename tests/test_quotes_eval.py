"""The PolNeAR scorer: its matching rules on a hand-made gold, and a run over the real dev file."""
from __future__ import annotations

from communique.evaluate.quotes import Prediction, predictions, run, score_line
from communique.record import Quote, Record, Span

TEXT = '"We will build it," Jo Park said. Officials said the road is late. He added nothing.'


def gold(content, source, text=TEXT):
    start = text.index(content)
    spans = [{"start": start, "end": start + len(content), "text": content}]
    sources = []
    if source:
        at = text.index(source)
        sources = [{"start": at, "end": at + len(source), "text": source}]
    return {"type": "Attribution", "source": sources, "cue": [], "content": spans}


def prediction(words, speaker=None, mention=None):
    start = TEXT.index(words)
    mentions = [(TEXT.index(mention), TEXT.index(mention) + len(mention))] if mention else []
    return Prediction(set(range(start, start + len(words))), speaker, mentions)


def test_coverage_over_thirty_percent_matches_one_to_one():
    golds = [gold('"We will build it,"', "Jo Park"), gold("the road is late", "Officials")]
    predicted = [prediction("We will build", "Jo Park"), prediction("We will", "Jo Park"), prediction("road", None)]
    tally = score_line(TEXT, golds, predicted)
    assert (tally.gold, tally.predicted, tally.found) == (2, 3, 1)  # "road" covers 4/16: not found
    assert (tally.direct_gold, tally.direct_found) == (1, 1)
    assert (tally.sourced, tally.source_right) == (1, 1)


def test_source_right_by_overlap_or_surname_but_not_by_pronoun_name():
    text = "He said the plan works."
    pronoun = gold("the plan works", "He", text)
    content = set(range(text.index("the plan"), len(text) - 1))
    by_name = score_line(text, [pronoun], [Prediction(content, "He", [])])
    by_overlap = score_line(text, [pronoun], [Prediction(content, "Jo Park", [(0, 2)])])
    assert by_name.source_right == 0 and by_overlap.source_right == 1


def test_quotes_sharing_a_cue_are_one_prediction():
    record = Record(id="x", text=TEXT)
    cue = Span(25, 29, "said")
    record.quotes = [Quote(Span(1, 8, "We will"), "direct", cue=cue), Quote(Span(9, 17, "build it"), "direct", cue=cue),
                     Quote(Span(40, 50, "x"), "direct")]
    grouped = predictions(record)
    assert len(grouped) == 2
    assert grouped[0].chars == set(range(1, 8)) | set(range(9, 17))


def test_polnear_dev_runs_end_to_end(shared, capsys):
    summary = run(shared / "data" / "quotes" / "polnear" / "polnear_dev.jsonl", limit=2)
    assert set(summary) == {"precision", "recall", "f1", "direct_recall", "source_accuracy"}
    assert all(0.0 <= value <= 1.0 for value in summary.values())
    assert "precision" in capsys.readouterr().out


def test_missing_or_bad_gold_gives_one_line(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit):
        run(tmp_path / "absent.jsonl")
    assert "gold file not found" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('not json\n{"article": "a", "text": "Jo Park said it rains.", "attributions": []}\n')
    run(bad)  # the good line is still scored
    out, err = capsys.readouterr()
    assert "1 articles" in out
    assert "bad.jsonl:1: not a PolNeAR line" in err
