"""A client over a fresh database holding invented ACLED rows and one extracted document."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.factories import BETA, make_event, make_extraction, import_sample, store

HOSTILE = "Alphan troops <script>alert(1)</script> took the bridge & the port on 4 June 2023."


def seed(factory: sessionmaker[Session]) -> None:
    import_sample(factory, "current.csv")
    import_sample(factory, "older.csv")
    event = make_event(HOSTILE, HOSTILE, dt.date(2023, 6, 4), actors=(BETA,))
    store(factory, "hostile.txt", make_extraction(HOSTILE, [event], published=dt.date(2023, 6, 5)))


@pytest.fixture
def make_client(make_factory: Callable[[], sessionmaker[Session]]) -> Iterator[Callable[[], TestClient]]:
    clients: list[TestClient] = []

    def build(seeder: Callable[[sessionmaker[Session]], None] = seed) -> TestClient:
        factory = make_factory()
        seeder(factory)
        url = factory.kw["bind"].url.render_as_string(hide_password=False)
        clients.append(TestClient(create_app(Settings(database_url=url))).__enter__())
        return clients[-1]

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[[], TestClient]) -> TestClient:
    return make_client()
