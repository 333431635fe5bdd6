"""The web application: JSON API under /api, HTML pages at /, its own assets under /static.

Nothing is fetched from elsewhere: styles, the graph script and the API documentation page ship in the package,
and the Content-Security-Policy forbids any other origin. Errors come back as one readable sentence:
JSON {"error": ...} under /api, an error page elsewhere.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..store import InvalidQuery, Store
from . import api, pages
from .render import render

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(store: Store, write_token: str | None = None) -> FastAPI:
    app = FastAPI(title="communique ledger", version="1", docs_url=None, redoc_url=None,
                  description="Who said what, who did what to whom: articles, quotes, PLOVER events and actors.")
    app.state.store = store
    app.state.write_token = write_token
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(InvalidQuery)
    async def invalid_query(request: Request, error: InvalidQuery):
        return _error(request, 400, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        problems = ["{}: {}".format(".".join(str(p) for p in e.get("loc", ())[1:]) or "request", e.get("msg"))
                    for e in error.errors()]
        return _error(request, 422, "; ".join(problems) or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        return _error(request, error.status_code, str(error.detail), getattr(error, "headers", None))

    return app


def _error(request: Request, status: int, message: str, headers: dict | None = None):
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return render(request, "error.html", {"status": status, "message": message}, status_code=status)
