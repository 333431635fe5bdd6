"""The quote stage over articles written for these tests, through the real pipeline and model."""
from __future__ import annotations

import pytest

from communique.document import Document
from communique.quotes.direct import find_direct_quotes

from conftest import run_pipeline


def extract(text: str, title: str | None = None):
    fields = {"id": "t", "text": text, "language": "en"}
    if title:
        fields["title"] = title
    (record,) = run_pipeline(Document(origin="test", fields=fields))
    assert not [w for w in record.warnings if "quotes" in w], record.warnings
    return record


def quote_with(record, words):
    found = [q for q in record.quotes if words in q.content.text]
    assert found, f"no quote with {words!r} in {[q.content.text for q in record.quotes]}"
    return found[0]


@pytest.mark.parametrize("opening, closing", [
    ('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"), ("»", "«"),
])
def test_every_quotation_style_gives_the_words_without_marks(opening, closing):
    text = (f"Harbour workers met on Monday.\n\n"
            f"{opening}The new cranes will double what this port can handle{closing}, Maria Lopez said.")
    quote = quote_with(extract(text), "new cranes")
    assert quote.content.text == "The new cranes will double what this port can handle"
    assert quote.kind == "direct"
    assert "Lopez" in quote.speaker
    assert quote.cue.text == "said"


def test_apostrophes_do_not_open_single_quotes():
    found = find_direct_quotes("It’s the mayor’s plan, and the workers’ union won’t back it.")
    assert found == []


def test_interrupted_quote_is_two_quotes_with_one_cue():
    record = extract("“We will not close the mill,” Governor Ellen Brandt said, “and we will hire forty people.”")
    first, second = quote_with(record, "close the mill"), quote_with(record, "forty people")
    assert first is not second
    assert first.cue == second.cue
    assert "Brandt" in first.speaker and "Brandt" in second.speaker


def test_attribution_before_with_colon_and_after():
    record = extract('Mayor Tomas Berg said: "The bridge opens in May." Later the council met.\n\n'
                     '"Nobody will pay a toll on it," Berg added.')
    assert "Berg" in quote_with(record, "bridge opens").speaker
    added = quote_with(record, "pay a toll")
    assert "Berg" in added.speaker and added.cue.text == "added"


def test_speaker_named_at_the_end_of_the_paragraph_before():
    record = extract("The minister spoke after the vote in parliament. Asked about the budget, Anna Kowalski said:\n\n"
                     "“We have the money for the hospitals and we will spend it this year.”")
    quote = quote_with(record, "money for the hospitals")
    assert "Kowalski" in quote.speaker
    assert quote.cue.text == "said"


def test_quote_over_several_paragraphs_and_unclosed_quote():
    text = ("Professor Helen Marsh told the students: “Science moves slowly. It needs patience.\n\n"
            "“Every result must be checked twice before anyone trusts it.\n\n"
            "“That is why we publish our data,” she said.")
    record = extract(text)
    first = quote_with(record, "Science moves slowly")
    assert first.content.text.endswith("It needs patience.")
    assert "Marsh" in first.speaker
    middle = quote_with(record, "checked twice")
    assert middle.speaker == first.speaker
    assert middle.speaker_mention is None and middle.cue is None  # a floating paragraph
    assert "Marsh" in (quote_with(record, "publish our data").speaker or "")


def test_quote_over_paragraphs_attributed_only_at_its_end():
    text = ("The hearing ended late on Thursday.\n\n"
            "“We asked for the documents three times and got nothing back.\n\n"
            "“Now the court will decide,” lawyer Daniel Price said.")
    record = extract(text)
    assert "Price" in quote_with(record, "three times").speaker
    assert "Price" in quote_with(record, "court will decide").speaker


def test_floating_paragraph_continues_the_previous_speaker():
    text = ("Fire chief Robert Hale said the blaze started in a kitchen.\n\n"
            "\"Our crews reached the building in six minutes and saved everyone inside.\"\n\n"
            "The street stayed closed until the evening.")
    floating = quote_with(extract(text), "six minutes")
    assert "Hale" in floating.speaker
    assert floating.cue is None and floating.speaker_mention is None


@pytest.mark.parametrize("sentence, content, cue", [
    ("Senator Paul Adams said that the tax would hurt farmers.", "the tax would hurt farmers", "said"),
    ("Paul Adams told reporters the tax would hurt farmers.", "the tax would hurt farmers", "told"),
    ("According to Paul Adams, the tax would hurt farmers.", "the tax would hurt farmers", "According to"),
    ("Paul Adams urged the council to drop the tax.", "the council to drop the tax", "urged"),
    ("Paul Adams accused the council of hiding the cost of the tax.", "the council of hiding the cost", "accused"),
    ("Paul Adams warned that the tax would hurt farmers.", "the tax would hurt farmers", "warned"),
    ("The tax would hurt farmers, Paul Adams added.", "The tax would hurt farmers", "added"),
])
def test_indirect_speech(sentence, content, cue):
    record = extract("The council debated the new tax on Tuesday. " + sentence)
    quote = quote_with(record, content)
    assert quote.kind == "indirect"
    assert quote.cue.text == cue
    assert "Adams" in quote.speaker


def test_reported_speech_around_a_quoted_phrase_is_mixed():
    record = extract("Paul Adams said the new tax was “a disaster for every farmer in the valley” and should go.")
    quote = quote_with(record, "a disaster")
    assert quote.kind == "mixed"
    assert "should go" in quote.content.text
    assert len([q for q in record.quotes if "disaster" in q.content.text]) == 1


def test_relative_pronoun_speaker_and_shared_subject():
    record = extract("The plan came from Minister Sofia Lind, who urged both parties to sign it. "
                     "Sofia Lind criticised the delay and said that the deal was fair.")
    assert "Lind" in quote_with(record, "both parties to sign").speaker
    assert "Lind" in quote_with(record, "the deal was fair").speaker


def test_unnamed_source_keeps_its_description():
    quote = quote_with(extract("Officials said the road would reopen next week."), "road would reopen")
    assert quote.speaker == "officials"
    assert quote.speaker_entity is None


def test_short_quoted_titles_are_not_quotes():
    record = extract('Paul Adams spoke on "Morning Show" about the budget.')
    assert not [q for q in record.quotes if q.content.text == "Morning Show"]


@pytest.mark.parametrize("title, content, speaker", [
    ('"We are not leaving", Carter: talks in the capital go on', "We are not leaving", "Carter"),
    ("Carter: “We are not leaving the talks”", "We are not leaving the talks", "Carter"),
    ("“We are not leaving,” says Carter", "We are not leaving", "Carter"),
])
def test_headline_quotes(title, content, speaker):
    record = extract("Negotiator James Carter spoke to the press in the capital on Friday.", title=title)
    (quote,) = [q for q in record.quotes if q.field == "title"]
    assert record.title[quote.content.start:quote.content.end] == content == quote.content.text
    assert speaker in quote.speaker


def test_headline_paraphrase_after_a_known_name():
    record = extract("Negotiator James Carter spoke to the press in the capital on Friday.",
                     title="Carter: talks will go on until spring")
    (quote,) = [q for q in record.quotes if q.field == "title"]
    assert quote.kind == "indirect" and quote.content.text == "talks will go on until spring"
    assert "Carter" in quote.speaker
    unknown = extract("The talks went on.", title="Update: talks will go on until spring")
    assert not [q for q in unknown.quotes if q.field == "title"]


def test_transcript_lines_name_their_speaker():
    text = ("Senator Laura Finch appeared on a morning programme on Sunday.\n\n"
            "FINCH: We will not vote for this budget as it stands.\n\n"
            "HOST: Not even with the changes?")
    quote = quote_with(extract(text), "not vote for this budget")
    assert "Finch" in quote.speaker and quote.content.text.startswith("We will not")


@pytest.mark.parametrize("text", [
    'He said "yes and then "no" and then " again "',
    "“ ” „ « » ‘ ’ \" \" \"",
    "\"" * 5001,
    "word " * 5000,
    "“" + "The committee will meet again and the chair said it will vote. " * 400,
    "\n\n\n",
    "Paul said:\n\n",
])
def test_bad_input_never_raises(nlp, text):
    from communique.actors import annotate_entities
    from communique.quotes import annotate_quotes
    from communique.record import Record

    record = Record(id="bad", text=text, title=text[:200])
    doc = nlp(text)
    annotate_entities(record, doc)
    annotate_quotes(record, doc)  # called directly: an exception here fails the test
    for quote in record.quotes:
        assert 0 <= quote.content.start < quote.content.end <= len(record.text)
        assert record.text[quote.content.start:quote.content.end] == quote.content.text


def test_many_unbalanced_marks_are_handled_in_one_pass():
    text = ('a "b ' * 20000) + "\n" + ("“x” " * 20000)
    found = find_direct_quotes(text)
    assert len(found) >= 20000
    assert all(text[q.start:q.end].strip() == text[q.start:q.end] for q in found)


def test_seed_article_quotes(seed_record):
    def speaker_of(words):
        return quote_with(seed_record, words).speaker or ""

    (headline,) = [q for q in seed_record.quotes if q.field == "title"]
    assert headline.speaker == "Mark Rutte"
    assert "Rutte" in speaker_of("normalization brings more stability")
    unclosed = quote_with(seed_record, "To move this dialogue forward")
    assert "Rutte" in unclosed.speaker and "writes" not in unclosed.content.text
    assert "Rutte" in speaker_of("This is the message")
    for words in ("supports the statement", "Serbia and Russia of undermining", "the lack of accountability"):
        assert "Osmani" in speaker_of(words)
    assert "Rutte" in speaker_of("The mandate is")
    assert "Osmani" in speaker_of("because four NATO countries")
    assert "Osmani" in speaker_of("However, this does not mean")
    for quote in seed_record.quotes:  # every span indexes the string it names
        source = seed_record.title if quote.field == "title" else seed_record.text
        for span in (quote.content, quote.cue, quote.speaker_mention):
            assert span is None or source[span.start:span.end] == span.text


def test_organisation_as_speaker():
    record = extract("The World Health Organization said on Monday that the outbreak was slowing.")
    quote = quote_with(record, "the outbreak was slowing")
    assert "World Health Organization" in quote.speaker
    assert quote.speaker_entity is not None


def test_lexicon_decides_by_mined_evidence_then_by_the_hand_made_list():
    from communique.quotes.cues import Lexicon, load_lexicon

    lexicon = Lexicon(frozenset({"say", "warn"}), {("say", "obj"): (50, 0.1), ("endorse", "obj"): (40, 0.6),
                                                   ("warn", "ccomp"): (1, 0.0)}, frozenset())
    assert lexicon.accepts("endorse", "obj")  # mined and mostly an attribution
    assert not lexicon.accepts("say", "obj")  # mined and mostly not
    assert lexicon.accepts("warn", "ccomp")  # too little evidence to overrule the hand-made list
    assert not lexicon.accepts("warn", "obj")  # the list vouches only for clause complements
    assert lexicon.accepts("according to", "according")
    shipped = load_lexicon()
    assert shipped.accepts("say", "ccomp") and shipped.accepts("tell", "ccomp")
    assert len(shipped.lemmas) > 100


def test_descriptions_and_pronouns_resolve_to_the_named_speaker():
    text = ("Defence Minister Karl Holm visited the northern base on Tuesday. "
            "The minister said that the army would buy new trucks.\n\n"
            "Maria Lopez, the mayor of the town, welcomed the visit. She told reporters the base brings jobs.")
    record = extract(text)
    trucks = quote_with(record, "buy new trucks")
    assert trucks.speaker == "Karl Holm" and trucks.speaker_mention.text == "The minister"
    jobs = quote_with(record, "brings jobs")
    assert jobs.speaker == "Maria Lopez" and jobs.speaker_mention.text == "She"
    assert jobs.speaker_entity == next(e.id for e in record.entities if e.name == "Maria Lopez")
