"""Sentences never run across paragraphs; hard-wrapped lines inside a sentence do not split it."""


def test_a_blank_line_ends_the_sentence_and_a_closing_quote_stays_with_its_own(nlp):
    doc = nlp('The mayor said: "We will reopen the bridge in May."\n\nMeanwhile the council met without her')
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[-1] == "Meanwhile the council met without her"
    assert sentences[-2].endswith('May."')


def test_a_wrapped_line_inside_a_sentence_does_not_split_it(nlp):
    doc = nlp("The harbour workers of the northern port said on Tuesday that the\nstrike would continue until Friday.")
    assert len(list(doc.sents)) == 1
