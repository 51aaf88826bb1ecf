"""The one place where errors become responses: an HTML page, or JSON under /api/."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse, Response

from app.errors import Gone, InvalidQuery, NotFound
from app.web.htmx import render
from app.web.security import add_security_headers

logger = logging.getLogger(__name__)

TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 410: "Gone", 500: "Something went wrong"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str, param: str | None = None) -> Response:
    if _wants_json(request):
        error = {"param": param, "message": message} if param else {"message": message}
        return JSONResponse({"error": error}, status_code=status)
    values = {"status": status, "title": TITLES.get(status, "Error"), "message": message, "param": param}
    return render(request, request.app.state.templates, "error.html", values, status_code=status)


async def invalid_query(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InvalidQuery)
    return error_response(request, 400, exc.message, exc.param)


async def not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFound)
    return error_response(request, 404, str(exc))


async def gone(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Gone)
    return error_response(request, 410, str(exc))


async def invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    param = str(first.get("loc", ("", "request"))[-1])
    return error_response(request, 400, str(first.get("msg", "is not valid")), param)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "There is no page at this address." if exc.status_code == 404 else str(exc.detail)
    response = error_response(request, exc.status_code, message)
    response.headers.update(exc.headers or {})
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    """Runs outside every middleware, so it adds the security headers itself."""
    logger.exception("unhandled error on %s", request.url.path, exc_info=exc)
    message = "The server failed to answer this request. It has been logged."
    try:
        response = error_response(request, 500, message)
    except Exception:  # noqa: BLE001  (the error page itself may be what is broken)
        response = PlainTextResponse(message, status_code=500)
    add_security_headers(response.headers)
    return response


def install(app: FastAPI) -> None:
    app.add_exception_handler(InvalidQuery, invalid_query)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(Gone, gone)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, server_error)
