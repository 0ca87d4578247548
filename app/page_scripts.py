"""Only the JavaScript a page needs (issue 14): htmx and app.js load on every page; an area's
script loads on the pages that show its parts.

A template part that needs a script says so where it is drawn: `{{ page_script("drafts") }}`
in the drafts macro, `{{ page_script("signature") }}` in the signature box. base.html draws
the content first and the script tags last, so by then every part has spoken. A boosted link
swaps the body and htmx runs no script tags (allowScriptTags is off), so app.js loads any
script the new page lists that this tab has not loaded yet (loadPageScripts).
"""

from __future__ import annotations

from flask import Flask, g, url_for
from flask_login import current_user

# In the order they must run: a library before the script that uses it.
SCRIPTS = {
    "care": ["js/care.js"],
    "training": ["js/training.js"],
    "drafts": ["js/drafts.js"],
    "frontdesk": ["js/frontdesk.js"],
    "signature": ["vendor/signature_pad-5.1.4.umd.min.js", "js/signature.js"],
}


def page_script(name: str) -> str:
    """Note that this page needs an area's script; draws nothing."""
    if name not in SCRIPTS:
        raise KeyError(f"no page script called {name!r}")
    g.setdefault("page_scripts", set()).add(name)
    return ""


def page_script_urls() -> list[str]:
    """The script URLs this page asked for, in SCRIPTS order."""
    wanted = set(g.get("page_scripts", ()))
    # Taps waiting on a desk are sent from whatever page the desk is on, not only the day
    # screen (frontdesk.js keeps them in this browser until the server takes them).
    if current_user.is_authenticated and current_user.role == "frontdesk":
        wanted.add("frontdesk")
    return [
        url_for("static", filename=filename)
        for name, files in SCRIPTS.items()
        if name in wanted
        for filename in files
    ]


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(page_script=page_script, page_script_urls=page_script_urls)
