"""No user-facing text escapes gettext: templates' text and messages raised or flashed."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
# Text that is code, not language: class names given in blocks, CSV column names.
NOT_LANGUAGE = [
    re.compile(r"\{%\s*block body_class\s*%\}.*?\{%\s*endblock\s*%\}", re.S),
    re.compile(r"<code>.*?</code>", re.S),
    re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S),
]
# Callables whose first argument is shown to a reader.
MESSAGE_CALLS = {"flash", "DomainError", "Unavailable", "NotAllowed", "Throttled",
                 "StaffError", "StayExists", "StayNotFound", "NotFound", "TokenError",
                 "SignInBusy"}


def bare_template_text(path: Path) -> list[str]:
    """Return the lines of a template with letters outside any gettext call."""
    text = path.read_text(encoding="utf-8")
    for pattern in NOT_LANGUAGE:
        text = pattern.sub(" ", text)
    text = TAG.sub("\n", JINJA.sub(" ", text))
    return [line.strip() for line in text.splitlines() if re.search(r"[^\W\d_]{2,}", line)]


def test_templates_have_no_text_outside_gettext():
    found = {}
    for path in sorted((ROOT / "templates").rglob("*.html")):
        lines = bare_template_text(path)
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    assert not found, found


def test_the_template_check_finds_bare_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>{{ _('Fine') }}</p><p>Not translated</p><code>column</code>")
    assert bare_template_text(page) == ["Not translated"]


def bare_messages(source: str) -> list[str]:
    """Return the plain string literals passed to flash() or a domain error."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        first = node.args[0]
        literal = isinstance(first, ast.JoinedStr) or (
            isinstance(first, ast.Constant) and isinstance(first.value, str))
        if name in MESSAGE_CALLS and literal:
            found.append(ast.unparse(first))
    return found


def test_flashed_and_raised_messages_go_through_gettext():
    found = {}
    for path in sorted((ROOT / "hotel").rglob("*.py")):
        messages = bare_messages(path.read_text(encoding="utf-8"))
        if messages:
            found[str(path.relative_to(ROOT))] = messages
    assert not found, found


def test_the_message_check_finds_a_bare_string():
    assert bare_messages('flash("Saved")\nraise DomainError(_("Fine"))') == ["'Saved'"]
