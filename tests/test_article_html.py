"""HTML metadata beyond trafilatura's guesses, on small pages written for these tests."""
from pathlib import Path

import pytest

from communique.article.bylines import clean_authors
from communique.article.dates import normalise_date
from communique.article.html import read_html
from communique.article.titles import strip_site_affixes
from communique.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
URL = "https://www.mardengazette.example/business/2024/09/17/glassworks"


def read(name: str, url: str | None = URL):
    return read_html((FIXTURES / name).read_text(encoding="utf-8"), record_id=name, url=url, origin=name)


def test_title_without_site_name_and_people_without_the_publisher():
    record = read("jsonld-people-and-publisher.html")
    assert record.title == "Glassworks in Marden to close after 140 years"
    assert record.authors == ["Hannah Clarke", "Owen Price"]  # the Organization author and meta author dropped
    assert record.published == "2024-09-17T08:00:00+01:00"
    assert record.source.name == "The Marden Gazette"
    assert record.source.domain == "mardengazette.example"
    assert record.text.startswith("The Marden glassworks, which has made bottles")
    assert "Privacy" not in record.text and "Home" not in record.text


def test_kicker_logo_heading_byline_element_and_time():
    record = read("kicker-byline-time.html", url=None)
    assert record.title == "Our town needs its night buses back"
    assert record.authors == ["Rosa Delgado", "Tom Whitfield"]
    assert record.published == "2025-02-28T07:30:00-05:00"
    assert record.source.name == "Lakeside Herald"
    assert record.source.domain is None
    assert "newsletter" not in record.text


def test_page_without_an_article_is_refused():
    with pytest.raises(BadInput, match="no article"):
        read("no-article.html")


@pytest.mark.parametrize("title, expected", [
    ("Harbour reopens after storm | The Coast Times", "Harbour reopens after storm"),
    ("Harbour reopens after storm - The Coast Times", "Harbour reopens after storm"),
    ("The Coast Times - Harbour reopens after storm", "Harbour reopens after storm"),
    ("Opinion | Why the harbour must stay public", "Why the harbour must stay public"),
    ("Harbour reopens after storm | News | The Coast Times", "Harbour reopens after storm"),
    ("Mayor says yes - and the council says no to the harbour plan",
     "Mayor says yes - and the council says no to the harbour plan"),
    ("Twenty-one boats lost in storm", "Twenty-one boats lost in storm"),
])
def test_site_affixes(title, expected):
    assert strip_site_affixes(title, ["The Coast Times"], "coasttimes.example") == expected


@pytest.mark.parametrize("raw, expected", [
    (["By Jane Roe and John Doe"], ["Jane Roe", "John Doe"]),
    (["Jane Roe, John Doe"], ["Jane Roe", "John Doe"]),
    (["Jane Roe, Ph.D."], ["Jane Roe, Ph.D."]),
    (["Jane Roe", "Jane Roe The Coast Times"], ["Jane Roe"]),
    (["Jane Roe", "Associated Press"], ["Jane Roe"]),
    (["Associated Press"], ["Associated Press"]),
    (["The Coast Times"], []),
    (["Coast Times Staff"], []),
    (["View all posts by Jane Roe"], ["Jane Roe"]),
    (["Jon Talton Columnist"], ["Jon Talton"]),
    (["https://example.org/jane", "(Image: Getty)", "Share"], []),
])
def test_author_lists(raw, expected):
    assert clean_authors(raw, ["The Coast Times"], "coasttimes.example") == expected


@pytest.mark.parametrize("raw, expected", [
    ("2025-03-11 20:46:00", "2025-03-11T20:46:00"),
    ("2023-12-21T19:05:00Z", "2023-12-21T19:05:00+00:00"),
    ("2023-12-21", "2023-12-21"),
    ("March 4, 2024", "2024-03-04"),
    ("03.04.2025 10:00", "2025-04-03T10:00:00"),
    ("not a date", None),
])
def test_dates(raw, expected):
    assert normalise_date(raw) == expected


def test_date_printed_under_the_headline_counts_as_a_source():
    from communique.article.dates import printed_date

    assert printed_date("By Jane Roe Updated Dec. 19, 2023, 5:02 p.m.") == "2023-12-19"
    assert printed_date("Published 19 December 2023") == "2023-12-19"
    assert printed_date("Season 2023 review") is None
    html = ("<html><head><title>Ferry strike ends</title></head><body><h1>Ferry strike ends</h1>"
            "<p class='meta'>March 3, 2025</p><p>The ferry crews returned to work on Monday after the company "
            "and the union agreed on a new contract for the coming year.</p></body></html>")
    assert read_html(html, record_id="f", url=None, origin="f").published == "2025-03-03"


def test_headline_agreeing_with_the_meta_title_and_a_media_tag_dropped():
    html = ("<html><head><title>Opinion | Ferry crews deserve their raise - Coast News</title>"
            "<meta property='og:site_name' content='Coast News'></head><body>"
            "<h1><span>Opinion</span> Ferry crews deserve their raise</h1><p>The ferry crews kept the islands "
            "connected through the worst winter in memory, and the company should pay them for it.</p>"
            "<h2>Related</h2></body></html>")
    assert read_html(html, record_id="o", url=None, origin="o").title == "Ferry crews deserve their raise"
    video = ("<html><head><title>Harbour seal rescued (video)</title></head><body><h1>Harbour seal rescued "
             "(video)</h1><p>Volunteers freed a young seal that was caught in a fishing net near the pier on "
             "Sunday morning.</p></body></html>")
    assert read_html(video, record_id="v", url=None, origin="v").title == "Harbour seal rescued"
