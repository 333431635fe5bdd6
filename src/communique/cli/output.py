"""Shared helpers for commands: JSON Lines out, one-line errors, progress on a terminal."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import IO, Iterator

from rich.console import Console
from rich.markup import escape

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def report_failure(line: str) -> None:
    """One line on stderr for an input that failed; markup in untrusted names is escaped."""
    err_console.print(f"[yellow]skipped[/yellow] {escape(line)}")


def fatal(message: str, code: int = 2) -> None:
    err_console.print(f"[red]error[/red] {escape(message)}")
    raise SystemExit(code)


def write_json_line(stream: IO[str], data: dict) -> None:
    stream.write(json.dumps(data, ensure_ascii=False) + "\n")


@contextmanager
def progress(description: str) -> Iterator:
    """A progress bar on stderr when it is a terminal; a no-op otherwise (logs stay clean)."""
    if not sys.stderr.isatty():
        yield lambda advance=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        task = bar.add_task(description, total=None)
        yield lambda advance=1: bar.advance(task, advance)
