"""A programme file is checked whole before anything is loaded, and a problem is said in plain
words with its place."""

import copy

import pytest
import yaml

from app.training.programme_file import (
    ProgrammeFileError,
    check_programme,
    read_programme,
    read_programme_file,
)


def _problems(levels) -> list[str]:
    with pytest.raises(ProgrammeFileError) as caught:
        check_programme({"levels": levels})
    return caught.value.problems


def test_the_file_that_comes_with_the_app_passes():
    assert [level["number"] for level in read_programme()] == [1, 2, 3, 4, 5]


def test_a_missing_field_names_its_level_and_module():
    levels = read_programme()
    del levels[2]["modules"][1]["title"]
    assert _problems(levels) == ["level 3, module 2: 'title' is missing"]


def test_wrong_types_unknown_fields_and_kinds_name_the_item():
    levels = read_programme()
    item = levels[0]["modules"][0]["items"][3]
    item["minutes"] = "twenty"
    item["kind"] = "sing"
    item["colour"] = "blue"
    assert sorted(_problems(levels)) == [
        "level 1, module 1, item 4: 'colour' is not a field we know",
        "level 1, module 1, item 4: 'kind' should be one of read, watch, do, talk, shadow, meet",
        "level 1, module 1, item 4: 'minutes' should be a whole number",
    ]


def test_levels_must_be_one_to_five_each_once():
    levels = read_programme()
    levels[4]["number"] = 3
    assert _problems(levels) == [
        "level 3: there is another level 3",
        "the file: level 5 is missing (it needs levels 1 to 5)",
    ]
    levels[4]["number"] = 6
    assert "level 6: 'number' should be 1 to 5" in _problems(levels)


def test_an_item_or_module_is_known_once():
    levels = read_programme()
    module = levels[1]["modules"][0]
    module["items"].append(copy.deepcopy(module["items"][0]))
    levels[1]["modules"].append(copy.deepcopy(levels[1]["modules"][1]))
    assert _problems(levels) == [
        f"level 2, module 1, item {len(module['items'])}: "
        "another item of this module has the same source and source_text",
        "level 2, module 3: another module of this level has the same 'in_house'",
    ]


def test_too_long_for_the_database():
    levels = read_programme()
    levels[0]["modules"][1]["items"][0]["title"] = "x" * 201
    assert _problems(levels) == ["level 1, module 2, item 1: 'title' is longer than 200 characters"]


def test_a_file_that_is_not_yaml_names_the_line(tmp_path):
    broken = tmp_path / "programme.yaml"
    broken.write_text("levels:\n  - number: 1\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProgrammeFileError) as caught:
        read_programme_file(broken)
    assert caught.value.problems[0].startswith("line ")
    assert "not valid YAML" in caught.value.problems[0]


def test_a_file_without_levels(tmp_path):
    other = tmp_path / "programme.yaml"
    other.write_text(yaml.safe_dump({"modules": []}), encoding="utf-8")
    with pytest.raises(ProgrammeFileError, match="should start with 'levels:'"):
        read_programme_file(other)
