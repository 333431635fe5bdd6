"""The plain-text page reader on pages written for these tests: bylines in several languages, date lines,
sections, credits, and the site's menu lines dropped without losing real paragraphs."""
from pathlib import Path

import pytest

from communique.article.textpage import is_menu_line, read_text_page

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def read(name: str):
    return read_text_page((FIXTURES / name).read_text(encoding="utf-8"), record_id=name)


@pytest.mark.parametrize(
    "name, authors, published, section",
    [
        ("polish-byline-menu.txt", ["Anna Nowak"], "2024-03-12T14:05:00", "Region"),
        ("bosnian-byline-colon.txt", ["Emir Hodžić"], "2024-06-05T10:15:00", "Vijesti"),
        ("spanish-two-authors.txt", ["María López", "Juan Pérez"], "2024-03-04", None),
        ("hard-wrapped.txt", ["Sean Gallagher"], "2023-11-30", None),
        ("no-byline-wire-credit.txt", [], None, None),
    ],
)
def test_header_lines_become_metadata(name, authors, published, section):
    record = read(name)
    assert record.authors == authors
    assert record.published == published
    assert record.section == section
    first_line = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[0]
    assert record.title == first_line
    # Neither the headline nor the byline or date line is left in the body.
    assert not record.text.startswith(first_line)
    for author in authors:
        assert author not in record.text.split("\n\n")[0][:40]


def test_credit_in_parentheses_is_taken_out_of_the_last_paragraph():
    record = read("polish-byline-menu.txt")
    assert record.source.credit == "Radio Wrzosowo"
    assert record.text.endswith("The regional government paid for most of the work.")


def test_wire_credit_alone():
    record = read("no-byline-wire-credit.txt")
    assert record.source.credit == "AFP"
    assert record.text.endswith("reconnected by the evening.")


def test_menu_and_promo_lines_are_dropped_but_paragraphs_stay():
    record = read("polish-byline-menu.txt")
    paragraphs = record.text.split("\n\n")
    assert len(paragraphs) == 3
    for furniture in ("Read more", "Wrzosowo24 Live", "Najnowsze wiadomości", "Share"):
        assert furniture not in record.text
    assert paragraphs[1].startswith('"This bridge joins')


def test_a_sentence_starting_with_by_is_not_a_byline_and_a_subheading_stays():
    record = read("sentence-not-byline.txt")
    assert record.authors == []
    assert record.text.startswith("By the end of the month")
    paragraphs = record.text.split("\n\n")
    assert "Longer hours for everyone" in paragraphs  # a short line inside the body is not trailing menu
    assert paragraphs[-1] == '"We listened, and we acted," Adeyemi said.'


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    record = read("hard-wrapped.txt")
    paragraphs = record.text.split("\n\n")
    assert len(paragraphs) == 2
    assert "early this week as fuel prices" in paragraphs[0]


def test_outlet_named_in_the_text_and_in_a_menu_line():
    page = ("Ferry service resumes\n\nBy Jane Roe\n\nThe ferry to the islands sailed again on Monday, "
            "writes Harbour Radio.\n\nThe operator said repairs were finished.\n\nHarbour Radio Live\n\nLatest Videos\n")
    record = read_text_page(page, record_id="p")
    assert record.source.name == "Harbour Radio"
    assert record.text.endswith("repairs were finished.")


def test_no_outlet_is_guessed_without_evidence():
    assert read("no-byline-wire-credit.txt").source.name is None


@pytest.mark.parametrize("line, expected", [
    ("Live Updates", True), ("Latest Videos", True), ("A2 CNN Livestream", True), ("Read more", True),
    ("Share", True), ("The minister resigned on Friday.", False),
    ('"We will not give up," she said.', False), ("Officials confirmed the figures:", False),
])
def test_menu_lines(line, expected):
    assert is_menu_line(line) is expected


def test_byline_words_in_other_languages():
    for byline, name in [("By Jane Roe", "Jane Roe"), ("Nga: Arben Krasniqi", "Arben Krasniqi"),
                         ("Autor: Jan Novák", "Jan Novák"), ("Von Katrin Albers", "Katrin Albers"),
                         ("Par Claire Dubois", "Claire Dubois"), ("Di Marco Rossi", "Marco Rossi"),
                         ("Reporting by Sam Lee", "Sam Lee")]:
        record = read_text_page(f"Headline here\n\n{byline}\n\nThe body of the article is one sentence long.\n",
                                record_id="b")
        assert record.authors == [name], byline
        assert record.text == "The body of the article is one sentence long."


def test_a_page_of_only_short_lines_keeps_them_as_text():
    record = read_text_page("Notice\n\nOffice closed\n\nBack on Monday\n", record_id="n")
    assert record.title == "Notice"
    assert "Office closed" in record.text


def test_a_page_without_headline_keeps_its_first_paragraph_in_the_body():
    paragraph = ("The harbour reopened on Thursday after three days of repairs, and the first ferry left for the "
                 "islands at noon with more than two hundred passengers on board, most of them families who had "
                 "waited since the weekend to get home.")
    record = read_text_page(f"{paragraph}\n\nThe port office said the repairs cost less than expected.\n", record_id="h")
    assert record.title is None
    assert record.text.startswith("The harbour reopened on Thursday")


def test_byline_and_date_on_one_line():
    record = read_text_page("Ferry strike ends\n\nBy Jane Roe | March 3, 2025\n\nThe ferry crews returned to work "
                            "on Monday, the union said.\n", record_id="d")
    assert record.authors == ["Jane Roe"]
    assert record.published == "2025-03-03"
    assert record.text == "The ferry crews returned to work on Monday, the union said."
