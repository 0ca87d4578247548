"""Deny by default: every endpoint names its permission, or is on the short public list."""

from app.access import PERMISSIONS

PUBLIC = {
    "static",
    "home.healthz",
    "auth.sign_in",
    "auth.first_password",
    "auth.two_step_setup",
    "auth.two_step",
    "auth.recovery_code",
    "auth.sign_out",
    "auth.switch_user",
}


def test_every_endpoint_declares_a_permission(app):
    missing = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if rule.endpoint == "static":
            continue
        if not hasattr(view, "required_permission"):
            missing.append(rule.endpoint)
        elif view.required_permission is None and rule.endpoint not in PUBLIC:
            missing.append(f"{rule.endpoint} (public, but not on the public list)")
        elif view.required_permission is not None:
            assert view.required_permission in PERMISSIONS
    assert not missing, f"endpoints without a declared permission: {missing}"


def test_public_list_has_no_stale_names(app):
    assert PUBLIC <= {rule.endpoint for rule in app.url_map.iter_rules()}


def test_a_view_without_a_permission_is_unreachable(app):
    from flask import Flask

    from app.web import refuse_undeclared_views

    probe = Flask(__name__)

    @probe.route("/forgotten")
    def forgotten():
        return "should never be served"

    probe.before_request(refuse_undeclared_views)
    assert probe.test_client().get("/forgotten").status_code == 404
