"""The shared optimistic-locking helper: what the hidden version field carries."""

from datetime import date

import pytest
from wtforms import StringField

from app.forms import ChoiceField, DateField, Form
from app.locking import VersionField, _parse, _value, answers_of, as_words


@pytest.mark.parametrize(
    "sent",
    ["", "abc", "-1", "²", "1" * 13, "1.5", None, "1:", "1:zz", "1:abcde", "1:ABCDEF", "1:ab\ncd"],
)
def test_a_missing_or_hand_made_version_is_read_safely(sent):
    version, prints = _parse(sent)
    assert version is None or prints is None


def test_the_version_and_a_fingerprint_of_each_answer_go_round():
    answers = {"name": ("Name", "Sam"), "phone": ("Phone", "0400 000 001")}
    version, prints = _parse(_value(3, answers))
    assert version == 3 and len(prints) == 2
    changed = {**answers, "phone": ("Phone", "0400 000 002")}
    again = _parse(_value(3, changed))[1]
    assert again[0] == prints[0] and again[1] != prints[1]  # sorted by name: name, phone


def test_answers_are_in_the_words_the_person_saw(app):
    class Example(Form):
        version = VersionField(ignore=["note"])
        colour = ChoiceField("Colour", choices=[("r", "Red"), ("b", "Blue")])
        on = DateField("Day")
        note = StringField("Note")

    with app.test_request_context():
        form = Example(formdata=None, data={"colour": "b", "on": date(2026, 3, 3), "note": "x"})
        assert answers_of(form, form.version.ignore) == {
            "colour": ("Colour", "Blue"),
            "on": ("Day", "Tuesday 3 March 2026"),
        }
    assert as_words(None) == "" and as_words(True) == "Yes" and as_words(["a", "b"]) == "a, b"
