"""The glossary of the model of care, as data: sector words and what they mean in plain words.

`term("NSP")` in a template shows the word with a "What it means" button beside it (a tap and
a key reach it); without JavaScript the meaning is written after the word.
Words marked * in the file (and every short form in capitals) must be explained wherever
they are shown: tests/glossary_check.py finds any left bare.
The list is loaded once from app/data/glossary.txt (word, tab, plain meaning).
"""

from __future__ import annotations

import re
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
            terms.append(Term(word.lstrip("*").strip(), meaning.strip()))
    return tuple(sorted(terms, key=lambda t: t.word.lower()))


@cache
def _by_word() -> dict[str, Term]:
    return {t.word.lower(): t for t in all_terms()}


def find(word: str) -> Term | None:
    """The glossary's word, also for a plural ("Fit packs" finds "Fit pack")."""
    key = word.lower()
    return _by_word().get(key) or (_by_word().get(key[:-1]) if key.endswith("s") else None)


def meaning(word: str) -> str | None:
    found = find(word)
    return found.meaning if found else None


def slug(word: str) -> str:
    """A word as part of an id: "AODTS-NMDS" -> "aodts-nmds"."""
    return re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")


@cache
def must_explain() -> tuple[Term, ...]:
    """The words a person may not know: every short form in capitals (NSP, SLK) and the
    words marked with * in the file. Wherever one is on a page, term() explains it."""
    text = resources.files("app.data").joinpath("glossary.txt").read_text()
    marked = {
        line.split("\t", 1)[0].lstrip("*").strip().lower()
        for line in text.splitlines()
        if line.startswith("*")
    }
    return tuple(
        t for t in all_terms() if t.word.lower() in marked or re.fullmatch(r"[A-Z][A-Z-]+", t.word)
    )


@cache
def sector_word_pattern() -> re.Pattern:
    """Every short form in capitals and every marked word, as one pattern (group 1)."""
    parts = []
    for t in sorted(must_explain(), key=lambda t: -len(t.word)):
        word = re.escape(t.word)
        # Short forms in capitals match only in capitals; other words in any case, and plural.
        parts.append(word if t.word.isupper() else f"(?i:{word}s?)")
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])")


def words_to_explain(text: str) -> list[Term]:
    """The words in `text` a person may not know (must_explain), each once, in order."""
    found: dict[str, Term] = {}
    for match in sector_word_pattern().finditer(text or ""):
        term = find(match.group(1))
        if term is not None:
            found.setdefault(term.word, term)
    return list(found.values())
