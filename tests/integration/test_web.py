"""What every response carries, error pages, and the full page versus the htmx fragment."""

from flask import abort

from tests.pagecheck import text_of


def test_security_headers_on_every_response(client):
    for url in ("/sign-in", "/healthz", "/static/css/app.css", "/no-such-page"):
        headers = client.get(url).headers
        policy = headers["Content-Security-Policy"]
        for part in (
            "default-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
        ):
            assert part in policy
        assert "unsafe-inline" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "Strict-Transport-Security" not in headers


def test_signed_in_pages_are_not_stored_by_the_browser(client, sign_in_as):
    sign_in_as("trainee")
    assert client.get("/").headers["Cache-Control"] == "no-store"
    assert client.get("/words").headers["Cache-Control"] == "no-store"


def test_hsts_and_secure_cookie_behind_https(monkeypatch, tmp_path):
    monkeypatch.setenv("PEERDESK_HTTPS", "1")
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path))
    from app import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-peerdesk"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/static/css/app.css")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_a_secret_key_is_made_once_in_the_instance_folder(monkeypatch, tmp_path):
    from app.config import secret_key

    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert first == secret_key(tmp_path)
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_not_found_page_in_plain_words_with_a_way_home(client):
    response = client.get("/clients/does-not-exist")
    assert response.status_code == 404
    page = text_of(response.text)
    assert "Page not found" in page and "Go to the home page" in page


def test_errors_in_plain_words_and_500_rolls_back(app, fetch):
    from sqlalchemy import select

    from app import create_app
    from app.extensions import db
    from app.models import AuditEvent

    fresh = create_app(
        {"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "SECRET_KEY": "x"}
    )

    @fresh.route("/test-only/<int:code>")
    def fail(code):
        if code == 500:
            db.session.add(AuditEvent(action="half.written", detail={}))
            db.session.flush()
            raise RuntimeError("boom")
        abort(code)

    fail.required_permission = None
    client = fresh.test_client()
    for code, words in [
        (400, "Something went wrong"),
        (403, "You cannot do that"),
        (429, "Too many tries"),
        (500, "Sorry, something went wrong"),
    ]:
        response = client.get(f"/test-only/{code}")
        assert response.status_code == code
        assert words in text_of(response.text)
    assert not fetch(select(AuditEvent).where(AuditEvent.action == "half.written"))
    with fresh.app_context():
        db.engine.dispose()


def test_an_htmx_fragment_error_goes_to_the_status_region(client):
    response = client.get("/no-such-page", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert response.headers["HX-Retarget"] == "#status"
    assert response.text.startswith("Page not found.")


def test_render_page_gives_a_fragment_to_htmx_and_a_page_to_boosted_links(client, sign_in_as):
    sign_in_as("trainee")
    full = client.get("/words", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in full.text
    # /words uses render_template; the home page and others use render_page:
    from app.pages import render_page

    with client.application.test_request_context("/", headers={"HX-Request": "true"}):
        from flask_login import login_user  # noqa: F401  (not needed: the block needs no user)

        response = render_page("errors/error.html", status=404, title="Gone", advice="Go home.")
        assert "<html" not in response.get_data(as_text=True)
        assert "Gone" in response.get_data(as_text=True)
        assert response.headers["Vary"] == "HX-Request"


def test_a_nul_character_is_refused_in_plain_words(client, sign_in_as):
    sign_in_as("trainee")
    response = client.post("/account", data={"current": "a\x00b"})
    assert response.status_code == 400
    assert "Something went wrong with that form" in text_of(response.text)
    assert client.get("/words?q=\x00").status_code == 400
