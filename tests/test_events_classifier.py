"""The event clause classifier: a second trigger source for sentences whose verb the lexicon does not list."""
from __future__ import annotations

import numpy as np
import pytest

from communique.events import classifier
from communique.events.lexicon import load_lexicon
from communique.record import Record

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def with_classifier():
    if classifier.load_encoder() is None:
        pytest.skip("the embed extra is not installed (pip install 'communique[embed]')")
    assert classifier.load_classifier() is not None


def _events(text: str):
    from communique.evaluate.events import predict

    return predict([text])[0].events


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_the_shipped_weights_cover_every_plover_type_and_none():
    weights = classifier.load_weights()
    assert weights is not None
    assert set(weights.classes) == PLOVER | {classifier.NONE}
    assert weights.matrix.shape == (len(weights.classes), 2 * 384)  # the verb's vector, then the sentence's


def test_probabilities_are_a_distribution_and_the_threshold_decides():
    classes = ("ASSAULT", "NONE", "AID")
    weights = classifier.Weights(classes, np.eye(3, 4, dtype=np.float32) * 5, np.zeros(3, dtype=np.float32))
    model = classifier.ClauseClassifier(weights, lambda clauses: np.array([[1, 0, 0, 0], [0, 1, 0, 0]],
                                                                          dtype=np.float32))
    probabilities = weights.probabilities(np.array([[1, 0, 0, 0]], dtype=np.float32))
    assert probabilities.sum() == pytest.approx(1.0)
    found = model.classify([("a b", (0, 1)), ("c d", (2, 3))], threshold=0.5)
    assert found[0][0] == "ASSAULT" and found[0][1] > 0.9
    assert found[1] is None  # NONE wins: the best event type stays far below the threshold


def test_an_unlisted_verb_of_violence_is_found_by_the_classifier(with_classifier):
    assert "repel" not in load_lexicon().verbs  # the premise: the lexicon does not know the verb
    events = _events("Ugandan soldiers repelled an incursion by Congolese fighters.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].classifier is not None and events[0].classifier >= classifier.THRESHOLD
    assert events[0].source[0].country == "UGA"
    assert events[0].trigger.text == "repelled"


@pytest.mark.parametrize("text", [
    "The economy of Kenya grew by two percent last year.",
    "Germany exported more cars to China in 2024.",
    "The French president enjoys skiing in the Alps.",
    "Japanese voters elected a new parliament on Sunday.",
    "It includes a new fund for schools in Ghana.",
])
def test_sentences_without_an_interaction_stay_without_events(with_classifier, text):
    assert _events(text) == []


def test_the_verb_s_own_vector_tells_senses_of_one_word_apart(with_classifier):
    """The same verb in two sentences gives two verb vectors (it is read in its context), and a verb's vector
    differs from the vector of another word of the same sentence."""
    encode = classifier.load_encoder()
    fought = "Rebels fought government troops near the border."
    opposed = "Rebels fought the new tax law in the courts."
    rows = encode([(fought, (7, 13)), (opposed, (7, 13)), (fought, _span(fought, "troops"))])
    assert rows.shape == (3, 768)
    assert np.allclose(np.linalg.norm(rows[:, :384], axis=1), 1.0, atol=1e-4)
    assert not np.allclose(rows[0, :384], rows[1, :384], atol=1e-3)
    assert not np.allclose(rows[0, :384], rows[2, :384], atol=1e-3)
    assert np.allclose(rows[0, 384:], rows[2, 384:], atol=1e-5)  # one sentence, one sentence vector
    assert encode([]).shape == (0, 768)


def test_the_anchor_is_the_main_verb_or_what_was_said():
    from communique.events.anchor import clause_of, main_verb
    from communique.nlp import load_model

    nlp = load_model()
    sentence = next(nlp("Chad said its troops had repelled the raiders.").sents)
    verb = main_verb(sentence)
    assert verb is not None and verb.text == "repelled"
    assert clause_of(sentence, verb) == (sentence.text, _span(sentence.text, "repelled"))
    assert main_verb(next(nlp("It was a quiet day in the capital.").sents)) is None


def test_lexicon_events_are_not_marked_as_classified(with_classifier):
    events = _events("Serbia accused Kosovo of provoking the clashes.")
    assert [e.type for e in events] == ["ACCUSE"]
    assert events[0].classifier is None


def test_the_classifier_can_be_turned_off(monkeypatch, with_classifier):
    monkeypatch.setenv(classifier.DISABLE_ENV, "0")
    classifier.load_classifier.cache_clear()
    try:
        assert _events("Ugandan soldiers repelled an incursion by Congolese fighters.") == []
    finally:
        monkeypatch.delenv(classifier.DISABLE_ENV)
        classifier.load_classifier.cache_clear()


def test_the_classifier_field_survives_a_round_trip():
    from communique.record import Event, SentenceRef

    record = Record(id="r", text="x")
    record.events = [Event(type="AID", sentence=SentenceRef(0, 1), classifier=0.42)]
    assert Record.from_dict(record.to_dict()).events[0].classifier == 0.42
