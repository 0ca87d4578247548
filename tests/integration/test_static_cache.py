"""Static files carry a hash of their bytes in the URL and are kept by the browser for a
year; a page's reload asks for no CSS, JavaScript or icon again."""

import re

from flask import url_for

ASSET = re.compile(r'(?:src|href)="(/static/[^"]+)"')


def test_every_static_url_in_a_page_carries_its_hash_and_is_kept_a_year(client, sign_in_as):
    sign_in_as("worker")
    page = client.get("/").get_data(as_text=True)
    assets = set(ASSET.findall(page))
    assert any("app.css" in a for a in assets) and any("htmx" in a for a in assets)
    for asset in assets:
        assert re.search(r"\?v=[0-9a-f]{12}$", asset), asset
        response = client.get(asset.replace("&amp;", "&"))
        assert response.status_code == 200, asset
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_changed_file_gets_a_new_url(app, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    (tmp_path / "one.css").write_text("a { color: red }")
    (tmp_path / "two.css").write_text("a { color: blue }")
    with app.test_request_context():
        one, two = url_for("static", filename="one.css"), url_for("static", filename="two.css")
    assert one.split("?v=")[1] != two.split("?v=")[1]


def test_an_old_or_missing_hash_is_checked_again_not_kept(client):
    for asked in ("/static/css/app.css", "/static/css/app.css?v=0123456789ab"):
        response = client.get(asked)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-cache"


def test_a_missing_file_is_a_404_with_no_hash(app, client):
    with app.test_request_context():
        assert url_for("static", filename="css/nothing.css") == "/static/css/nothing.css"
    assert client.get("/static/css/nothing.css").status_code == 404
