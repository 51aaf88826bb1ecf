"""The web application: ``create_app(settings)`` wires templates, static files, routes and errors.

It never creates or migrates the database; ``app.setup`` does that before serving.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.resources import STATIC_DIR, TEMPLATES_DIR
from app.web import api, api_v1, exports, handlers, pages, timeline
from app.web.deps import make_templates
from app.web.cache import DataVersion, ResponseCache
from app.web.security import SecurityHeadersMiddleware


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.data_version.close()
    app.state.engine.dispose()


def create_app(settings: Settings) -> FastAPI:
    """The app, reading the database at ``settings.database_url`` (already migrated).

    The interactive API docs are off: they load scripts from a CDN, which the
    Content-Security-Policy forbids; the schema stays at /api/openapi.json.
    """
    app = FastAPI(
        title="Dateline", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=_lifespan
    )
    engine = make_engine(settings.database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.templates = make_templates(TEMPLATES_DIR)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(timeline.router)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(api_v1.router)
    app.include_router(exports.router)
    handlers.install(app)
    app.state.data_version = DataVersion(engine, max_age=settings.version_seconds)
    app.add_middleware(ResponseCache, version=app.state.data_version, size=settings.cache_size)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` and gunicorn workers: settings from the environment.

    It does not migrate or seed; run ``dateline migrate`` once before starting workers.
    """
    return create_app(Settings.from_env())
