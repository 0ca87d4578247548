"""Lists the manager puts in order (tally items, daily tasks, learning items): one way to
move a row up or down."""

from __future__ import annotations

from collections.abc import Sequence


def move(rows: Sequence, row, direction: str) -> bool:
    """Swap `row` with its neighbour in `rows` (in their shown order), "up" or "down", and
    number them all afresh from 1 so equal positions cannot stick. False at either end, or
    when the row is not in the list."""
    order = list(rows)
    if row not in order:
        return False
    here = order.index(row)
    there = here - 1 if direction == "up" else here + 1
    if not 0 <= there < len(order):
        return False
    order[here], order[there] = order[there], order[here]
    for number, each in enumerate(order, start=1):
        each.position = number
    return True
