"""Sentence-level judgements that need word order: present perfect, future, running
totals, quotations, event type and modality.

These are general cues of English news writing (auxiliaries, reporting verbs,
conflict vocabulary), never the wording of particular articles. Word classes
looked up word by word live in ``lexicon``.
"""

from __future__ import annotations

import re

from app.extract import lexicon as lx
from app.extract.prefilter import Prefiltered, prefiltered
from app.extract.types import EventType, Modality

_IRREGULAR_PAST = (
    "took|gave|came|went|met|said|told|held|began|fought|struck|shot|led|left|fled|won|lost|sent|saw|"
    "made|found|brought|broke|fell|rose|hit|put|set|cut|stood|ran|spoke|wrote|drove|flew|threw|chose|"
    "stole|overran|withdrew|undertook|sought|swore|sank|blew|became|got|kept|knew|paid|sold|spent|"
    "laid|bore|beat|bit|tore|wore|was|were|had|did|declared|died|tied|fled"
)
_PARTICIPLE = rf"(?:\w{{3,}}ed|{_IRREGULAR_PAST}|given|taken|begun|seen|done|shown|known|fallen|driven|written|broken|chosen|stolen|won|shot|hit|put|set|cut|led|left|fled|struck|sent|held|made|brought|lost|fought|met|spoken|thrown|flown|withdrawn|undertaken|sworn|blown|torn|overrun|been\s+\w+ed)"
PRESENT_PERFECT = prefiltered(rf"(?<!\bto )\b(?:has|have|'ve)\s+(?:(?:\w+ly|also|already|now|just|reportedly|since)\s+)*(?P<verb>{_PARTICIPLE})\b", re.IGNORECASE)
STATE_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?been\s+(?!\w+ed\b|killed|shot|hit|seen|taken|given|held|fired)\w+", re.IGNORECASE)
RELATIVE_PERFECT = re.compile(r"\b(?:who|which|that|where)\s+(?:\w+\s+)?(?:has|have)\b", re.IGNORECASE)
NEGATION = prefiltered(r"\b(?:not|never|no|n't|nor)\b", re.IGNORECASE)
CUMULATIVE = prefiltered(
    r"\b(?:\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|dozens|scores)\w*)\s+(?:\w+\s+){0,4}(?:have|has|had)\s+(?:been\s+)?(?:killed|died|wounded|injured|displaced|forced|arrested|detained|fled)"
    r"|\b(?:have|has|had)\s+(?:been\s+)?(?:killed|died|fled)\b.*\bsince\b",
    re.IGNORECASE,
)
FUTURE = prefiltered(
    r"\b(?:will|shall|'ll|(?:is|are)\s+(?:set|scheduled|due|expected|going|planning|to\s+be)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|tomorrow|next\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
CLAIM = prefiltered(r"\b(?:reportedly|allegedly|claim(?:ed|s)|according\s+to|reports?\s+(?:say|said|indicate)|purportedly)\b", re.IGNORECASE)
# "dismissed" and "rejected" deny only what was said ("dismissed the claims"), not a person ("dismissed the army chief").
DENIAL = prefiltered(
    r"\b(?:den(?:ied|ies|y)|(?:dismiss(?:ed|es)|rejected|rejects)\s+(?:(?:the|these|those|such|as)\s+)?"
    r"(?:\w+\s+)?(?:claims?|reports?|allegations?|accusations?|suggestions?|accounts?|rumou?rs?)|dismissed\s+as)\b",
    re.IGNORECASE,
)
# Reporting verbs: a dated report is a statement event ("On Monday the ministry confirmed ...").
_SAID = re.compile(r"said|told|stated|added|reported", re.IGNORECASE)
SAY = re.compile(
    r"\b(?:said|says|told|stated|announced|added|claimed|declared|acknowledged|admitted|confirmed|reported)\b",
    re.IGNORECASE,
)

def eventive_verb(verb: str, rest: str = "") -> bool:
    """Whether a participle names an action of a counted class (see ``lexicon``)."""
    return lx.event_participle(verb, rest)


_TYPE_RULES: tuple[tuple[EventType, Prefiltered], ...] = (
    ("Riots", prefiltered(r"\b(?:riot\w*|loot\w*|threw\s+stones|stone-throwing|torched)\b|\bclash\w*\b.*\b(?:protest\w*|youth|demonstrat\w*|crowds?)\b|\b(?:protest\w*|youth|crowds?)\b.*\bclash\w*", re.I)),
    ("Battles", prefiltered(r"\b(?:clash\w*|battl\w*|fought|fighting|firefight|gun\s*battle|ambush\w*|invad\w*|invasion|captur\w*|recaptur\w*|seized\s+control|took\s+control|offensive|exchange\s+of\s+fire|insurgents?\s+attack\w*)\b", re.I)),
    ("Explosions/Remote violence", prefiltered(r"\b(?:shell\w*|air\s*strikes?|air\s+raids?|missiles?|rockets?|bomb\w*|mortars?|drones?|artillery|explosi\w*|ieds?|grenades?|landmines?)\b", re.I)),
    ("Violence against civilians", prefiltered(r"\b(?:massacre\w*|execut\w*|abduct\w*|kidnap\w*|hostages?|assassinat\w*|murder\w*|poison\w*|tortur\w*|civilians?\s+(?:were\s+)?killed|killed\s+\w*\s*civilians)\b", re.I)),
    ("Battles", prefiltered(r"\b(?:attack\w*|raid\w*|assault\w*|stormed)\b", re.I)),
    ("Protests", prefiltered(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|sit-in|uprising|(?-i:march(?:es|ed)?))\b", re.I)),
)


_QUOTED = re.compile(r'[“"][^”"]*(?:[”"]|\Z)')
_SAYS_QUOTE = re.compile(r"\b(?:said|says|stated|added|told\s+\w+)[,:]?\s+[\"“]")


def quoted_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the double-quoted stretches of ``text[start:end]`` (straight or curly
    quotes); an unclosed quotation runs to ``end``."""
    return [m.span() for m in _QUOTED.finditer(text, start, len(text) if end is None else end)]


def has_quotation_mark(text: str) -> bool:
    """Whether ``text`` holds an opening double quotation mark (straight or curly): what
    ``is_mostly_quote`` needs before it looks further."""
    return '"' in text or "“" in text


def is_mostly_quote(text: str) -> bool:
    """A direct quotation (with at most its attribution), or a say-verb introducing one."""
    if not has_quotation_mark(text):
        return False
    quoted = sum(e - s for s, e in quoted_ranges(text))
    if text.lstrip()[:1] in "\"“" or quoted > 0.5 * len(text):
        return True
    say = _SAYS_QUOTE.search(text)
    return bool(say) and not lx.conflict_predicate(text[: say.start()])


def event_type(text: str, lower: str | None = None) -> EventType:
    """ACLED's event type from keyword rules; Strategic developments when nothing fits.
    ``lower``, if given, is ``text.lower()``."""
    lower = text.lower() if lower is None else lower
    for name, rule in _TYPE_RULES:
        if rule.search(text, lower):
            return name
    return "Strategic developments"


def modality(text: str, lower: str | None = None) -> Modality:
    """denial / plan / claim / fact; ``lower``, if given, is ``text.lower()``."""
    if DENIAL.search(text, lower):
        return "denial"
    if FUTURE.search(text, lower):
        return "plan"
    return "claim" if CLAIM.search(text, lower) else "fact"


HABITUAL = prefiltered(r"\b(?:regularly|repeatedly|several\s+times|many\s+times|previously|often|frequently|always|ever|long)\b", re.IGNORECASE)


def present_perfect_action(text: str, lower: str | None = None) -> re.Match[str] | None:
    """The first present perfect of an action ("has invaded"), not of a state, a habit,
    a running total, an ongoing activity ("has been supporting") or a report ("has said").
    ``lower``, if given, is ``text.lower()``."""
    if CUMULATIVE.search(text, lower) or HABITUAL.search(text, lower):
        return None
    for match in PRESENT_PERFECT.finditer(text, lower):
        if _SAID.fullmatch(match["verb"]):
            continue  # "has said that ... have withdrawn": what was said is the action
        tail = text[match.start() : match.end() + 12]
        if STATE_PERFECT.match(tail) and not re.search(r"been\s+\w+ed\b", match.group()):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if RELATIVE_PERFECT.search(before + match.group()[:5]) or NEGATION.search(tail):
            continue
        return match
    return None
