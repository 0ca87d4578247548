"""The glossary of the model of care, as data: sector words and what they mean in plain words.

`term("NSP")` in a template shows the word with its meaning on hover and to screen readers.
The list is loaded once from app/data/glossary.txt (word, tab, plain meaning).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Term:
    word: str
    meaning: str


@cache
def all_terms() -> tuple[Term, ...]:
    text = resources.files("app.data").joinpath("glossary.txt").read_text()
    terms = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, meaning = line.split("\t", 1)
            terms.append(Term(word.strip(), meaning.strip()))
    return tuple(sorted(terms, key=lambda t: t.word.lower()))


@cache
def _by_word() -> dict[str, Term]:
    return {t.word.lower(): t for t in all_terms()}


def meaning(word: str) -> str | None:
    found = _by_word().get(word.lower())
    return found.meaning if found else None
