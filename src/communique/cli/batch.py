"""`communique batch`: large sets of inputs -> Parquet shards, on local processes or a Ray cluster."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from .output import err_console, fatal


def register(app: typer.Typer) -> None:
    app.command(help="Process large inputs (WARC files, JSON Lines shards, directories) into Parquet shards. "
                     "A shard is one input file (loose pages: 64 to a shard); shards already done are skipped on "
                     "rerun; documents that fail go to DIR/errors.jsonl. Exit status: 0 when every shard completed "
                     "(failed documents included), 1 when a shard could not be completed.")(batch)


def batch(
    inputs: list[str] = typer.Argument(..., help="WARC files (.warc, .warc.gz), JSON Lines files, directories."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for records/ (Parquet), shards/ (done-markers), errors.jsonl."),
    engine: str = typer.Option("local", help="local (processes on this machine) or ray."),
    address: Optional[str] = typer.Option(None, help="Ray cluster address (e.g. ray://head:10001 or auto); "
                                                      "default: start a local Ray instance."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes or Ray actors (default: local 1, ray all CPUs)."),
    db: Optional[str] = typer.Option(None, help="Also save records to this store (SQLite path or PostgreSQL URL)."),
) -> None:
    from ..scale.ray_engine import RayMissing
    from ..scale.runner import ENGINES, StoreUnavailable, run_batch

    if engine not in ENGINES:
        fatal(f"unknown engine {engine!r}: use local or ray")
    if address and engine != "ray":
        fatal("--address is for --engine ray")
    if engine == "ray":
        from ..scale.ray_engine import import_ray

        try:
            import_ray()
        except RayMissing as error:
            fatal(str(error))
    from .output import progress

    with progress("shards") as advance:
        def planned(report) -> None:
            err_console.print(f"{report.shards} shards, {report.skipped_done} already done, "
                              f"{report.shards - report.skipped_done} to run on {engine}")

        def shard_done(summary: dict, report) -> None:
            done = report.completed + len(report.failed_shards)
            todo = report.shards - report.skipped_done
            if "error" in summary:
                err_console.print(f"[red]shard failed[/red] {escape(summary['shard'])}: {escape(summary['error'])}")
            else:
                warc = summary.get("warc")
                skipped = f", WARC {_warc_note(warc)}" if warc else ""
                err_console.print(f"[{done}/{todo}] {escape(summary['shard'])}: {summary['records']} records, "
                                  f"{summary['failures']} failed{escape(skipped)} ({summary['seconds']:.1f} s)")
            advance()

        try:
            report = run_batch(inputs, output, engine=engine, workers=workers or (1 if engine == "local" else 0),
                               address=address, db=db, on_shard=shard_done, on_plan=planned)
        except StoreUnavailable as error:
            fatal(f"--db: {error}")
        except OSError as error:
            fatal(f"cannot write {output}: {error.strerror or error}")
    rate = report.records / report.processing_seconds if report.processing_seconds else 0.0
    err_console.print(
        f"done: {report.completed} shards run, {report.skipped_done} skipped as done, "
        f"{len(report.failed_shards)} failed; {report.records} records, {report.failures} inputs failed "
        f"(see {escape(str(output / 'errors.jsonl'))}); {report.seconds:.1f} s, {rate:.1f} records/s on "
        f"{report.workers} workers" + (f"; {report.stored} saved to the store" if db else ""))
    raise typer.Exit(1 if report.failed_shards else 0)


def _warc_note(counts: dict) -> str:
    parts = [f"{counts.get('html', 0)} HTML"]
    for key, label in (("not_html", "not HTML"), ("not_ok", "not 200"), ("not_response", "not responses"),
                       ("broken", "broken")):
        if counts.get(key):
            parts.append(f"{counts[key]} {label}")
    return ", ".join(parts)
