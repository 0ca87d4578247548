"""Reading and checking a programme file (programme.yaml, or an organisation's own copy).

The programme's words are data, not code: `programme.yaml` beside this module holds the
Community Development Program as the model of care sets it out, and an organisation may
load its own edited copy (`flask programme-load FILE`). Nothing is put in the database from
a file that fails a check: `read_programme` reads the whole file, checks every level, module
and item against the schema below, and raises `ProgrammeFileError` listing every problem in
plain words with its place ("level 3, module 2: 'title' is missing").
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import yaml

from app.models import LearningItem, Level, Module
from app.models.training import CERTIFICATE_KINDS, ITEM_KINDS

PROGRAMME_FILE = Path(__file__).with_name("programme.yaml")
LEVEL_NUMBERS = (1, 2, 3, 4, 5)
SPECIALS = ("agreements", "words", "shadow_desk")


class ProgrammeFileError(Exception):
    """A programme file we will not load, with every problem found and where it is."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _limit(model, name: str) -> int | None:
    """The longest text the column takes (from the model: the limit lives there, once)."""
    return getattr(model.__table__.c[name].type, "length", None)


# The schema: field -> (type, needed). The types are what YAML gives: str, int, list.
LEVEL_FIELDS = {
    "number": (int, True),
    "name": (str, True),
    "position": (str, True),
    "step_label": (str, True),
    "summary": (str, True),
    "lets_you": (str, True),
    "hours": (str, False),
    "description": (str, False),
    "modules": (list, True),
}
MODULE_FIELDS = {
    "title": (str, True),
    "in_house": (str, True),
    "content_heading": (str, False),
    "summary": (str, False),
    "description": (str, False),
    "words": (list, False),
    "items": (list, True),
}
ITEM_FIELDS = {
    "kind": (str, True),
    "title": (str, True),
    "body": (str, False),
    "source": (str, True),
    "source_text": (str, True),
    "minutes": (int, False),
    "link": (str, False),
    "special": (str, False),
    "certificate_kind": (str, False),
}
TYPE_WORDS = {str: "words", int: "a whole number", list: "a list"}


def _check_fields(row, fields: dict, model, place: str, problems: list[str]) -> bool:
    """Needed fields there, known fields only, each of the right type and not too long.
    False when `row` is not a set of fields at all (nothing under it can be checked)."""
    if not isinstance(row, dict):
        problems.append(f"{place}: should be a set of fields (name: value)")
        return False
    for name in row:
        if name not in fields:
            problems.append(f"{place}: {name!r} is not a field we know")
    for name, (kind, needed) in fields.items():
        value = row.get(name)
        if value is None:
            if needed:
                problems.append(f"{place}: {name!r} is missing")
            continue
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append(f"{place}: {name!r} should be {TYPE_WORDS[kind]}")
            continue
        if kind is str:
            if needed and not value.strip():
                problems.append(f"{place}: {name!r} is empty")
            limit = _limit(model, name)
            if limit and len(value) > limit:
                problems.append(f"{place}: {name!r} is longer than {limit} characters")
    return True


def _check_item(item: dict, place: str, problems: list[str]) -> None:
    if item.get("kind") is not None and item["kind"] not in ITEM_KINDS:
        problems.append(f"{place}: 'kind' should be one of {', '.join(ITEM_KINDS)}")
    minutes = item.get("minutes")
    if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes <= 0:
        problems.append(f"{place}: 'minutes' should be more than 0")
    if item.get("special") is not None and item["special"] not in SPECIALS:
        problems.append(f"{place}: 'special' should be one of {', '.join(SPECIALS)}")
    kind = item.get("certificate_kind")
    if kind is not None and kind not in CERTIFICATE_KINDS:
        problems.append(
            f"{place}: 'certificate_kind' should be one of {', '.join(CERTIFICATE_KINDS)}"
        )


def _check_module(module, place: str, problems: list[str]) -> None:
    if not _check_fields(module, MODULE_FIELDS, Module, place, problems):
        return
    words = module.get("words")
    if isinstance(words, list) and not all(isinstance(w, str) and w.strip() for w in words):
        problems.append(f"{place}: every one of 'words' should be a word")
    items = module.get("items")
    if not isinstance(items, list):
        return
    if not items:
        problems.append(f"{place}: 'items' is empty")
    seen: set[tuple] = set()
    for i, item in enumerate(items, start=1):
        item_place = f"{place}, item {i}"
        if not _check_fields(item, ITEM_FIELDS, LearningItem, item_place, problems):
            continue
        _check_item(item, item_place, problems)
        key = (item.get("source"), item.get("source_text"))
        if key in seen:
            problems.append(
                f"{item_place}: another item of this module has the same source and source_text"
            )
        seen.add(key)


def check_programme(data) -> list[dict]:
    """The levels in `data` (the file as read), or ProgrammeFileError with every problem."""
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("levels"), list):
        raise ProgrammeFileError(["the file should start with 'levels:' and a list of levels"])
    levels = data["levels"]
    for name in data:
        if name != "levels":
            problems.append(f"the file: {name!r} is not a field we know")
    numbers = []
    for n, level in enumerate(levels, start=1):
        number = level.get("number") if isinstance(level, dict) else None
        place = f"level {number}" if isinstance(number, int) else f"level {n} in the file"
        if not _check_fields(level, LEVEL_FIELDS, Level, place, problems):
            continue
        if isinstance(number, int):
            if number not in LEVEL_NUMBERS:
                problems.append(f"{place}: 'number' should be 1 to 5")
            elif number in numbers:
                problems.append(f"{place}: there is another level {number}")
            numbers.append(number)
        modules = level.get("modules")
        if not isinstance(modules, list):
            continue
        if not modules:
            problems.append(f"{place}: 'modules' is empty")
        seen: set = set()
        for m, module in enumerate(modules, start=1):
            _check_module(module, f"{place}, module {m}", problems)
            in_house = module.get("in_house") if isinstance(module, dict) else None
            if in_house is not None and in_house in seen:
                problems.append(
                    f"{place}, module {m}: another module of this level has the same 'in_house'"
                )
            seen.add(in_house)
    missing = [str(n) for n in LEVEL_NUMBERS if n not in numbers]
    if missing:
        problems.append(f"the file: level {', '.join(missing)} is missing (it needs levels 1 to 5)")
    if problems:
        raise ProgrammeFileError(problems)
    return sorted(levels, key=lambda level: level["number"])


def read_programme_file(path: Path | str) -> list[dict]:
    """Read and check a programme file; ProgrammeFileError says what is wrong and where."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProgrammeFileError([f"the file could not be read: {error}"]) from error
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "the file"
        problem = getattr(error, "problem", None) or "it is not YAML"
        raise ProgrammeFileError([f"{where}: the file is not valid YAML ({problem})"]) from error
    return check_programme(data)


@cache
def _shipped() -> tuple[dict, ...]:
    return tuple(read_programme_file(PROGRAMME_FILE))


def read_programme() -> list[dict]:
    """The programme that comes with the app (read and checked once, a fresh copy each time)."""
    return copy.deepcopy(list(_shipped()))
