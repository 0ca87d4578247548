"""Smaller pages on the wire: Flask-Compress sends brotli or gzip to a browser that asks,
and the CSRF token is masked afresh in every page so compression cannot leak it.

Why the mask: BREACH guesses a secret in a compressed page one letter at a time, by putting
text of its own in the same page (a search word, a name) and watching the size. Our pages
echo what people type, and the CSRF token is in every page. So the token is never written
as it is: each time a page shows it, it is XORed with fresh random bytes ("m" + pad + token
XOR pad, in URL-safe base64), and no two pages carry the same bytes. A request's token is
unmasked here before Flask-WTF checks it, so Flask-WTF stays the one place that validates.
"""

from __future__ import annotations

import base64
import binascii
import secrets

from flask import Flask, request
from flask_compress import Compress
from flask_wtf.csrf import generate_csrf
from werkzeug.datastructures import ImmutableMultiDict

# Text that compresses well. Images (PNG) and the exports (xlsx, already zipped) do not.
COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
]
MASK_PREFIX = "m"
CSRF_FIELD = "csrf_token"  # a form with a prefix sends "<prefix>-csrf_token"
# Flask-WTF's two headers (X-CSRFToken and X-CSRF-Token), as the WSGI environ names them.
CSRF_HEADERS = ("HTTP_X_CSRFTOKEN", "HTTP_X_CSRF_TOKEN")

compress = Compress()


def init_app(app: Flask) -> None:
    """Call before CSRFProtect's init_app: the unmasking must run before its check."""
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "deflate"])
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    compress.init_app(app)
    app.before_request(unmask_request_token)


def masked_csrf_token() -> str:
    """The CSRF token for a page, different bytes every time it is shown."""
    token = generate_csrf().encode()
    pad = secrets.token_bytes(len(token))
    mixed = bytes(a ^ b for a, b in zip(token, pad, strict=True))
    return MASK_PREFIX + base64.urlsafe_b64encode(pad + mixed).decode().rstrip("=")


def unmask(value: str | None) -> str | None:
    """The token inside a masked one; anything else is given back as it came."""
    if not value or not value.startswith(MASK_PREFIX):
        return value
    data = value[len(MASK_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return value
    if not raw or len(raw) % 2:
        return value
    half = len(raw) // 2
    try:
        return bytes(a ^ b for a, b in zip(raw[:half], raw[half:], strict=True)).decode()
    except UnicodeDecodeError:
        return value


def unmask_request_token() -> None:
    """Put the plain token where Flask-WTF looks: the form field and the header."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    for header in CSRF_HEADERS:
        if request.environ.get(header):
            request.environ[header] = unmask(request.environ[header])
    names = [name for name in request.form if name.endswith(CSRF_FIELD)]
    if names:
        form = request.form.copy()
        for name in names:
            form.setlist(name, [unmask(v) for v in form.getlist(name)])
        request.form = ImmutableMultiDict(form)  # werkzeug caches form; this replaces it
