"""The one rule for text people type, on the pages, in the API and in imported files.

Text is refused when it holds control characters (a NUL breaks PostgreSQL, a CR/LF
breaks headers and CSV rows) or unpaired surrogates, and when it is not blank but has
nothing a reader can see: a name of zero-width spaces or bidi controls looks empty on
the desk's lists and turns the text around it. Multi-line text may hold tabs and line
breaks (CR LF too, as browsers send them). The API's document states the same rule as
patterns built here from the same test, so the two cannot drift apart.
"""

import unicodedata
from functools import cache

from flask_babel import gettext as _

from hotel.services.errors import DomainError

CONTROL_CATEGORIES = frozenset({"Cc", "Cs"})
# Categories that draw nothing: controls, format characters (bidi controls, zero-width
# spaces and joiners, tags), and space and line separators.
INVISIBLE_CATEGORIES = CONTROL_CATEGORIES | {"Cf", "Zs", "Zl", "Zp"}
# Letters and marks that fonts draw blank, often used to fake an empty name: the
# combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation
# selectors, the Braille blank and the variation selectors.
BLANK_CHARACTERS = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
    + "".join(chr(code) for code in range(0xFE00, 0xFE10))
    + "".join(chr(code) for code in range(0xE0100, 0xE01F0)))
MULTILINE_CONTROLS = frozenset("\t\n")
# Planes with characters of the categories above: the basic and supplementary
# multilingual planes, and plane 14 (tags, variation selectors). Planes 2 and 3 hold
# only ideographs, 4 to 13 nothing, 15 and 16 private use (drawn by some fonts).
SCANNED_PLANES = (range(0, 0x20000), range(0xE0000, 0xF0000))


def is_control(char: str) -> bool:
    """Tell whether a character is a control character or a lone surrogate."""
    return unicodedata.category(char) in CONTROL_CATEGORIES


def is_invisible(char: str) -> bool:
    """Tell whether a character draws nothing by itself."""
    return char in BLANK_CHARACTERS or unicodedata.category(char) in INVISIBLE_CATEGORIES


def is_plain_text(value: str, multiline: bool = False) -> bool:
    """Tell whether a text has no control characters and no unpaired surrogates."""
    if multiline:
        value = value.replace("\r\n", "\n")
    allowed = MULTILINE_CONTROLS if multiline else frozenset()
    return not any(is_control(char) and char not in allowed for char in value)


def is_blank_or_visible(value: str) -> bool:
    """Tell whether a text is blank or has at least one character a reader can see."""
    return not value.strip() or not all(is_invisible(char) for char in value)


def text_problem(value: str, multiline: bool = False) -> str | None:
    """Return, in the reader's language, why a text is refused, or None if it is fine."""
    if not is_plain_text(value, multiline):
        return _("This contains characters that are not allowed.")
    if not is_blank_or_visible(value):
        return _("This contains only invisible characters.")
    return None


def isolate(text) -> str:
    """Return text people typed between Unicode's isolate marks (FSI ... PDI).

    It is the plain-text <bdi>: in a message built around a guest's name, a name in
    another script or with bidi controls cannot turn the rest of the message around.
    """
    return f"\u2068{text}\u2069"


def check_text(value: str, field: str, multiline: bool = False, item: int | None = None) -> str:
    """Return the text if it follows the rule.

    :raises DomainError: it has control characters, or nothing visible (``field`` says where).
    """
    problem = text_problem(value, multiline)
    if problem is not None:
        raise DomainError(problem, field, item)
    return value


@cache
def _ranges(test) -> tuple[tuple[int, int], ...]:
    """Return the code point ranges, first and last included, of characters passing ``test``."""
    found: list[list[int]] = []
    for plane in SCANNED_PLANES:
        for code in plane:
            if not test(chr(code)):
                continue
            if found and found[-1][1] == code - 1:
                found[-1][1] = code
            else:
                found.append([code, code])
    return tuple((first, last) for first, last in found)


def _pattern_char(code: int) -> str:
    """Return a code point as a regular expression writes it."""
    # ECMA-262 (JSON Schema's dialect) and Python both read \uXXXX; an astral character
    # is written as itself, which both read as one character.
    return f"\\u{code:04x}" if code <= 0xFFFF else chr(code)


def character_class(test, negated: bool = False) -> str:
    """Return a regular-expression class of the characters passing ``test``."""
    parts = [_pattern_char(first) if first == last
             else f"{_pattern_char(first)}-{_pattern_char(last)}"
             for first, last in _ranges(test)]
    return f"[{'^' if negated else ''}{''.join(parts)}]"


def _is_refused_in_multiline(char: str) -> bool:
    """Tell whether a character is refused in lines of text, a CR before an LF aside."""
    return is_control(char) and char not in MULTILINE_CONTROLS and char != "\r"


def _is_control_character(char: str) -> bool:
    """Tell whether a character is a control character (a lone surrogate is not)."""
    return unicodedata.category(char) == "Cc"


def _is_refused_control_in_multiline(char: str) -> bool:
    """Tell whether a control character is refused in lines of text, a CR before an LF aside."""
    return _is_refused_in_multiline(char) and _is_control_character(char)


def refused_pattern(multiline: bool = False, surrogates: bool = True) -> str:
    """Return a pattern that finds what ``is_plain_text`` refuses (for the API document);
    without ``surrogates``, one that finds all of it but lone surrogates."""
    if not multiline:
        return character_class(is_control if surrogates else _is_control_character)
    refused = _is_refused_in_multiline if surrogates else _is_refused_control_in_multiline
    return f"{character_class(refused)}|\\r(?!\\n)"


def visible_pattern() -> str:
    """Return a pattern that finds a character a reader can see."""
    return character_class(is_invisible, negated=True)


def blank_pattern() -> str:
    """Return a pattern that matches a text ``str.strip`` leaves empty."""
    return f"^{character_class(str.isspace)}*$"
