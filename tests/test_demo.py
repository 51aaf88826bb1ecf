from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import models
from app.demo import load_demo
from tests.factories import engine_of


def test_demo_events_are_marked_synthetic_and_loading_twice_changes_nothing(factory: sessionmaker[Session]) -> None:
    report = load_demo(engine_of(factory), 800, seed=2)
    assert (report.added, report.failed) == (800, [])
    with factory() as session:
        origins = dict(session.execute(select(models.Event.origin, func.count()).group_by(models.Event.origin)).all())
        ids = session.scalars(select(models.Event.external_id).limit(3)).all()
    assert origins == {"synthetic": 800}
    assert all(i and i.startswith("synthetic:") for i in ids)
    again = load_demo(engine_of(factory), 800, seed=2)
    assert (again.added, again.unchanged) == (0, 800)
