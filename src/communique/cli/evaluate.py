"""`communique evaluate articles|quotes|events`: score against gold sets, with peers measured alongside."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Score communique against gold sets.", no_args_is_help=True)


@app.command("articles")
def evaluate_articles(
    gold: Path = typer.Option(..., help="NAEB articles.json (its html/ folder beside it)."),
    limit: Optional[int] = typer.Option(None, help="Score only the first N pages."),
) -> None:
    """Title-exact, date, authors-exact and body word-F1, with trafilatura alone measured in the same run."""
    from ..evaluate.articles import run

    run(gold, limit=limit)


@app.command("quotes")
def evaluate_quotes(
    gold: Path = typer.Option(..., help="A PolNeAR JSON Lines file (e.g. polnear_dev.jsonl)."),
    limit: Optional[int] = typer.Option(None, help="Score only the first N articles."),
) -> None:
    """Quote P/R/F1 (a gold quote is found when a prediction covers > 30% of it), direct recall, source accuracy."""
    from ..evaluate.quotes import run

    run(gold, limit=limit)


@app.command("events")
def evaluate_events(
    gold: Path = typer.Option(..., help="A PLOVER GSR JSON Lines file (gsr_dev.jsonl)."),
) -> None:
    """Event-type micro and per-type P/R/F1 per sentence; source country/sector agreement on matched events."""
    from ..evaluate.events import run

    run(gold)
