"""Scoring the event stage against gold lines: types per sentence, source agreement, sentences without events."""
from types import SimpleNamespace

from communique.evaluate.events import gold_type, score


def _record(*events):
    return SimpleNamespace(events=[SimpleNamespace(type=kind, source=sources) for kind, sources in events])


def _actor(country=None, sector=None):
    return SimpleNamespace(country=country, sector=sector)


def test_gold_type_reads_both_layouts_and_none():
    assert gold_type({"event_plover2": "ASSAULT", "event_v05": "FIGHT"}) == "ASSAULT"
    assert gold_type({"event": "protest"}) == "PROTEST"
    assert gold_type({"event": "NONE"}) is None
    assert gold_type({"text": "no label at all"}) is None


def test_a_prediction_on_a_sentence_without_event_is_a_false_positive():
    gold = [
        {"event": "ACCUSE", "source": [{"text": "Ruritania", "code": "RUR", "sector": "GOV"}]},
        {"event": "NONE", "source": []},
        {"event": "NONE", "source": []},
    ]
    records = [_record(("ACCUSE", [_actor("RUR")])), _record(("THREATEN", [])), _record()]
    result = score(gold, records)
    assert result["micro"]["tp"] == 1 and result["micro"]["fp"] == 1 and result["micro"]["fn"] == 0
    assert result["without_event"] == 2 and result["kept_without_event"] == 1
    assert result["source_matched"] == 1 and result["source_agreement"] == 1.0


def test_source_agreement_falls_back_to_the_sector_for_organisations():
    gold = [{"event_plover2": "REQUEST", "source": [{"text": "the alliance", "code": "IGO", "sector": None}]},
            {"event_plover2": "REQUEST", "source": [{"text": "Freedonia", "code": "FRE", "sector": "GOV"}]}]
    records = [_record(("REQUEST", [_actor(None, "IGO")])), _record(("REQUEST", [_actor("SYL", "MIL")]))]
    result = score(gold, records)
    assert result["source_matched"] == 2 and result["source_agreement"] == 0.5
