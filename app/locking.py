"""Two people saving the same record at once (optimistic locking), one way for every form.

A record that can be edited has a version: `Versioned` (app/models/base.py) adds a `version`
column that SQLAlchemy adds one to at every save, and an UPDATE made from an older version
changes nothing (StaleDataError). Its edit form has `version = VersionField()`. The field
carries the version the person started from and a short fingerprint of each answer as they
saw it, so when someone else saved in between we can say which answers they changed.

A view, with `shown(record)` giving the form filled from the record as it is now
(`formdata=None`: never from the request):

    if request.method == "GET":
        locking.stamp(form, partner, shown)
    if form.validate_on_submit():
        changed = locking.check(form, partner, shown)   # before changing anything
        if not changed:
            service.update_partner(partner, ...)
            changed = locking.flush(form, partner, shown)   # write now; None when saved
        if not changed:
            flash(...); return redirect(...)
    return render_page(..., form=form, changed=changed)

and in the template `{{ changed_panel(changed) }}` (macros/forms.html) above the form and
`{{ form.version() }}` inside it. On a conflict nothing is written, the page comes back with
status 200 and everything the person typed, the panel says what the other person changed,
and the form now carries the newest version, so saving again keeps their words.

Someone else changing only answers this form does not show (the order of a list, say) is
not a conflict: the save goes ahead. A form without a version (a page opened before an
upgrade) is treated as out of date. `shown` may also return {label: words} for a form whose
fields are not the record's own (who supports a person, say).

Other kinds of version, same three steps:
- a version the app adds to itself (`version_id_generator: False`): call `bump(record)` for
  an edit a person makes (User: signing in writes that row too). An agreement's
  `current_number` is its version.
- a record kept as a chain of rows (a case note and its corrections, the assessments):
  pass `version=` the newest row's id to `stamp` and `check`.
A save that clashes anywhere else (a button, a service) raises StaleDataError, and the
person gets the plain "Someone else changed this" page (409, app/errors.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import inspect
from sqlalchemy.orm.exc import StaleDataError
from wtforms import BooleanField, HiddenField, SelectFieldBase, SubmitField
from wtforms.csrf.core import CSRFTokenField

from app import clock
from app.extensions import db

PRINT_LENGTH = 6  # hex characters of each answer's fingerprint
VERSION_NUMBER = re.compile(r"[0-9]{1,12}")
PRINTS = re.compile(r"[0-9a-f]+")
NOT_ANSWERS = (HiddenField, SubmitField, CSRFTokenField)


class VersionField(HiddenField):
    """The version a form was filled from, and a fingerprint of each answer shown.

    `ignore` names fields that are not the record's (a "why" box, "add as a case note").
    """

    def __init__(self, label=None, validators=None, *, ignore: Iterable[str] = (), **kwargs):
        super().__init__(label, validators, **kwargs)
        self.ignore = frozenset(ignore)

    def process_data(self, value):
        """Never from the record (`obj=`): only what the page sent, or `stamp`."""
        self.data = None


@dataclass
class Changed:
    """Someone else saved the record after this person opened it.

    `answers` is [(label, the answer now, in words)]; empty when we cannot tell which.
    """

    answers: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return True


Shown = Callable[[object], object]


# --- the version and what was shown ---------------------------------------------------------


def version_of(record) -> int:
    """A record's version: the value of its mapper's version column."""
    mapper = inspect(type(record))
    column = mapper.version_id_col
    if column is None:
        raise TypeError(f"{type(record).__name__} has no version column")
    return getattr(record, mapper.get_property_by_column(column).key)


def bump(record) -> None:
    """Add one to the version of a record whose version the app keeps itself
    (`version_id_generator: False`, as on User: signing in writes that row too, and two
    sign-ins at once must not refuse each other). Call it for an edit a person makes."""
    mapper = inspect(type(record))
    key = mapper.get_property_by_column(mapper.version_id_col).key
    setattr(record, key, getattr(record, key) + 1)


def words(field) -> str:
    """An answer as the person sees it: the words of a choice, a date as people say it."""
    data = field.data
    if isinstance(field, SelectFieldBase) and field.choices is not None:
        names = {str(choice[0]): str(choice[1]) for choice in field.choices}
        if isinstance(data, list | tuple | set):
            return ", ".join(names.get(str(v), str(v)) for v in data)
        if data in (None, "", "None"):
            return ""
        return names.get(str(data), str(data))
    if isinstance(field, BooleanField):
        return "Yes" if data else "No"
    return as_words(data)


def as_words(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        value = value.astimezone(clock.CANBERRA)
        return f"{value.day} {value:%B %Y}, {clock.clock_time(value.time())}"
    if isinstance(value, date):
        return f"{value:%A} {value.day} {value:%B %Y}"
    if isinstance(value, time):
        return clock.clock_time(value)
    if isinstance(value, list | tuple | set):
        return ", ".join(as_words(v) for v in value)
    return str(value).strip()


def answers_of(shown, ignore: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """{name: (label, words)} of a form filled from a record, or of a {label: value} dict."""
    if isinstance(shown, dict):
        return {str(k): (str(k), as_words(v)) for k, v in shown.items()}
    skip = set(ignore)
    return {
        f.name: (str(f.label.text), words(f))
        for f in shown
        if not isinstance(f, NOT_ANSWERS) and f.name not in skip
    }


def _print(name: str, text: str) -> str:
    digest = hashlib.blake2s(f"{name}\0{text}".encode(), digest_size=8).hexdigest()
    return digest[:PRINT_LENGTH]


def _value(version: int, answers: dict[str, tuple[str, str]]) -> str:
    prints = "".join(_print(name, answers[name][1]) for name in sorted(answers))
    return f"{version}:{prints}"


def _parse(value) -> tuple[int | None, list[str] | None]:
    """(version, fingerprints) from the hidden field; None for what is missing or garbled."""
    text = str(value or "").strip()
    number, _, prints = text.partition(":")
    if not VERSION_NUMBER.fullmatch(number):
        return None, None
    if not prints or len(prints) % PRINT_LENGTH or not PRINTS.fullmatch(prints):
        return int(number), None
    return int(number), [prints[i : i + PRINT_LENGTH] for i in range(0, len(prints), PRINT_LENGTH)]


def _answers(form, record, shown: Shown) -> dict[str, tuple[str, str]]:
    return answers_of(shown(record), getattr(form.version, "ignore", ()))


# --- the three steps --------------------------------------------------------------------


def stamp(form, record, shown: Shown, *, version: int | None = None) -> None:
    """Put the record's version, and a fingerprint of what the person sees, in the form.

    `version` is for a record kept as a chain of rows (a case note and its corrections):
    the id of the newest row."""
    now = version_of(record) if version is None else version
    form.version.data = _value(now, _answers(form, record, shown))


def check(form, record, shown: Shown, *, version: int | None = None) -> Changed | None:
    """None: go ahead and save. Changed: someone else changed an answer on this form since
    the person opened it; the form then carries the newest version."""
    now = version_of(record) if version is None else version
    seen_version, _ = _parse(form.version.data)
    if seen_version is not None and seen_version == now:
        return None
    return compare(form, record, shown, now)


def flush(form, record, shown: Shown) -> Changed | None:
    """Write the changes now. When someone else saved the record in the same moment, nothing
    of this request is kept and what they changed comes back."""
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(record)
        return compare(form, record, shown, version_of(record)) or Changed()
    return None


def compare(form, record, shown: Shown, now: int | None = None) -> Changed | None:
    """The answers that differ from what the person saw; the form gets the newest version."""
    now = version_of(record) if now is None else now
    seen_version, seen_prints = _parse(form.version.data)
    answers = _answers(form, record, shown)
    form.version.data = _value(now, answers)
    if seen_version is None or seen_prints is None or len(seen_prints) != len(answers):
        return Changed()
    seen = dict(zip(sorted(answers), seen_prints, strict=True))
    differ = [answer for name, answer in answers.items() if _print(name, answer[1]) != seen[name]]
    if not differ:
        return None  # they changed something this form does not show: nothing is lost
    return Changed(differ)
