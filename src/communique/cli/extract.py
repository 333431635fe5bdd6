"""`communique extract`: articles in, one JSON record per article out."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..document import Failure
from .output import fatal, progress, report_failure, write_json_line

EXIT_HELP = "Exit status: 0 when every input gave a record, 1 when any input failed (each failure is one line on stderr)."


def register(app: typer.Typer) -> None:
    app.command(help=f"Extract records (JSON Lines) from articles: files, directories, or - for stdin. {EXIT_HELP}")(extract)


def extract(
    inputs: Optional[list[str]] = typer.Argument(
        None, help="Files (.txt, .html, .json, .jsonl, .gz, .warc, .warc.gz), directories, -, or http(s) URLs."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here instead of stdout."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Local worker processes; output is the same."),
    urls: Optional[Path] = typer.Option(None, "--urls", help="Also fetch the URLs in this file, one a line."),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="Let URL fetches reach private, loopback and link-local addresses."),
) -> None:
    from ..pipeline import Pipeline
    from ..sources import iter_inputs

    if not inputs and not urls:
        fatal("nothing to read: give files, directories, -, URLs or --urls FILE")
    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as error:
        fatal(f"cannot write {output}: {error.strerror}")
    failed = 0
    with progress("extracting") as advance:
        for result in Pipeline().run(iter_inputs(inputs or [], urls_file=str(urls) if urls else None,
                                                  allow_private=allow_private), workers=workers):
            if isinstance(result, Failure):
                failed += 1
                report_failure(result.line())
            else:
                write_json_line(stream, result.to_dict())
                stream.flush()
            advance()
    if output:
        stream.close()
    raise typer.Exit(1 if failed else 0)
