"""The `communique` command. Each group of subcommands lives in its own module and registers itself here."""
from __future__ import annotations

import typer

from . import evaluate, extract

app = typer.Typer(
    help="communique reads news and writes down who said what, who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
extract.register(app)
app.add_typer(evaluate.app, name="evaluate")

# Optional groups: each registers itself when its module exists (store, web, batch land as separate stages).
for _name in ("ledger", "batch"):
    try:
        _module = __import__(f"{__name__}.{_name}", fromlist=["register"])
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    app()
