"""Actor detection: gazetteer, titled persons, organisations, coreference.

Example sentences written for this project.
"""

import json
from pathlib import Path

import pytest

from app.extract.actors import default_gazetteer_path, find_actor_mentions, load_gazetteer


def names(text: str) -> list[str]:
    return [m.actor.name for m in find_actor_mentions(text, load_gazetteer())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops entered the town.", ["Russia"]),
        ("The Kremlin denied the report.", ["Russia"]),
        ("Kiev rejected the offer.", ["Ukraine"]),
        ("Ukrainian forces regrouped.", ["Ukraine"]),
        ("Separatists of the LPR and DPR celebrated.", ["Luhansk People's Republic", "Donetsk People's Republic"]),
        ("NATO and the EU met the ICRC.", ["NATO", "European Union", "International Committee of the Red Cross"]),
        ("Fighters of al-Shabab attacked a base.", ["al-Shabaab"]),
        ("Michael Jordan and Georgia Smith visited Chad Brown.", []),
        ("Units loyal to Moammar Gadhafi regrouped.", ["Muammar Gaddafi"]),  # a transliteration variant
        ("Monitors reached Tskhinvali.", ["South Ossetia"]),
    ],
)
def test_gazetteer(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_capital_after_locative_is_a_place() -> None:
    assert names("Talks in Moscow ended.") == []
    assert names("Moscow responded quickly.") == ["Russia"]


def test_titled_unknown_person_with_affiliation() -> None:
    text = "Ukraine's First Deputy Interior Minister Yevhen Yenin spoke. Later Yenin left."
    found = find_actor_mentions(text, load_gazetteer())
    people = [m for m in found if m.actor.kind == "person"]
    assert [(m.text, m.actor.name, m.actor.affiliation) for m in people] == [
        ("Yevhen Yenin", "Yevhen Yenin", "Ukraine"),
        ("Yenin", "Yevhen Yenin", "Ukraine"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_surname_resolves_to_full_name() -> None:
    assert names("Defence Minister Sergei Shoigu met generals. Shoigu then left.")[-1] == "Sergei Shoigu"


def test_organisation_with_acronym() -> None:
    found = find_actor_mentions("Kenya's Ministry of Interior (MoI) said the MoI would act.", load_gazetteer())
    orgs = [(m.text, m.actor.name, m.actor.affiliation) for m in found if m.actor.kind == "organisation"]
    assert orgs[0] == ("Ministry of Interior", "Ministry of Interior", "Kenya")
    assert orgs[-1][0] == "MoI"


def test_name_spelled_by_its_acronym_is_an_organisation() -> None:
    text = "Gunmen of the Union for Renewal of Kivu (URK) fired. Later URK fighters withdrew."
    found = [(m.text, m.actor.name) for m in find_actor_mentions(text, load_gazetteer())]
    assert ("Union for Renewal of Kivu", "Union for Renewal of Kivu") in found
    assert ("URK", "Union for Renewal of Kivu") in found


def test_acronym_of_a_name_ending_in_a_state_names_the_group_not_the_state() -> None:
    text = "The Patriotic Front for the Freedom of Chad (FPLT) attacked."
    assert names(text) == ["Patriotic Front for the Freedom of Chad", "Patriotic Front for the Freedom of Chad"]


def test_parenthesised_letters_that_do_not_spell_the_name_are_ignored() -> None:
    assert names("Voters in Lower Town (LX) went home.") == []


def test_generic_noun_after_a_named_group_is_the_group() -> None:
    assert names("Hamas militants and other militants fired.") == ["Hamas", "Militants"]


def test_date_after_an_organisation_head_is_not_part_of_its_name() -> None:
    assert names("Border Police on Tuesday closed the crossing.") == ["Border Police"]


def test_a_place_before_an_apposition_is_not_a_person() -> None:
    assert names("Troops entered the Tessa Forest, the army said.") == []
    assert names("Troops reached Tessa Valley, the army said.") == []


def test_the_north_names_the_one_northern_state_named() -> None:
    assert names("North Korea fired a rocket. On Sunday the North fired again.") == ["North Korea", "North Korea"]
    assert names("Rebels in the North attacked.") == ["Rebels"]  # no state called North ...


def test_role_word_before_name() -> None:
    assert "Amina Diallo" in names("Local journalist Amina Diallo filmed the raid.")
    assert "Omar Keita" in names("The court jailed warlord Omar Keita.")


@pytest.mark.parametrize("verb", ["said", "announced", "declared", "denied"])
def test_two_word_name_before_a_say_verb_is_a_person(verb: str) -> None:
    assert "Tomas Varga" in names(f"On Friday, Tomas Varga {verb} a truce in the valley.")


def test_country_reference_left_unresolved() -> None:
    assert names("The country is ready to help.") == []


def test_generic_groups() -> None:
    assert names("Syrian rebels and protesters gathered.") == ["Syria", "Rebels (Syria)", "Protesters"]


def test_gazetteer_file_shape() -> None:
    entries = json.loads(Path(default_gazetteer_path()).read_text(encoding="utf-8"))
    assert len(entries) > 300
    kinds = {e["kind"] for e in entries}
    assert kinds <= {"person", "state", "organisation", "armed_group"}
    assert all(isinstance(e["aliases"], list) and "affiliation" in e for e in entries)


def test_generic_group_at_sentence_start() -> None:
    assert names("Rebels shelled the port.") == ["Rebels"]


@pytest.mark.parametrize("text", ["A Malaysia Airlines jet landed.", "Ukraine International Airlines cancelled flights.", "Russia Today aired the video."])
def test_a_state_name_opening_a_company_name_is_not_the_state(text: str) -> None:
    assert not {"Malaysia", "Ukraine", "Russia"} & set(names(text))


def test_words_after_an_organisation_head_and_for_are_not_a_person() -> None:
    found = names("The Northland Observatory for Civil Liberties said troops left on Monday.")
    assert found == ["Northland Observatory for Civil Liberties"]
    assert "Ali Hassan" in names("Minister of Defence Ali Hassan said troops left on Monday.")
