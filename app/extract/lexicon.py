"""Word classes of English news writing, looked up word by word.

Which predicates count as events is decided by class, not by a list of
phrases: verbs of violence, combat, coercion, decision and upheaval (every
inflection derived by English morphology), nouns naming an occurrence or a
decision, reporting verbs, reaction verbs, and the irregular past tenses.
Lookups work on the lower-cased words of a text (one ``findall``), which is
much faster than alternation regexes over the text.
"""

from __future__ import annotations

import functools
import re

WORD = re.compile(r"[a-z][a-z'’-]*")

IRREGULAR_PAST = frozenset(
    """took gave came went met said told held began fought struck shot led left fled won lost sent saw
    made found brought broke fell rose hit put set cut stood ran spoke wrote drove flew threw chose
    stole overran withdrew undertook sought swore sank blew became got kept knew paid sold spent
    laid bore beat bit tore wore was were had did declared died tied taken caught hidden driven beaten
    broken stolen thrown shown begun fallen written risen withdrawn undertaken shaken""".split()
)
# Verbs whose simple past describes a state, a perception or a report, not an occurrence.
STATIVE_VERBS = frozenset(
    """was were had did seemed appeared remained belonged contained consisted knew believed thought
    wanted wished liked loved hated needed lived owned numbered totalled totaled included involved
    meant cost lasted existed depended resembled used based located aged named called considered
    estimated expected hoped feared felt looked sounded kept stood lay sat tended deserved
    preferred understood recalled remembered noted described explained referred added said told
    stated wrote reported argued insisted suggested claimed""".split()
)
# -ed words that are not past tenses of verbs.
NOT_PAST = frozenset("hundred indeed united armed aged naked sacred wicked kindred related alleged so-called".split())
SAY_WORDS = frozenset("said says told stated announced added claimed declared acknowledged admitted confirmed reported".split())
_REACTION_STEMS = ("condemn", "criticis", "criticiz", "denounc", "deplor", "rebuk", "welcom", "prais", "thank",
                   "congratulat", "mourn")
_REACTION_WORDS = frozenset(
    "criticism urged urges urging warned warns warning expressed expresses remarked remarks commented comments "
    "echoed echoes".split()
)

# What counts as an event in conflict reporting (guideline rule 9), as classes of verbs given
# by their base form. "base:past:participle" gives an irregular verb; "+" doubles the last consonant.
VERB_CLASSES: dict[str, str] = {
    "violence": "attack kill shell bomb fire shoot:shot:shot launch explode ambush raid assault storm massacre "
    "execute assassinate murder wound injure die behead torture poison kidnap+ abduct strike:struck:struck "
    "hit:hit:hit blow:blew:blown hijack destroy damage burn demolish",
    "combat": "capture recapture seize clash fight:fought:fought battle invade occupy withdraw:withdrew:withdrawn "
    "retake:retook:retaken regain retreat advance besiege surrender overrun:overran:overrun encircle liberate cross land disembark deploy "
    "evacuate arrive flee:fled:fled",
    "coercion": "arrest detain deport expel+ imprison sentence convict charge release free rescue extradite",
    "decision": "declare announce impose lift ban+ suspend halt cease order approve authorise authorize sign agree "
    "ratify recognise recognize annex sanction veto adopt vote elect appoint resign dismiss sack swear:swore:sworn "
    "offer grant revoke permit+ close reopen cancel+ cancel:canceled:canceled summon sever boycott",
    "upheaval": "protest march rally demonstrate riot loot torch oust overthrow:overthrew:overthrown topple rebel+ "
    "mutiny",
}
# Nouns that name an occurrence or a decision.
EVENT_NOUNS = frozenset(
    """attack assault strike airstrike bombing blast explosion shelling raid ambush clash battle fighting
    offensive invasion incursion siege massacre killing murder assassination kidnapping abduction arrest coup
    uprising rebellion revolt protest demonstration riot rally march decision decree order ban sanction embargo
    curfew ceasefire cease-fire truce agreement accord deal treaty resolution vote referendum election
    ultimatum go-ahead approval permission authorisation authorization offer appointment resignation dismissal
    summit talks launch test deployment withdrawal arrival departure evacuation landing handover takeover
    ruling verdict sentence execution release rescue capture seizure surrender intervention operation""".split()
)
# Armed actors: any non-stative past verb they are the subject of is an armed action
# ("troops took the bridge", "gunmen opened fire").
ARMED_NOUNS = frozenset(
    """troops soldiers forces police policemen militants rebels insurgents gunmen fighters militiamen
    army navy warplanes jets tanks paratroopers marines commandos guerrillas separatists jihadists pirates
    hijackers kidnappers attackers assailants""".split()
)
ASPECTUAL = frozenset("begin began begun start started resume resumed continue continued".split())
# Names of a prolonged state of conflict: not events themselves ("the war in the east"), but
# their outbreak is one ("the war began in February"), dated as background (guideline rule 9).
CONFLICT_STATES = frozenset("war wars conflict insurgency hostilities unrest violence crisis civil-war".split())
ONSET_VERBS = frozenset("began begun started erupted broke flared".split())
_DETERMINERS = frozenset("a an the its his her".split())
_CALL_FOR = re.compile(
    r"\bcall(?:s|ed|ing)?\s+(?:on\s+\w+\s+)?for\b|\b(?:martial\s+law|state\s+of\s+emergency|no-fly\s+zone)\b"
    r"|\brecall(?:s|ed|ing)?\s+(?:its|his|her|their|the)\s+(?:\w+\s+)?(?:ambassador|envoy)s?\b"
)


