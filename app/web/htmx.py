"""One template serves both the page and its htmx fragment.

An htmx request (``HX-Request: true``) gets only the named block of the
template; a history-restore or boosted request also carries ``HX-Request``
but replaces the whole page, so it gets the full page. Responses that can
differ this way say so with ``Vary: HX-Request``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

FRAGMENT_BLOCK = "results"


def wants_fragment(request: Request) -> bool:
    headers = request.headers
    return (
        headers.get("hx-request") == "true"
        and headers.get("hx-history-restore-request") != "true"
        and headers.get("hx-boosted") != "true"
    )


def render_block(templates: Jinja2Templates, name: str, block: str, context: Mapping[str, Any]) -> str:
    template = templates.get_template(name)
    return "".join(template.blocks[block](template.new_context(dict(context))))


def render(
    request: Request,
    templates: Jinja2Templates,
    name: str,
    context: Mapping[str, Any],
    *,
    status_code: int = 200,
    block: str = FRAGMENT_BLOCK,
    push_url: str | None = None,
) -> HTMLResponse:
    """The full page, or only ``block`` of it for an htmx request.

    ``push_url`` (the canonical URL of what is shown) replaces the raw form
    URL in the browser's address bar after an htmx swap.
    """
    fragment = wants_fragment(request)
    values = {"request": request, "fragment": fragment, **context}
    if fragment:
        response = HTMLResponse(render_block(templates, name, block, values), status_code=status_code)
        if push_url is not None:
            response.headers["HX-Push-Url"] = push_url
    else:
        response = templates.TemplateResponse(request, name, values, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response
