"""The web pages in a real headless Chromium: search a speaker, open the article, see the quote highlighted.

The server is the real app under uvicorn on a free 127.0.0.1 port; the browser is the system's Chromium
driven by Playwright (no browser download). Markup inside article text must show as text, and pages must be
readable with JavaScript off and load nothing from other origins.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest
from ledger_samples import db_url, filled_url  # noqa: F401

from communique.store import open_store
from communique.web import create_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(filled_url):
    import uvicorn

    store = open_store(filled_url)
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture
def browser(chromium):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True,
                                              args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield launched
        launched.close()


def test_search_a_speaker_open_the_article_see_the_quote(server, browser):
    page = browser.new_page()
    foreign = []
    page.on("request", lambda request: None if request.url.startswith(server) else foreign.append(request.url))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/")
    page.fill("input[name=speaker]", "Rebane")
    page.click("form.search button")
    page.wait_for_url("**/?*speaker=Rebane*")
    assert "Quotes found: 1" in page.inner_text("main")
    page.click("li.quote-item a[href*='/articles/']")
    page.wait_for_url("**/articles/port-costs*")
    mark = page.locator("mark.quote[data-quote]").first
    assert mark.is_visible()
    assert mark.get_attribute("title").startswith("Tomas Rebane")
    assert "<script>alert('x')</script>" in mark.inner_text()  # shown as words, never run
    assert page.locator("main script").count() == 0 and dialogs == []
    assert "Mayor <em>doubts</em> port costs" in page.inner_text("h1")
    assert foreign == []


def test_every_quote_on_an_article_page_names_its_speaker(server, browser):
    page = browser.new_page()
    page.goto(server + "/articles/harbour-talks")
    titles = [m.get_attribute("title") for m in page.locator("mark.quote[data-quote]").all()]
    assert titles == ["Elira Dushku (indirect quote)", "Elira Dushku (direct quote)"]
    assert page.locator(".event-sentence").count() >= 2
    assert "REQUEST" in page.inner_text("table.events")


def test_pages_read_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/actors/elira-dushku")
    timeline = page.inner_text("ol.timeline")
    assert "We will not walk away from the table," in timeline and "CONSULT" in timeline
    page.goto(server + "/graph")
    assert page.locator("svg#graph line.edge").count() == 5
    assert "European Union" in page.inner_text("table.relations")
    page.click("svg#graph a.node[data-id='serbia']")
    page.wait_for_url("**/actors/serbia")
    assert page.inner_text("h1") == "Serbia"
    context.close()
