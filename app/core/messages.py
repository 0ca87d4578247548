"""Words said in many places, and flashes by kind.

A flash has a kind, so success, information and a refusal look and sound different
(base.html draws each with its own icon, colour and words for a screen reader):
`saved("Note saved.")`, `told("Nothing changed.")`, `refused("That file is closed.")`.
"""

from __future__ import annotations

from flask import flash

NO_OPEN_EPISODE = "This person has no open episode of care. Open one on their Episodes page first."

SUCCESS, INFO, REFUSAL = "success", "info", "refusal"
KINDS = (SUCCESS, INFO, REFUSAL)


def saved(message: str) -> None:
    """Something was saved or done."""
    flash(message, SUCCESS)


def told(message: str) -> None:
    """Information: nothing went wrong, nothing new was saved ("Nothing changed.")."""
    flash(message, INFO)


def refused(message: str) -> None:
    """We would not do it, and say why."""
    flash(message, REFUSAL)
