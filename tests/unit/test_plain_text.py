"""The plain-text rule: no control characters, and something visible in what is not blank."""

import re
import sys

import pytest

from hotel.services.errors import DomainError
from hotel.services.plain_text import (
    SCANNED_PLANES,
    blank_pattern,
    check_text,
    is_control,
    is_invisible,
    is_plain_text,
    refused_pattern,
    text_problem,
    visible_pattern,
)


@pytest.mark.parametrize("text", ["Kim", "  Léa Dubois ", "김민지", "محمد", "O'Brien", "",
                                  "   ", "A\u200dB", "\u202eevil", "👨‍👩‍👧", "x" * 500])
def test_ordinary_names_and_blank_text_pass(text):
    assert text_problem(text) is None


@pytest.mark.parametrize("text", ["Nul\x00l", "\x00", "two\nlines", "tab\there", "bell\x07",
                                  "\x1f", "c1\x85", "\x7f", "\ud800", "cr\rlf"])
def test_control_characters_are_refused_in_one_line(text):
    assert not is_plain_text(text)
    assert text_problem(text) == "This contains characters that are not allowed."


def test_several_lines_may_hold_tabs_and_line_breaks_but_no_other_control():
    assert is_plain_text("one\ntwo\r\nthree\tfour", multiline=True)
    for text in ("lone\rcr", "nul\x00", "\x0b", "\x1b[31m"):
        assert not is_plain_text(text, multiline=True), repr(text)


@pytest.mark.parametrize("text", ["\u200b", "\u200b\u200c\u200d", "\u202e", "\u2066\u2069",
                                  "\ufeff", "\u3164", "\u115f\u1160", "\u2800", "\u00ad",
                                  "\u034f", "\ufe0f", "\U000e0041\U000e0042", " \u200b "])
def test_text_with_nothing_visible_is_refused(text):
    assert text_problem(text, multiline=True) is not None
    with pytest.raises(DomainError) as error:
        check_text(text, "last_name", multiline=True)
    assert error.value.field == "last_name"


def test_the_message_is_in_the_readers_language(app):
    with app.test_request_context("/?lang=ko"):
        assert text_problem("\u200b") == "보이지 않는 문자만 들어 있습니다."
        assert text_problem("\x00") == "허용되지 않는 문자가 포함되어 있습니다."


def test_the_patterns_find_exactly_what_the_rule_finds():
    refused, refused_lines = re.compile(refused_pattern()), re.compile(refused_pattern(True))
    visible, blank = re.compile(visible_pattern()), re.compile(blank_pattern())
    for plane in SCANNED_PLANES:
        for code in plane:
            char = chr(code)
            assert bool(refused.search(char)) == (not is_plain_text(char)), hex(code)
            assert bool(refused_lines.search(char)) == (
                not is_plain_text(char, multiline=True)), hex(code)
            assert bool(visible.search(char)) == (not is_invisible(char)), hex(code)
            assert bool(blank.search(char)) == (not char.strip()), hex(code)
    assert refused_lines.search("a\rb") and not refused_lines.search("a\r\nb")


def test_no_control_or_invisible_character_lies_outside_the_scanned_planes():
    scanned = [(plane.start, plane.stop) for plane in SCANNED_PLANES]
    for code in range(sys.maxunicode + 1):
        if any(start <= code < stop for start, stop in scanned):
            continue
        char = chr(code)
        assert not (is_control(char) or is_invisible(char) or char.isspace()), hex(code)


def test_the_documents_pattern_finds_what_the_rule_finds_but_lone_surrogates():
    # The API document says lone surrogates in words: a regular expression that reads
    # UTF-16 code units would take their range for every character beyond U+FFFF.
    for multiline in (False, True):
        pattern = re.compile(refused_pattern(multiline, surrogates=False))
        for plane in SCANNED_PLANES:
            for code in plane:
                char = chr(code)
                wanted = not is_plain_text(char, multiline) and not 0xD800 <= code <= 0xDFFF
                assert bool(pattern.search(char)) == wanted, hex(code)
        assert "\\ud800" not in pattern.pattern and not pattern.search("\U0001f600")
