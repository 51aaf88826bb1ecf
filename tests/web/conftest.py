"""A fresh migrated database per test (``make_database`` from tests/conftest.py), filled by
the factories and served through the real app."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.orm import Session
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette prefers httpx2 for its test client and warns when it falls back
    # to httpx; the client works the same either way. (Install httpx2 to silence it.)
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.config import Settings
from app.db import make_engine, make_sessionmaker, transaction
from app.main import create_app
from app.migrate import upgrade
from tests.web import factories

Seeder = Callable[[Session], None]
ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(make_database: Callable[[], str]) -> Iterator[ClientFactory]:
    """Build a client over a new, migrated database filled by the given seeders."""
    clients: list[TestClient] = []

    def build(
        *seeders: Seeder,
        page_size: int = 50,
        overview_seconds: float = 1.5,
        list_seconds: float = 3.0,
        version_seconds: float = 0.0,
    ) -> TestClient:
        url = make_database()
        upgrade(url)
        engine = make_engine(url)
        with transaction(make_sessionmaker(engine)) as session:
            for seed in seeders:
                seed(session)
        engine.dispose()
        settings = Settings(
            database_url=url,
            page_size=page_size,
            overview_seconds=overview_seconds,
            list_seconds=list_seconds,
            version_seconds=version_seconds,
        )
        client = TestClient(create_app(settings))
        clients.append(client.__enter__())
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    return make_client(factories.seed_riverton, factories.seed_hostile)
