"""Rendering and paging: one template gives the full page, or one named block for htmx."""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask import current_app, make_response, render_template, request
from sqlalchemy import Select, func, select

from app.extensions import db


def wants_fragment() -> bool:
    """An htmx request that swaps part of a page (not a boosted link or a history restore)."""
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_block(template_name: str, block: str, **context) -> str:
    """One block of a template, rendered as it would be inside the whole page.

    The template's top-level code runs first (its `{% from ... import %}` lines and top-level
    `{% set %}`), so a block that uses a macro imported at the top of the file works on its
    own, and blocks defined in a layout in between are found. Running the top-level code
    stops at the first piece of output (base.html's doctype), so the rest of the page is not
    rendered. Without this, any htmx request that was not boosted got a 500 from a block
    that uses such a macro or lives in a layout.
    """
    app = current_app._get_current_object()
    app.update_template_context(context)
    template = app.jinja_env.get_template(template_name)
    page = template.new_context(context)
    top_level = template.root_render_func(page)
    try:
        next(top_level, None)
    finally:
        top_level.close()
    try:
        # The most derived version of the block, which may come from a layout in between.
        return app.jinja_env.concat(page.blocks[block][0](page))
    except Exception:
        return app.jinja_env.handle_exception()


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


LAST_PAGE_NUMBER = 10**9  # far past any real list, and its offset fits the database's integers


def page_number() -> int:
    """The ?page= of the request, as a whole number from 1 to LAST_PAGE_NUMBER."""
    try:
        return min(max(1, int(request.args.get("page", 1))), LAST_PAGE_NUMBER)
    except ValueError:
        return 1


def paginate(query: Select, *, number: int | None = None, size: int = 25) -> Page:
    """One page of a query's rows, and how many there are in all."""
    number = page_number() if number is None else number
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    items = list(db.session.scalars(query.limit(size).offset((number - 1) * size)))
    return Page(items=items, number=number, size=size, total=total or 0)
