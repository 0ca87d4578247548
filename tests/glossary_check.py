"""Sector words left unexplained on a page (issue 16).

A word from the glossary that a person may not know (app.glossary.must_explain: short forms
in capitals, and words marked * in app/data/glossary.txt) must be explained where it is
shown: by term() (a "What it means" button, or the meaning in brackets without JavaScript),
or written after the plain words in brackets ("child protection (CYF)"). Explained once on
a page is enough. The "Words we use" list explains every word it shows.
"""

from __future__ import annotations

import re

import html5lib

from app import glossary

NS = "{http://www.w3.org/1999/xhtml}"
NOT_SHOWN = {"script", "style", "template", "head", "title"}


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _visible_text(element, explained: set[str], out: list[str]) -> None:
    tag = element.tag.replace(NS, "") if isinstance(element.tag, str) else ""
    if tag in NOT_SHOWN or element.get("hidden") is not None:
        return
    # The word game asks what the words mean: explaining them there gives the answers away.
    if element.get("data-word-quiz") is not None:
        return
    classes = _classes(element)
    if "term" in classes and element.get("data-term"):
        has_meaning = any("term-meaning" in _classes(e) for e in element.iter(f"{NS}span"))
        if has_meaning:
            explained.add(element.get("data-term").lower())
    if "term-meaning" in classes:
        return
    if "glossary" in classes and tag == "dl":
        explained.update(t.word.lower() for t in glossary.all_terms())
    if element.text:
        out.append(element.text)
    for child in element:
        _visible_text(child, explained, out)
        out.append(" ")
        if child.tail:
            out.append(child.tail)


BLOCKS = {
    "p",
    "li",
    "td",
    "th",
    "caption",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "legend",
    "label",
    "summary",
    "div",
    "section",
    "button",
    "a",
}


def readable_text(html: str) -> str:
    """The words a person sees in the main part of a page, each block (a paragraph, a cell,
    a button) ending a sentence, as a reading-grade count reads them."""
    tree = html5lib.parse(html)
    main = next((e for e in tree.iter(f"{NS}main")), tree)
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag.replace(NS, "") if isinstance(element.tag, str) else ""
        if tag in NOT_SHOWN or element.get("hidden") is not None:
            return
        if "visually-hidden" in _classes(element) or "term-meaning" in _classes(element):
            return
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in BLOCKS:
            parts.append(". ")

    walk(main)
    text = " ".join("".join(parts).split())
    return re.sub(r"([.!?:])(\s*\.)+", r"\1", re.sub(r"(\s*\.\s*){2,}", ". ", text)).strip(" .")


def unexplained_words(html: str) -> list[str]:
    """The must-explain glossary words shown on this page with no explanation anywhere on it."""
    tree = html5lib.parse(html)
    body = tree.find(f"{NS}body")
    explained: set[str] = set()
    parts: list[str] = []
    _visible_text(body if body is not None else tree, explained, parts)
    text = " ".join("".join(parts).split())
    # "plain words (CYF)": the sector word after the plain words, in brackets, explains it.
    for word in glossary.must_explain():
        after_plain = re.compile(r"\([^()]*(?<![\w-])" + re.escape(word.word) + r"s?\)", re.I)
        if after_plain.search(text):
            explained.add(word.word.lower())
    return sorted(
        {t.word for t in glossary.words_to_explain(text) if t.word.lower() not in explained}
    )
