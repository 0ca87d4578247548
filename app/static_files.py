"""Static files the browser keeps for a year: each URL carries a hash of the file's bytes.

`url_for("static", filename="css/app.css")` gives `/static/css/app.css?v=<hash>` (added here
by a URL default, so templates stay as they are). A response asked for with the file's
current hash is cached for a year and marked immutable, so a reload asks for no CSS,
JavaScript or icon. A changed file has a new hash, so a new URL: nobody gets an old copy.
Without the right hash (an old page, a hand-typed address) the browser must check again.

Flask sends a file as a stream, and Flask-Compress compresses a stream only in brotli or
deflate, never gzip. Our static files are small (htmx is the largest, 51 KB), so they are read
into memory here first: then every browser gets them compressed, gzip included.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, current_app, request

A_YEAR = 365 * 24 * 60 * 60
HASH_LETTERS = 12


def init_app(app: Flask) -> None:
    app.url_defaults(add_content_hash)
    app.after_request(cache_hashed_files)
    if app.debug:
        # make run: a file edited while the server runs gets its new hash on the next page.
        app.before_request(file_hash.cache_clear)


@cache
def file_hash(static_folder: str, filename: str) -> str | None:
    path = Path(static_folder) / filename
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LETTERS]
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None


def add_content_hash(endpoint: str, values: dict) -> None:
    if endpoint != "static" or "filename" not in values or "v" in values:
        return
    digest = file_hash(current_app.static_folder, values["filename"])
    if digest:
        values["v"] = digest


def cache_hashed_files(response):
    if request.endpoint != "static" or response.status_code != 200:
        return response
    response.direct_passthrough = False
    response.make_sequence()  # in one piece, so Flask-Compress can gzip it (see above)
    filename = (request.view_args or {}).get("filename", "")
    asked = request.args.get("v")
    if asked and asked == file_hash(current_app.static_folder, filename):
        response.headers["Cache-Control"] = f"public, max-age={A_YEAR}, immutable"
    else:
        response.headers["Cache-Control"] = "no-cache"
    return response
