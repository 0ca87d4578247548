"""Issue 13: every entry of the audit log in plain words, from one table (app/audit_words.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app import audit_words
from app.audit_words import ACTIONS, KINDS, PAGE_PREFIXES, PAGES, REFUSALS, describe

APP = Path(__file__).resolve().parents[2] / "app"
CODE = r"([a-z_]+(?:\.[a-z_]+)*)"


def source_files():
    return [(path, path.read_text(encoding="utf-8")) for path in sorted(APP.rglob("*.py"))]


def _strings_in(node) -> list[str]:
    """The plain strings of an expression ("a" if x else "b" gives both)."""
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n not in _f_parts(node)
    ]


def _f_parts(node) -> set:
    return {v for n in ast.walk(node) if isinstance(n, ast.JoinedStr) for v in n.values}


def _is_audit_record(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "record"
        and isinstance(func.value, ast.Name)
        and func.value.id == "audit"
    )


def action_codes_used() -> dict[str, Path]:
    """Every action code given to audit.record (on one line or several, or chosen by
    `"a" if x else "b"`), or passed as `action=` to a helper that records it (care's log())."""
    found = {}
    for path, text in source_files():
        for call in ast.walk(ast.parse(text)):
            if not isinstance(call, ast.Call):
                continue
            given = [
                k.value
                for k in call.keywords
                if k.arg == "action" and isinstance(k.value, ast.Constant | ast.IfExp)
            ]
            if _is_audit_record(call) and call.args:
                given.append(call.args[0])
            for node in given:
                for code in _strings_in(node):
                    if re.fullmatch(CODE, code):
                        found[code] = path
    return found


def f_string_codes_used() -> dict[str, Path]:
    """audit.record(f"partner.{action}d"): the routes allow only retire and restore."""
    found = {}
    for path, text in source_files():
        for start, end in re.findall(r'audit\.record\(\s*f"([a-z_.]+)\{action\}([a-z]*)"', text):
            for action in ("retire", "restore"):
                found[f"{start}{action}{end}"] = path
    return found


def test_the_scan_finds_the_codes_it_should():
    used = action_codes_used()
    for code in ("client.viewed", "client.cover_opened", "referral.updated", "plan.started"):
        assert code in used
    assert "partner.retired" in f_string_codes_used()


def test_every_action_code_used_in_the_app_has_plain_words():
    used = {**action_codes_used(), **f_string_codes_used()}
    missing = {code: str(path.relative_to(APP.parent)) for code, path in used.items()}
    missing = {code: where for code, where in missing.items() if code not in ACTIONS}
    assert missing == {}, "add these to ACTIONS in app/audit_words.py"


def test_every_page_of_a_file_has_plain_words():
    pages = {}
    call = re.compile(r'(?:open_client|load_client|_plan_for_change)\(\s*\w+,\s*"([^"{]+)"')
    detail = re.compile(r'"page":\s*"([^"{]+)"')
    for path, text in source_files():
        for page in call.findall(text) + detail.findall(text):
            pages[page] = path
    assert "notes" in pages and "close episode check" in pages
    assert {p: str(w) for p, w in pages.items() if p not in PAGES} == {}


def test_every_page_made_from_a_step_has_a_start_in_words():
    starts = set()
    for _, text in source_files():
        starts |= set(re.findall(r'(?:open_client|load_client)\(\s*\w+,\s*f"([^"{]*)\{', text))
        starts |= set(re.findall(r'"page":\s*f"([^"{]*)\{', text))
    assert starts and starts <= set(PAGE_PREFIXES)


def test_every_refusal_reason_in_the_app_has_words():
    reasons = set()
    for _, text in source_files():
        reasons |= set(re.findall(r'g\.refusal\s*=\s*"([^"]+)"', text))
        reasons |= set(re.findall(r'(?:note_refusal|record_refusal)\(\s*"([^"]+)"', text))
    assert reasons and reasons <= set(REFUSALS), reasons - set(REFUSALS)


def test_the_entries_a_manager_complained_about_read_as_plain_words():
    assert describe("client.viewed", {"page": "close episode check"}) == (
        "looked at the check before closing an episode"
    )
    assert describe("referral.updated", {"fields": ["attended", "outcome"]}) == (
        "updated a referral: whether they went, how it went"
    )
    assert describe("client.viewed", {"page": "notes"}) == "read the case notes"
    assert describe("client.cover_opened", {"until": "end of day"}) == (
        "opened the file while covering"
    )
    assert describe("client.searched", {"results": 3}) == "searched for clients: 3 shown"
    assert describe("client.searched", {"searched_for": "Tam", "shown": [4, 5]}) == (
        'searched for clients: "Tam" (2 shown)'
    )
    assert describe("account.role_changed", {"from": "worker", "to": "senior"}) == (
        "changed what someone does here: from peer worker to senior worker"
    )
    assert describe("client.viewed", {"page": "close episode reason"}) == (
        "looked at a step of closing an episode: reason"
    )


@pytest.mark.parametrize(
    "action, detail",
    [
        ("brand.new_code", None),
        ("", {}),
        ("client.viewed", {"page": 7}),
        ("client.viewed", {"page": None}),
        ("referral.updated", {"fields": "attended"}),
        ("referral.updated", {"fields": [None, 3]}),
        ("account.role_changed", {"to": None}),
        ("refused", {"why": None}),
        ("refused", {"why": "something new"}),
        ("client.searched", {"results": "lots"}),
        ("report.downloaded", {"format": ["csv"]}),
        ("plan.changed", "not a dict"),
    ],
)
def test_unknown_codes_and_odd_detail_fall_back_to_readable_words(action, detail):
    words = describe(action, detail)
    assert isinstance(words, str) and words
    assert "{" not in words and "[" not in words


def test_an_unknown_code_reads_as_words_not_a_code():
    assert describe("team.thing_done", {}) == "team: thing done"


def test_every_kind_a_manager_can_choose_names_codes_that_have_words():
    for kind in KINDS:
        exact, starts = audit_words.kind_codes(kind)
        assert exact or starts, kind
        for code in exact:
            assert code in ACTIONS, (kind, code)
        for start in starts:
            assert any(code.startswith(start) for code in ACTIONS), (kind, start)
