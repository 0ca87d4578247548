"""Putting the programme in the database, from programme.yaml or an organisation's own file.

`load_programme()` puts the programme that comes with the app (programme.yaml, read by
programme_file.py) in an empty database: demo-data, `flask training load-programme`, the
trainer's "Load the programme" button and the tests all call it. After that it is the
trainer's to edit in the app.

The trainer's edits (programme_edits.py) are each written to the audit log, and
`update_from_file(levels)` reads that log.

`update_from_file(levels)` is `flask programme-load FILE`: an organisation loads its own
edited copy. A level is known by its number, a module by its level and `in_house`, an item by
its module, `source` and `source_text`. New ones are added (at the end of their level or
module); ones the file words differently are changed; but a module or item a trainer changed
in the app (the audit log holds every such change) is kept as the trainer left it. Nothing is
taken away: what is in the database and not in the file stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, LearningItem, Level, Module
from app.training.programme_edits import TRAINER_EDITS
from app.training.programme_file import read_programme


@dataclass
class LoadReport:
    """What loading a file did, in words for the person who ran it."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # a trainer's edit, kept over the file's words

    def lines(self) -> list[str]:
        out = [
            f"Added: {len(self.added)}. Changed: {len(self.changed)}. "
            f"Kept as a trainer left them: {len(self.kept)}."
        ]
        for heading, names in (
            ("Added", self.added),
            ("Changed", self.changed),
            ("Kept as a trainer left it (the file's words were not used)", self.kept),
        ):
            out += [f"{heading}: {name}" for name in names]
        return out


def programme_is_loaded() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(Level)))


def load_programme(created_by=None) -> bool:
    """Put the programme that comes with the app in the database, once. False when it was
    there already."""
    if programme_is_loaded():
        return False
    update_from_file(read_programme(), created_by=created_by)
    return True


def _edited_by_trainer() -> set[tuple[str, int]]:
    rows = db.session.execute(
        select(AuditEvent.record_type, AuditEvent.record_id).where(
            AuditEvent.action.in_(TRAINER_EDITS), AuditEvent.record_id.is_not(None)
        )
    )
    return {(kind, record_id) for kind, record_id in rows}


def _fields(data: dict, leave_out: str) -> dict:
    return {k: v for k, v in data.items() if k != leave_out}


def _differs(row, fields: dict) -> bool:
    return any(getattr(row, name) != value for name, value in fields.items())


def _refresh(row, fields: dict, key, edited, report: LoadReport, name: str, kept_as: str) -> None:
    """Bring a module or item up to the file's words, unless a trainer edited it here.

    Modules and items follow the one rule of the module's docstring (a trainer's edit is kept
    and reported as kept); one function keeps that rule the same for both."""
    if not _differs(row, fields):
        return
    if key in edited:
        report.kept.append(kept_as)
        return
    for attr, value in fields.items():
        setattr(row, attr, value)
    report.changed.append(name)


def update_from_file(levels: list[dict], *, created_by=None) -> LoadReport:
    """Add and change the programme from checked file data (programme_file.read_programme_file).
    See the module's docstring for what is kept."""
    by = getattr(created_by, "id", None)
    report = LoadReport()
    edited = _edited_by_trainer()
    have_levels = {lv.number: lv for lv in db.session.scalars(select(Level))}
    for level_data in levels:
        fields = _fields(level_data, "modules")
        level = have_levels.get(level_data["number"])
        if level is None:
            level = Level(**fields, created_by_id=by)
            db.session.add(level)
            report.added.append(f"level {level.number}")
        elif _differs(level, fields):
            for name, value in fields.items():
                setattr(level, name, value)
            report.changed.append(f"level {level.number}")
        _update_modules(level, level_data["modules"], by, edited, report)
    db.session.flush()
    return report


def _update_modules(level: Level, modules: list[dict], by, edited, report: LoadReport) -> None:
    have = {m.in_house: m for m in level.modules}
    last = max((m.position for m in level.modules), default=0)
    for module_data in modules:
        fields = _fields(module_data, "items")
        fields.setdefault("words", [])
        module = have.get(module_data["in_house"])
        name = f"level {level.number}, module {fields['title']!r}"
        if module is None:
            last += 1
            module = Module(level=level, position=last, created_by_id=by, **fields)
            db.session.add(module)
            report.added.append(name)
        else:
            kept_as = f"level {level.number}, module {module.title!r}"
            _refresh(module, fields, ("Module", module.id), edited, report, name, kept_as)
        _update_items(module, module_data["items"], by, edited, report, name)


def _update_items(module: Module, items: list[dict], by, edited, report, where: str) -> None:
    have = {(i.source, i.source_text): i for i in module.items}
    last = max((i.position for i in module.items), default=0)
    for item_data in items:
        fields = {"body": "", "minutes": None, "link": None, "special": None}
        fields |= {"certificate_kind": None} | item_data
        item = have.get((item_data["source"], item_data["source_text"]))
        name = f"{where}, item {item_data['title']!r}"
        if item is None:
            last += 1
            db.session.add(LearningItem(module=module, position=last, created_by_id=by, **fields))
            report.added.append(name)
        else:
            kept_as = f"{where}, item {item.title!r}"
            _refresh(item, fields, ("LearningItem", item.id), edited, report, name, kept_as)
