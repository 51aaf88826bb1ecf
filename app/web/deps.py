"""What routes declare as typed parameters: the session, the settings, the templates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from app.config import Settings
from app.query import TimelineQuery, parse_query
from app.exports.formats import export_links
from app.web import formatting, hits, links


def make_templates(directory: Path) -> Jinja2Templates:
    """Templates with autoescaping always on and undefined names treated as bugs."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        event_date=formatting.event_date,
        datetime_attr=formatting.datetime_attr,
        long_date=formatting.long_date,
        plural=formatting.plural,
        method_text=formatting.method_text,
        modality_text=formatting.modality_text,
        shorten=formatting.shorten,
        web_url=formatting.web_url,
        dom_id=formatting.dom_id,
        marked=hits.marked,
    )
    env.globals.update(
        timeline_href=links.timeline_href,
        actor_href=links.actor_href,
        event_href=links.event_href,
        side_href=links.side_href,
        focus_href=links.focus_href,
        next_href=links.next_href,
        page_href=links.page_href,
        range_href=links.range_href,
        overview_href=links.overview_href,
        query_string=links.query_string,
        export_links=export_links,
        today=formatting.today,
    )
    return Jinja2Templates(env=env)


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


# Dependencies that only read app state or parse the query are ``async``: FastAPI runs a
# plain ``def`` dependency in the thread pool, a thread hop each. The session stays a plain
# generator: closing it may wait on the database.
async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


async def get_query(request: Request) -> TimelineQuery:
    """The query string parsed once; ``InvalidQuery`` becomes a 400 in the handlers."""
    return parse_query(request.query_params.multi_items())


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
QueryDep = Annotated[TimelineQuery, Depends(get_query)]
