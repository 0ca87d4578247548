"""Pages travel compressed (brotli or gzip, as the browser asks), and the CSRF token in a
compressed page is different bytes every time, so BREACH cannot guess it from the sizes."""

import gzip
import re

import brotli
import pytest

from app.compression import masked_csrf_token, unmask

TOKEN_IN_PAGE = re.compile(r'name="csrf-token" content="([^"]+)"')


def test_a_page_comes_in_brotli_or_gzip_as_the_browser_asks(client):
    plain = client.get("/sign-in")
    assert "Content-Encoding" not in plain.headers

    squeezed = client.get("/sign-in", headers={"Accept-Encoding": "gzip, br"}, check=False)
    assert squeezed.headers["Content-Encoding"] == "br"
    assert "Accept-Encoding" in squeezed.headers["Vary"]
    page = brotli.decompress(squeezed.data).decode()
    assert "Sign in" in page
    assert len(squeezed.data) < len(plain.data) / 2

    zipped = client.get("/sign-in", headers={"Accept-Encoding": "gzip"}, check=False)
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Sign in" in gzip.decompress(zipped.data).decode()


@pytest.mark.parametrize(
    ("accepts", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_htmx_and_the_style_sheet_are_compressed_in_brotli_and_in_gzip(client, accepts, decompress):
    for path in ("/static/vendor/htmx-2.0.11.min.js", "/static/css/app.css"):
        plain = client.get(path).get_data()
        response = client.get(path, headers={"Accept-Encoding": accepts})
        assert response.headers["Content-Encoding"] == accepts, path
        assert decompress(response.get_data()) == plain, path
        assert int(response.headers["Content-Length"]) < len(plain) / 2, path


def test_the_token_in_two_pages_is_never_the_same_bytes(client):
    first = TOKEN_IN_PAGE.search(client.get("/sign-in").get_data(as_text=True)).group(1)
    second = TOKEN_IN_PAGE.search(client.get("/sign-in").get_data(as_text=True)).group(1)
    assert first != second
    assert unmask(first) == unmask(second)  # the same token inside


def test_a_masked_token_signs_a_form_and_a_header(app, client, sign_in_as):
    sign_in_as("worker")
    page = client.get("/").get_data(as_text=True)
    masked = TOKEN_IN_PAGE.search(page).group(1)
    assert masked.startswith("m")
    signed = client.post("/account/still-here", data={"csrf_token": masked}, csrf=False)
    assert signed.status_code == 204
    in_header = client.post("/account/still-here", headers={"X-CSRFToken": masked}, csrf=False)
    assert in_header.status_code == 204
    tampered = masked[:-4] + ("AAAA" if not masked.endswith("AAAA") else "BBBB")
    refused = client.post("/account/still-here", data={"csrf_token": tampered}, csrf=False)
    assert refused.status_code == 400


def test_unmask_leaves_anything_else_as_it_came(app):
    assert unmask(None) is None
    assert unmask("") == ""
    assert unmask("Ij-plain-token") == "Ij-plain-token"
    assert unmask("m!!!not base64") == "m!!!not base64"
    with app.test_request_context():
        assert unmask(masked_csrf_token()).startswith("I")  # itsdangerous' JSON string