def forms(spec: str) -> list[str]:
    """All inflections of one verb spec: "seize" -> seize, seizes, seized, seizing."""
    parts = spec.rstrip("+").split(":")
    base = parts[0]
    if spec.endswith("+"):
        out = [base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    elif base.endswith("e"):
        out = [base, base + "s", base + "d", base[:-1] + "ing"]
    elif base.endswith("y") and base[-2] not in "aeiou":
        out = [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    elif base.endswith(("sh", "ch", "x", "s")):
        out = [base, base + "es", base + "ed", base + "ing"]
    else:
        out = [base, base + "s", base + "ed", base + "ing"]
    return out + parts[1:]


def _plural(noun: str) -> str:
    if noun.endswith(("sh", "ch", "s", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


EVENT_VERB_FORMS = frozenset(f for specs in VERB_CLASSES.values() for spec in specs.split() for f in forms(spec))
EVENT_NOUN_FORMS = EVENT_NOUNS | frozenset(_plural(n) for n in EVENT_NOUNS)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, in order."""
    return lower_words(text.lower())


# ASCII bytes that are not word characters (``WORD``) become spaces.
_WORD_BYTES = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz'-" else 32 for c in range(256))


def lower_words(lower: str) -> list[str]:
    """``WORD.findall(lower)`` for a lower-cased text. For ASCII text the words are cut by byte
    translation and ``split``, which is several times faster than the regex: each run of word
    characters is a word once its leading apostrophes and hyphens are dropped."""
    if not lower.isascii():
        return WORD.findall(_unprefixed(lower))
    return _split_spaced(_spaced(lower))


def lower_words_of_spans(lower: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """``lower_words(lower[s:e])`` for each (s, e) of ``spans``; an ASCII text is translated
    once for all of them (the translation is character by character)."""
    if not lower.isascii():
        return [lower_words(lower[s:e]) for s, e in spans]
    spaced = _spaced(lower)
    return [_split_spaced(spaced[s:e]) for s, e in spans]


# Verb prefixes cut off their verb ("test-fired", "re-took", "counter-attacked" read as the verb).
_PREFIXES = ("test-", "re-", "counter-")


def _unprefixed(lower: str) -> str:
    if "-" in lower:
        for prefix in _PREFIXES:
            lower = lower.replace(prefix, prefix[:-1] + " ")
    return lower


def _spaced(lower: str) -> str:
    return _unprefixed(lower).encode("ascii").translate(_WORD_BYTES).decode("ascii")


def _split_spaced(spaced: str) -> list[str]:
    runs = spaced.split()
    if " '" not in spaced and " -" not in spaced and spaced[:1] not in ("'", "-"):
        return runs
    return [word for run in runs if (word := run.lstrip("'-"))]


@functools.lru_cache(maxsize=65536)
def is_past(word: str) -> bool:
    return word in IRREGULAR_PAST or (len(word) >= 5 and word.endswith("ed"))


def has_past(ws: list[str] | tuple[str, ...]) -> bool:
    return any(map(is_past, ws))


def has_say(ws: list[str] | tuple[str, ...]) -> bool:
    return not SAY_WORDS.isdisjoint(ws)


_REACTION_HEADS = frozenset(stem[:4] for stem in _REACTION_STEMS)


@functools.lru_cache(maxsize=65536)
def _is_reaction_word(w: str) -> bool:
    return w in _REACTION_WORDS or (w[:4] in _REACTION_HEADS and w.startswith(_REACTION_STEMS))


def is_reaction(ws: list[str] | tuple[str, ...], lower: str | None = None) -> bool:
    """Condemnation, praise, warnings, thanks: reactions, not events (guideline rule 9).
    ``lower``, if given, is the lower-cased text the words come from."""
    if not _REACTION_WORDS.isdisjoint(ws):
        return True
    if lower is not None and not any(map(lower.__contains__, _REACTION_STEMS)):
        return False
    return any(map(_is_reaction_word, ws))


def reaction_first(ws: list[str] | tuple[str, ...], reactions: set[str]) -> bool:
    """Whether the first predicate of a sentence that holds a reaction word is the reaction
    ("The UN condemned the strike"), not an event it goes on to react to ("Troops captured the
    town and urged the rebels to surrender" is the capture)."""
    for w in ws:
        if w in reactions:
            return True
        if w in EVENT_VERB_FORMS:
            return False
    return True


def past_and_reaction_words(vocabulary: set[str]) -> tuple[set[str], set[str]]:
    """The words of ``vocabulary`` (a document's words, say) that ``has_past`` and
    ``is_reaction`` look for: a text's words show a past tense (a reaction) if they meet the
    first (the second) set. Classifying each distinct word once is cheaper than each sentence's."""
    past = {w for w in vocabulary if w in IRREGULAR_PAST or (len(w) >= 5 and w.endswith("ed"))}
    reactions = {w for w in vocabulary if w in _REACTION_WORDS or (w[:4] in _REACTION_HEADS and w.startswith(_REACTION_STEMS))}
    return past, reactions


def conflict_predicate(text: str, *, modifiers: bool = False) -> bool:
    """Whether ``text`` names what conflict reporting counts as an event: a verb of a class in
    ``VERB_CLASSES`` in any inflection, an event or decision noun, an armed actor doing
    something ("troops took the bridge"), a call for action
    ("called for") or a state of exception ("martial law"). A verb form after a determiner is
    a modifier or a noun ("a closed session") and counts only with ``modifiers``."""
    lower = text.lower()
    return conflict_in(lower, WORD.findall(lower), modifiers=modifiers)


def conflict_in(lower: str, ws: list[str] | tuple[str, ...], *, modifiers: bool = False) -> bool:
    """``conflict_predicate`` of a text already lower-cased and split into ``words``."""
    if not EVENT_NOUN_FORMS.isdisjoint(ws) or _armed_action(ws) or _onset(ws):
        return True
    if not EVENT_VERB_FORMS.isdisjoint(ws):
        for prev, w in zip(("", *ws), ws):
            if w in EVENT_VERB_FORMS and (modifiers or prev not in _DETERMINERS):
                return True
    return bool(_CALL_FOR.search(lower))


_BE = frozenset("be been being is are was were".split())


def past_action(ws: list[str] | tuple[str, ...]) -> bool:
    """Whether the words state a past action: a verb of a ``VERB_CLASSES`` class in a past form,
    used as a verb (not after a determiner, "the seized weapons", nor as a participle before
    "by" that no form of "be" introduces, "a video released by"). Stricter than
    ``conflict_predicate``: no event noun, and no participle after an armed noun ("forces
    stationed there")."""
    if EVENT_VERB_FORMS.isdisjoint(ws):
        return False
    for i, w in enumerate(ws):
        if w in EVENT_VERB_FORMS and is_past(w) and w not in NOT_PAST:
            before = ws[i - 1] if i else ""
            after = ws[i + 1] if i + 1 < len(ws) else ""
            if before not in _DETERMINERS and (after != "by" or before in _BE):
                return True
    return False


def _armed_action(ws: list[str] | tuple[str, ...]) -> bool:
    """An armed noun followed within three words by a past verb that is not a state."""
    if ARMED_NOUNS.isdisjoint(ws):
        return False
    for i, w in enumerate(ws):
        if w in ARMED_NOUNS:
            after = ws[i + 1 : i + 4]
            if any(is_past(v) and v not in STATIVE_VERBS and v not in NOT_PAST for v in after):
                return True
    return False


_ONSET_OBJECT_LEAD = frozenset("a an the its his her their new armed civil open full-scale".split())


def _onset(ws: list[str] | tuple[str, ...]) -> bool:
    """A state of conflict next to a verb of its outbreak: the state within two words before
    the verb ("the war began", "violence broke out") or its object ("began its insurgency",
    "started a civil war": only determiners and a few modifiers in between)."""
    if CONFLICT_STATES.isdisjoint(ws) or ONSET_VERBS.isdisjoint(ws):
        return False
    for i, w in enumerate(ws):
        if w not in ONSET_VERBS:
            continue
        if not CONFLICT_STATES.isdisjoint(ws[max(0, i - 2) : i]):
            return True
        j = i + 1
        while j < len(ws) and j < i + 4 and ws[j] in _ONSET_OBJECT_LEAD:
            j += 1
        if j < len(ws) and ws[j] in CONFLICT_STATES:
            return True
    return False


def event_participle(verb: str, rest: str = "") -> bool:
    """Whether a participle ("bombed", "been killed") is a verb of a counted class; for an
    aspectual verb ("have begun using ...") the clause after it decides."""
    last = verb.split()[-1].lower()
    return last in EVENT_VERB_FORMS or (last in ASPECTUAL and conflict_predicate(rest, modifiers=True))


def past_predicates(text: str) -> list[str]:
    """Past-tense verbs of ``text`` other than states and reports ("seized", not "was")."""
    return [w for w in words(text) if is_past(w) and w not in STATIVE_VERBS and w not in NOT_PAST]
