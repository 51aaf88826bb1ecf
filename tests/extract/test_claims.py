"""Modality and claimant, kept apart from actors. Example sentences written for this project."""

import pytest

from app.extract.pipeline import extract

HEAD = " date 2022-03-11 "


@pytest.mark.parametrize(
    ("body", "modality", "claimant"),
    [
        ("According to AP, Kenyan police arrested two men on Monday.", "claim", "AP"),
        ("Moscow said its forces captured the airfield on Monday.", "claim", "Moscow"),
        ("The FSB claimed it arrested a spy on Monday.", "claim", "The FSB"),
        ("On Monday, Kenyan officials said the FSB had detained two couriers.", "claim", "Kenyan officials"),
        ("Rebels reportedly shelled the port on Monday.", "claim", None),
        ("The army denied shelling the port on Monday.", "denial", "The army"),
        ("Peruvian police arrested two men on Monday.", "fact", None),
        # a closing attribution names its own speaker, not the last name before it
        ("Chilean troops clashed with rebels on Monday near the dam, an officer said.", "fact", "an officer"),
        ("Gunmen burned a school on Monday near the dam, says a spokesman for the governor.", "fact", "a spokesman for the governor"),
        ("Gunmen burned a school in Chad on Monday, the national news agency ANP said.", "fact", "the national news agency ANP"),
        ("It was reported that rebels shelled the port on Monday.", "claim", None),  # nobody named
        # an apposition between the speaker and the verb; "told" reports like "said"
        ("Omar Keita, a rebel spokesman, told reporters that gunmen burned a school on Monday.", "claim", "Omar Keita"),
        ("Kenya announced a ceasefire on Monday.", "fact", None),  # an announcement with an object is the event
        ("The army announced on Monday that it had retaken the town.", "fact", "The army"),
        ("The president dismissed the army chief on Monday.", "fact", None),  # dismissing a person denies nothing
        ("On Monday the army dismissed the rebel claims.", "denial", None),
        # the subject noun phrase from its first name ("The X of Y"), not the last name in it
        ("The Popular Front of Chad claimed on Monday that its fighters took the town.", "claim", "The Popular Front of Chad"),
        ("Rebels said on Monday they had downed a helicopter, a claim the army denied.", "claim", "Rebels"),
        ("The army on Sunday said rebels had shelled the port.", "claim", "The army"),  # the date is not the speaker
        ("The rebel command has said its fighters seized the bridge on Monday.", "claim", "The rebel command"),
        ("Troops killed the alleged gunmen on Monday.", "fact", None),  # "alleged" as an adjective reports nothing
        # another assertion after a contrastive "but"/"while" keeps its own attribution
        ("Rebels seized the bridge on Monday, but the army said it still held the road.", "fact", None),
        ("The ministry said the talks ended, while rebels shelled the port on Monday.", "fact", None),
    ],
)
def test_modality_and_claimant(body: str, modality: str, claimant: str | None) -> None:
    (event,) = extract(HEAD + body).events
    assert (event.modality, event.claimant) == (modality, claimant)


def test_attribution_source_is_not_an_actor() -> None:
    (event,) = extract(HEAD + "According to Reuters, Chilean troops crossed the border on Monday.").events
    assert [a.name for a in event.actors] == ["Chile"]
