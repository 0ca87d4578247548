"""Every area's AREA (app/core/areas.py) names things that exist: a renamed view, panel
function or demo step fails here, not on someone's home page."""

from __future__ import annotations

from collections import Counter

from app import registry
from app.core.areas import resolve
from app.models import Base


def test_every_area_is_registered_once_with_its_blueprint(app):
    names = [area.blueprint.name for area in registry.areas()]
    assert len(names) == len(set(names)) == len(registry.AREAS)
    assert all(
        app.blueprints[name] is area.blueprint
        for name, area in zip(names, registry.areas(), strict=True)
    )


def test_every_tile_goes_to_a_view_and_every_panel_and_demo_step_resolves(app):
    for tile in registry.tiles():
        assert tile.endpoint in app.view_functions, tile
    for panel in registry.panels():
        assert callable(resolve(panel.context)), panel
        assert app.jinja_env.get_template(panel.template), panel
    for step in registry.demo_steps():
        assert callable(resolve(step.function)), step


def test_orders_are_unique_and_real_data_are_tables():
    for kind in (registry.tiles(), registry.panels(), registry.demo_steps()):
        assert not [o for o, n in Counter(x.order for x in kind).items() if n > 1]
    models = registry.real_data_models()
    assert len(models) == len(set(models))
    assert all(issubclass(m, Base) for m in models)
