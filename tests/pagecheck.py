"""The page-quality check every rendered page in the integration tests goes through.

It fails a test when a page does not parse as HTML5, has other than one <h1>, has a <title>
that does not start with the <h1>, repeats an id, has a form control without a label, or
has a form without an action (or a POST form without its CSRF token).
"""

from __future__ import annotations

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"
LABELLED = {"input", "select", "textarea"}
NOT_LABELLED = {"hidden", "submit", "button", "reset", "image"}


class PageProblem(AssertionError):
    pass


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def parse(html: str):
    parser = html5lib.HTMLParser(strict=True)
    try:
        return parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        line, col = parser.errors[0][0] if parser.errors else ("?", "?")
        raise PageProblem(f"not valid HTML5 at line {line}, column {col}: {error}") from error


def check_page(html: str, *, fragment: bool = False):
    """Check a full page (or, with fragment=True, a part of one). Returns the parsed tree."""
    if fragment:
        tree = html5lib.HTMLParser(strict=False).parseFragment(html)
        root = tree
    else:
        tree = parse(html)
        root = tree
        h1s = list(root.iter(f"{NS}h1"))
        if len(h1s) != 1:
            raise PageProblem(f"expected exactly one <h1>, found {len(h1s)}")
        title = next(root.iter(f"{NS}title"), None)
        heading = _text(h1s[0])
        title_text = _text(title) if title is not None else ""
        if title_text.startswith("Error: "):
            title_text = title_text[len("Error: ") :]
        if not heading or not title_text.startswith(heading):
            raise PageProblem(f"<title> {title_text!r} does not start with the <h1> {heading!r}")

    ids: set[str] = set()
    labels_for = {label.get("for") for label in root.iter(f"{NS}label")}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        element_id = element.get("id")
        if element_id:
            if element_id in ids:
                raise PageProblem(f"duplicate id {element_id!r}")
            ids.add(element_id)

    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        tag = element.tag.replace(NS, "") if isinstance(element.tag, str) else ""
        if tag in LABELLED and (element.get("type") or "text") not in NOT_LABELLED:
            if not (
                (element.get("id") and element.get("id") in labels_for)
                or element.get("aria-label")
                or element.get("aria-labelledby")
                or _inside(element, "label", parents)
            ):
                raise PageProblem(f"<{tag} name={element.get('name')!r}> has no label")
        if tag == "form":
            if not element.get("action"):
                raise PageProblem("a <form> has no action")
            if (element.get("method") or "get").lower() == "post":
                names = {i.get("name") for i in element.iter(f"{NS}input")}
                if "csrf_token" not in names:
                    raise PageProblem(
                        f"the form posting to {element.get('action')} has no CSRF token"
                    )
    return tree


def _inside(element, tag: str, parents) -> bool:
    node = parents.get(element)
    while node is not None:
        if node.tag == f"{NS}{tag}":
            return True
        node = parents.get(node)
    return False


def text_of(html: str) -> str:
    """The visible words of a page, for assertions about what a person reads."""
    tree = html5lib.HTMLParser(strict=False).parse(html)
    body = next(tree.iter(f"{NS}body"), tree)
    for tag in ("script", "style"):
        for node in list(body.iter(f"{NS}{tag}")):
            node.clear()
    # A sector word's meaning (term()) shows when its "What it means" button is pressed;
    # the words are the sector word alone, as a person reads them before pressing it.
    for node in list(body.iter()):
        classes = (node.get("class") or "").split() if isinstance(node.tag, str) else []
        if "term-meaning" in classes or "term-toggle" in classes:
            tail = node.tail
            node.clear()
            node.tail = tail
    return _text(body)
