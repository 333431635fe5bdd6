"""Templates, with autoescaping always on: article text, titles and names are untrusted."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every {{ value }} is HTML-escaped, in every template
)
environment.filters["path"] = lambda value: quote(str(value), safe="")


def _query(params: dict, **changes) -> str:
    """A query string from the current params with some changed (None drops a key)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


environment.globals["query"] = _query


def render(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    html = environment.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)
