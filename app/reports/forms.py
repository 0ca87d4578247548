"""Forms of the reports: which week (and whose work), and which financial year."""

from wtforms import SelectField

from app.forms import ChoiceField, DateField, Form

SCOPES = {"team": "The whole team", "own": "Only my own work"}


class WeekForm(Form):
    class Meta:
        csrf = False  # a choice of week, sent by GET; it changes nothing

    week = DateField("Any day in the week", allow_future=False, min_year=2000)
    scope = ChoiceField("Whose work", choices=list(SCOPES.items()))


class YearForm(Form):
    class Meta:
        csrf = False  # a choice of year, sent by GET; it changes nothing

    year = SelectField("Financial year")
