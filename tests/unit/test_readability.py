"""Plain words: every template reads at school grade 7 or lower, in sentences of 20 words or
fewer, without the words people stumble on; the same for what forms and messages say."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat

ROOT = Path(__file__).parents[2] / "app"
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
PYTHON = sorted(p for p in ROOT.rglob("*.py") if p.name in {"forms.py", "routes.py", "errors.py"})

MAX_GRADE = 7
MAX_WORDS = 20
# Words with a plainer everyday word (our list; the team's checker has a longer one).
HARD_WORDS = {
    "commence",
    "terminate",
    "utilise",
    "utilize",
    "assist",
    "assistance",
    "require",
    "required",
    "obtain",
    "purchase",
    "sufficient",
    "additional",
    "approximately",
    "regarding",
    "prior",
    "subsequent",
    "facilitate",
    "endeavour",
    "ascertain",
    "indicate",
    "insufficient",
    "numerous",
    "participate",
    "modify",
    "proceed",
    "initiate",
    "mandatory",
    "invalid",
    "submit",
    "authenticate",
    "credentials",
    "unauthorised",
    "unauthorized",
    "successfully",
    "please",
}
JINJA_STATEMENT = re.compile(r"\{#.*?#\}|\{%-?.*?-?%\}", re.S)
JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n{2,}")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
BLOCK_TAGS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "label",
    "legend",
    "button",
    "td",
    "th",
    "dt",
    "dd",
    "option",
    "div",
    "br",
    "a",
    "figcaption",
    "caption",
    "summary",
}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skip += 1
        for key, value in attrs:
            if key in {"alt", "title", "aria-label"} and value:
                self.chunks.append(f"\n\n{value}.\n\n")
        if tag in BLOCK_TAGS:
            self.chunks.append("\n\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self.skip:
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self.chunks.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)


def visible_text(template: Path) -> str:
    raw = JINJA_STATEMENT.sub(" ", template.read_text())
    raw = JINJA_EXPRESSION.sub(" thing ", raw)
    parser = VisibleText()
    parser.feed(raw)
    return "".join(parser.chunks)


def sentences(text: str) -> list[list[str]]:
    return [words for part in SENTENCE_END.split(text) if (words := WORD.findall(part))]


def problems(text: str, *, grade: bool) -> list[str]:
    found = []
    parts = sentences(text)
    for words in parts:
        if len(words) > MAX_WORDS:
            found.append(f"{len(words)} words: {' '.join(words[:10])} ...")
        found += [f"hard word {w!r}" for w in words if w.lower() in HARD_WORDS]
    words = sum(len(s) for s in parts)
    if grade and words >= 30:
        prose = ". ".join(" ".join(s) for s in parts) + "."
        level = textstat.flesch_kincaid_grade(prose)
        if level > MAX_GRADE:
            found.append(f"reads at grade {level:.1f}")
    return found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_reads_plainly(template):
    assert not problems(visible_text(template), grade=True)


def _messages(path: Path) -> list[str]:
    """Sentences people see that live in Python: labels, hints, error and flash messages."""
    found = []
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if (
                " " in text
                and text[:1].isupper()
                and not text.startswith(("SELECT", "The "))
                or (text.startswith("The ") and text.count(" ") >= 2)
            ):
                found.append(text)
        elif isinstance(node, ast.JoinedStr):
            pieces = [v.value if isinstance(v, ast.Constant) else "thing" for v in node.values]
            found.append("".join(str(p) for p in pieces))
    return found


@pytest.mark.parametrize("module", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_form_words_and_messages_read_plainly(module):
    found = [p for text in _messages(module) for p in problems(text, grade=False)]
    assert not found


def test_the_check_finds_long_sentences_hard_words_and_hard_pages():
    assert problems(" ".join(["word"] * 21) + ".", grade=False)
    assert problems("Please submit the form.", grade=False)
    hard = (
        "Notwithstanding considerable organisational complexity, comprehensive "
        "documentation facilitates interdepartmental communication. " * 6
    )
    assert problems(hard, grade=True)
    assert not problems("Tap a button to count one. Tap Undo to take it back. " * 4, grade=True)
