"""What other areas may use of training: putting the programme and the agreements in a new
database (the scale-data command makes a big one); who may do supervised client work, their
supervised hours, and students' placements.

Everything else in app/training is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.training.agreements import load_agreements
from app.training.programme import load_programme
from app.training.supervised import (
    CLIENT_WORK_LEVEL,
    add_supervised_time,
    level_number,
    may_do_client_work,
    placement_of,
    start_placement,
    supervisors,
)

__all__ = [
    "load_agreements",  # scale (staff.py): the four agreements, first versions
    "load_programme",  # scale (staff.py): the programme from programme.yaml, once
    "CLIENT_WORK_LEVEL",  # clients (care teams): the level from which a trainee does client work
    "level_number",  # clients (care teams): the level a person is working on
    "may_do_client_work",  # clients (care teams): a trainee at that level or further
    "add_supervised_time",  # care (signing a learner's note): hours on their record
    "placement_of",  # a student's course and supervisor
    "start_placement",  # admin (a new student's account): their course and supervisor
    "supervisors",  # admin: workers who may supervise a student
]
