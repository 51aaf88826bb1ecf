"""References back to actors: pronouns, bare forces, surnames. Example texts written for this project."""

import pytest

from app.extract.pipeline import extract

HEAD = " date 2022-03-11 "


def actors_of_event_with(body: str, words: str) -> set[str]:
    for e in extract(HEAD + body).events:
        if any(words in x.text for x in e.excerpts):
            return {a.name for a in e.actors}
    raise AssertionError(f"no event with {words!r}")


def test_pronoun_takes_the_last_person_of_the_previous_sentence() -> None:
    body = "Police questioned the driver, Omar Haddad, about the convoy. He was detained on Monday."
    assert "Omar Haddad" in actors_of_event_with(body, "He was detained")


def test_pronoun_skips_a_person_inside_an_apposition() -> None:
    body = "Rebels seized Lena Ostrova, the sister of Pavel Ostrov, at a checkpoint. She was freed on Tuesday."
    found = actors_of_event_with(body, "She was freed")
    assert "Lena Ostrova" in found and "Pavel Ostrov" not in found


def test_pronoun_without_an_antecedent_stays_unresolved() -> None:
    body = "The town was quiet for weeks. He was arrested on Monday."
    assert actors_of_event_with(body, "He was arrested") == set()


def test_bare_troops_follow_the_last_attributed_troops() -> None:
    body = (
        "Kenyan troops crossed the river. Somali officials protested. Somalia, Somalia and Somalia were named.\n\n"
        "On Monday, the troops shelled a camp."
    )
    assert actors_of_event_with(body, "the troops shelled") == {"Kenya"}


def test_bare_police_take_a_clearly_dominant_state() -> None:
    body = "Peru is tense. Peru held a vote. Peru closed schools.\n\nOn Monday, police arrested six students."
    assert actors_of_event_with(body, "police arrested") == {"Peru"}


def test_no_dominant_state_means_no_guess() -> None:
    body = "Chile and Peru held talks. Peru and Chile signed a pact.\n\nOn Monday, police arrested six students."
    assert actors_of_event_with(body, "police arrested") == set()


@pytest.mark.parametrize("phrase", ["the country", "the nation"])
def test_country_references_are_not_resolved(phrase: str) -> None:
    body = f"Peru is tense. Peru held a vote. On Monday, {phrase} closed its border."
    assert actors_of_event_with(body, "closed its border") == set()


def test_the_group_names_the_one_group_named_just_before() -> None:
    body = "Al-Shabaab fighters raided a village near the border. The group bombed a market on Monday."
    assert "al-Shabaab" in actors_of_event_with(body, "The group bombed")


def test_the_group_with_two_candidates_stays_unresolved() -> None:
    body = "Hamas and Hezbollah traded accusations over the truce. The group fired rockets on Monday."
    found = actors_of_event_with(body, "The group fired")
    assert not found & {"Hamas", "Hezbollah"}


def test_the_group_does_not_reach_back_past_two_sentences() -> None:
    body = "Boko Haram issued a video. Rain fell. Markets reopened. Roads were cleared. The group attacked a base on Monday."
    assert "Boko Haram" not in actors_of_event_with(body, "The group attacked")
