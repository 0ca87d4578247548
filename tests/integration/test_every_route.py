"""A generated matrix over every route in the app, for every role: nothing is reachable without
its permission (404, the same as a missing record), no route answers 500 to a missing id,
and every POST without a CSRF token is refused."""

from __future__ import annotations

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter

from app.access import PERMISSIONS, ROLES

MISSING_ID = 987654


def url_for_rule(rule) -> str:
    """A URL for the rule: a missing id for numbers, the first choice for any(...)."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = MISSING_ID
        elif isinstance(converter, AnyConverter):
            # regex looks like (?:disable|enable|unlock)
            values[name] = converter.regex.removeprefix("(?:").split("|")[0].replace("\\", "")
        else:
            values[name] = "x"
    return rule.build(values, append_unknown=False)[1]


def routes(app, method: str):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or method not in rule.methods:
            continue
        view = app.view_functions[rule.endpoint]
        yield rule, url_for_rule(rule), getattr(view, "required_permission", None)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_is_404_without_its_permission_and_never_500(app, client, sign_in_as, role):
    sign_in_as(role)
    problems = []
    for rule, url, permission in routes(app, "GET"):
        if permission is None:
            continue
        response = client.get(url, check=False)
        allowed = role in PERMISSIONS[permission]
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
        elif not allowed and response.status_code != 404:
            problems.append(f"{url} as {role}: {response.status_code}, expected 404")
        elif allowed and rule.arguments and response.status_code not in (200, 302, 303, 404):
            problems.append(f"{url} with a missing id as {role}: {response.status_code}")
    assert not problems


@pytest.mark.parametrize("role", list(ROLES))
def test_every_post_is_404_without_its_permission(app, client, sign_in_as, role):
    user = sign_in_as(role)
    problems = []
    for _rule, url, permission in routes(app, "POST"):
        if permission is None:
            continue
        sign_in_as(user=user)  # again: a POST such as "sign out everywhere" ends the session
        response = client.post(url, data={}, check=False)
        allowed = role in PERMISSIONS[permission]
        if response.status_code >= 500:
            problems.append(f"POST {url}: {response.status_code}")
        elif not allowed and response.status_code != 404:
            problems.append(f"POST {url} as {role}: {response.status_code}, expected 404")
    assert not problems


def test_every_post_without_a_csrf_token_is_refused(app, client, sign_in_as):
    sign_in_as("manager")
    problems = []
    for _rule, url, _permission in routes(app, "POST"):
        response = client.post(url, data={"anything": "x"}, csrf=False, check=False)
        if response.status_code != 400:
            problems.append(f"POST {url} without a token: {response.status_code}")
    assert not problems


def test_the_matrix_covers_the_app(app):
    assert len(list(routes(app, "GET"))) >= 10
    assert len(list(routes(app, "POST"))) >= 8
