"""The small core every area may use: written once, owned by no area.

- `numbers.whole_number`: the one parser for ids, versions and counts (ASCII digits only).
- `people.me`, `people.user_by_id`, `people.users_by_id`: the person signed in, staff by id.
- `times`: dates and clock times as people say them ("Tuesday 3 March", "2:05pm").
- `messages`: words used in many places ("no open episode"), and flashes by kind.
- `saving.change_from_form`: the one way a form view makes a change (whole or not at all).
- `areas`: what an area declares once (`AREA = Area(...)`), collected by app/registry.py.
- `progress`: the progress bar of long commands (scale-data, backup, the national export).

Areas talk to each other only through each area's `public` module (import-linter checks it,
`make lint`); everything here and in app/models, app/access, app/audit, app/clock is open to all.
"""
