"""Rendering and paging: one template gives the full page, or one named block for htmx."""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask import make_response, render_template, request
from jinja2_fragments.flask import render_block
from sqlalchemy import Select, func, select

from app.extensions import db


def wants_fragment() -> bool:
    """An htmx request that swaps part of a page (not a boosted link or a history restore)."""
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(template: str, *, block: str = "content", status: int = 200, **context):
    """The full page, or just `block` of it when htmx asks for a part of the page."""
    if wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.headers["Vary"] = "HX-Request"
    return response


@dataclass
class Page:
    items: list
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def page_number() -> int:
    """The ?page= of the request, as a whole number of 1 or more."""
    try:
        return max(1, int(request.args.get("page", 1)))
    except ValueError:
        return 1


def paginate(query: Select, *, number: int | None = None, size: int = 25) -> Page:
    """One page of a query's rows, and how many there are in all."""
    number = page_number() if number is None else number
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    items = list(db.session.scalars(query.limit(size).offset((number - 1) * size)))
    return Page(items=items, number=number, size=size, total=total or 0)
