"""`flask programme-load FILE`: an organisation loads its own edited programme file. New items
are added, a trainer's edit in the app stays, and a broken file changes nothing."""

import yaml
from sqlalchemy import func, select

from app.models import LearningItem, Module
from app.training.programme_file import read_programme
from tests.factories import training


def _write(tmp_path, levels):
    path = tmp_path / "our-programme.yaml"
    path.write_text(yaml.safe_dump({"levels": levels}, sort_keys=False), encoding="utf-8")
    return str(path)


def _load(app, path):
    return app.test_cli_runner().invoke(args=["programme-load", path])


def _count(fetch, model):
    return fetch(select(func.count()).select_from(model))[0]


def test_a_new_item_is_added_at_the_end_of_its_module(app, programme, tmp_path, fetch):
    levels = read_programme()
    levels[0]["modules"][1]["items"].append(
        {
            "kind": "do",
            "title": "Our own fire drill",
            "body": "Walk the way out with your trainer.",
            "source": "organisation",
            "source_text": "fire drill",
            "minutes": 15,
        }
    )
    result = _load(app, _write(tmp_path, levels))
    assert result.exit_code == 0, result.output
    assert "Added: 1. Changed: 0. Kept as a trainer left them: 0." in result.output
    assert "Our own fire drill" in result.output
    module = training.module(programme, 1, 2)
    [new] = fetch(select(LearningItem).where(LearningItem.title == "Our own fire drill"))
    assert new.module_id == module.id and new.minutes == 15 and new.source == "organisation"
    assert new.position == max(i.position for i in training.items(programme, module))


def test_changed_words_are_used_but_a_trainers_edit_stays(
    app, client, sign_in_as, programme, tmp_path, fetch
):
    module = training.module(programme, 1, 2)
    edited, untouched = training.items(programme, module)[:2]
    sign_in_as("senior")
    response = client.post(
        f"/training/programme/items/{edited.id}",
        data={
            "kind": edited.kind,
            "title": "The trainer's own title",
            "body": edited.body,
            "minutes": "",
            "version": str(edited.version),
        },
    )
    assert response.status_code == 303
    levels = read_programme()
    file_items = levels[0]["modules"][1]["items"]
    file_items[0]["title"] = "The file's title"
    file_items[1]["title"] = "A better title from the file"
    levels[2]["modules"][0]["summary"] = "A new summary from the file."
    result = _load(app, _write(tmp_path, levels))
    assert result.exit_code == 0, result.output
    assert "Added: 0. Changed: 2. Kept as a trainer left them: 1." in result.output
    assert "The trainer's own title" in result.output
    titles = {i.id: i.title for i in fetch(select(LearningItem))}
    assert titles[edited.id] == "The trainer's own title"
    assert titles[untouched.id] == "A better title from the file"
    summary = fetch(select(Module.summary).where(Module.id == training.module(programme, 3, 1).id))
    assert summary == ["A new summary from the file."]


def test_a_broken_file_changes_nothing(app, programme, tmp_path, fetch):
    before = [(i.id, i.title) for i in fetch(select(LearningItem).order_by(LearningItem.id))]
    modules = _count(fetch, Module)
    levels = read_programme()
    levels[0]["modules"][0]["items"][0]["title"] = "A good change"
    levels[0]["modules"][0]["items"].append({"kind": "do", "title": "New, but no source"})
    del levels[2]["modules"][1]["title"]
    result = _load(app, _write(tmp_path, levels))
    assert result.exit_code == 1
    assert "Nothing was loaded" in result.output
    assert "level 3, module 2: 'title' is missing" in result.output
    assert "level 1, module 1, item 21: 'source' is missing" in result.output
    after = [(i.id, i.title) for i in fetch(select(LearningItem).order_by(LearningItem.id))]
    assert after == before
    assert _count(fetch, Module) == modules


def test_loading_the_same_file_again_changes_nothing(app, programme, tmp_path):
    result = _load(app, _write(tmp_path, read_programme()))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Added: 0. Changed: 0. Kept as a trainer left them: 0."


def test_into_an_empty_database_it_loads_everything(app, tmp_path, fetch):
    result = _load(app, _write(tmp_path, read_programme()))
    assert result.exit_code == 0, result.output
    assert _count(fetch, Module) == 9
    assert "Added: " in result.output and "Changed: 0" in result.output
