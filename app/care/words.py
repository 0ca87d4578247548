"""Respectful language in case notes: words the sector has moved away from, and what to say.

`suggestions(text)` is a pure function: it finds the words and gives the respectful
alternative for each. It never blocks a save; the worker may keep their words. The same
patterns go to the browser (as JSON) so care.js can point them out while typing.
Patterns use only what both Python and JavaScript regular expressions understand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words near "clean" or "dirty" that show it is about a drug test result.
_RESULT = r"(?:urine|urines|uds|udss|screens?|tests?|results?|samples?|specimens?|drug\s+tests?)"
_BE = (
    r"(?:is|was|were|are|be|been|being|stay|stays|stayed|staying|get|gets|got|getting|"
    r"keep|keeps|kept|keeping|remain|remains|remained|remaining|came\s+back|come\s+back|"
    r"comes\s+back|coming\s+back|went|go|going|looks|looked)"
)


# Things that can be clean or dirty without it being about a person or a test result.
THINGS = (
    "clothes",
    "shirt",
    "sheets",
    "linen",
    "house",
    "home",
    "room",
    "kitchen",
    "place",
    "flat",
    "unit",
    "car",
    "tent",
    "swag",
    "bathroom",
    "toilet",
    "shower",
    "fits",
    "needles",
    "syringes",
    "equipment",
    "gear",
    "water",
    "towel",
    "towels",
    "dishes",
    "laundry",
    "bed",
)
_DRUGS = (
    r"(?:drugs?|substances?|alcohol|heroin|ice|meth|methamphetamines?|opioids?|opiates?|"
    r"benzos?|cannabis|pills|poly-?drugs?|poly-?substances?)"
)


@dataclass(frozen=True)
class Rule:
    pattern: str  # a case-insensitive regular expression
    instead: str  # the respectful alternative, in plain words
    # Skip a find when the same sentence names one of these things ("the room was clean").
    unless_sentence_has: tuple[str, ...] = ()


RULES: tuple[Rule, ...] = (
    Rule(r"\b(?:drug\s+|ex[-\s]?|former\s+)?addicts?\b", "person who uses drugs"),
    Rule(r"\baddicted\s+to\b", "dependent on, or uses"),
    Rule(r"\bjunk(?:ie|y|ies)s?\b", "person who uses drugs"),
    Rule(
        r"\b(?:druggies?|druggos?|crack\s?heads?|smack\s?heads?|meth\s?heads?|ice\s?heads?|"
        r"pot\s?heads?|tweakers?|dope\s?fiends?|stoners?)\b",
        "person who uses drugs",
    ),
    # "abuser" only about drugs: "her abuser" in a note about violence is the right word.
    Rule(r"\b" + _DRUGS + r"\s+abusers?\b", "person who uses drugs"),
    Rule(r"\babus(?:es|ed|ing)\s+" + _DRUGS + r"\b", "uses drugs (or alcohol)"),
    Rule(r"\b" + _DRUGS + r"\s+(?:ab|mis)use\b", "drug use (or alcohol use)"),
    Rule(r"\balcoholics?\b", "person who drinks alcohol, or has alcohol dependence"),
    Rule(r"\bdrug[-\s]?seek(?:ing|er|ers)\b", "asked for pain relief (say what they asked for)"),
    Rule(r"\bnon[-\s]?complian(?:t|ce)\b", "chose not to, or could not (say what happened)"),
    Rule(r"\bcompliant\b", "took part, or chose not to (say what happened)"),
    Rule(r"\brelaps(?:e|es|ed|ing)\b", "returned to use, or used again"),
    Rule(
        r"\bfail(?:ed|s|ing)?\s+(?:at\s+)?(?:rehab|detox|treatment|the\s+program|"
        r"the\s+programme|their\s+plan|the\s+plan|omt|methadone|bupe)\b",
        "say what happened (for example: left rehab early, or it did not suit them)",
    ),
    # "clean" and "dirty" about a test result: "clean urine", "the screen came back dirty".
    *(
        rule
        for word, result in (("clean", "negative result"), ("dirty", "positive result"))
        for rule in (
            Rule(r"\b" + word + r"\s+" + _RESULT + r"\b", result),
            Rule(
                r"\b" + _RESULT + r"\s+(?:\w+\s+){0,2}?" + _BE + r"\s+(?:\w+\s+)?" + word + r"\b",
                result,
            ),
        )
    ),
    # "clean" and "dirty" about a person: "has been clean", "stay clean".
    *(
        Rule(
            r"\b(?:has|have|had|is|was|were|are|been|stay|stays|stayed|staying|get|gets|got|"
            r"getting|keep|keeps|kept|keeping|remain|remains|remained|remaining|feels|feel|"
            r"felt|went)\s+(?:\w+\s+)?" + word + r"\b",
            instead,
            THINGS,
        )
        for word, instead in (
            ("clean", "not using right now (say what they told you)"),
            ("dirty", "using (say what they told you)"),
        )
    ),
    Rule(
        r"\bclean\s+(?:and\s+sober|for\s+\d|for\s+(?:a|an|one|two|three|four|five|six|"
        r"seven|eight|nine|ten|some|months|weeks|years|days)\b|since)\b",
        "not using right now (say what they told you)",
    ),
    Rule(r"\bdirty\s+(?:users?|people|person|junkies?)\b", "person who uses drugs"),
)

_COMPILED = tuple((re.compile(rule.pattern, re.IGNORECASE), rule) for rule in RULES)


@dataclass(frozen=True)
class Suggestion:
    found: str  # the words as typed
    instead: str  # what to say instead


def suggestions(text: str | None) -> list[Suggestion]:
    """The words in `text` the sector has moved away from, each with a respectful
    alternative, in the order they appear. Each phrase once; overlapping finds once."""
    if not text:
        return []
    found: list[tuple[int, int, Suggestion]] = []
    for pattern, rule in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in found):
                continue
            if rule.unless_sentence_has and _sentence_has(text, start, end, rule):
                continue
            found.append((start, end, Suggestion(" ".join(match.group(0).split()), rule.instead)))
    found.sort(key=lambda item: item[0])
    seen: set[str] = set()
    result = []
    for _, _, suggestion in found:
        key = suggestion.found.lower()
        if key not in seen:
            seen.add(key)
            result.append(suggestion)
    return result


_SENTENCE_END = re.compile(r"[.!?;\n]")


def _sentence_has(text: str, start: int, end: int, rule: Rule) -> bool:
    before = _SENTENCE_END.split(text[:start])[-1]
    after = _SENTENCE_END.split(text[end:])[0]
    words = set(re.findall(r"[a-z]+", (before + " " + after).lower()))
    return bool(words & set(rule.unless_sentence_has))


def rules_for_browser() -> list[dict[str, str]]:
    """The same rules for care.js (the server check on save is the one that counts)."""
    return [
        {"pattern": rule.pattern, "instead": rule.instead, "unless": list(rule.unless_sentence_has)}
        for rule in RULES
    ]
