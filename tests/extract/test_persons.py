"""Capitalised runs, the raw material of person names. Example text written for this project."""

import pytest

from app.extract.actors import find_actor_mentions, load_gazetteer
from app.extract.persons import _runs


def runs_of(text: str, start: int = 0) -> list[str]:
    return [text[s:e] for s, e in _runs(text, start, len(text))]


def test_runs_start_at_their_particle() -> None:
    assert runs_of("Reports from al-Tovar Camp and Mira Senn") == ["Reports", "al-Tovar Camp", "Mira Senn"]


def test_a_run_whose_particle_precedes_the_window_is_looked_for_again_inside_it() -> None:
    text = "Reports from al-Tovar Camp and Mira Senn"
    assert runs_of(text, text.index("Tovar")) == ["Camp", "Mira Senn"]


@pytest.mark.parametrize("title", ["Col.", "Gen.", "Lt. Col.", "Maj. Gen.", "Capt.", "Sgt.", "Gov."])
def test_abbreviated_rank_is_a_title_not_part_of_the_name(title: str) -> None:
    found = find_actor_mentions(f"Rebel {title} Omar Keita said the road was open.", load_gazetteer())
    assert [(m.text, m.actor.kind) for m in found] == [("Omar Keita", "person")]
