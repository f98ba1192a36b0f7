"""Every shipped language is complete: no message missing, untranslated or fuzzy."""

from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from config import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(path.parent.parent.name for path in
                 (ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))


@cache  # scanning the whole tree takes a second: once for all the languages
def extracted_messages() -> frozenset[str]:
    """Extract every gettext message from the code and templates, as `translate` does."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None,
                "lazy_gettext": None, "lazy_ngettext": (1, 2)}
    found = set()
    for _name, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords,
        directory_filter=lambda path: not Path(path).name.startswith((".", "__")),
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return frozenset(found)


@cache  # each language's catalog is read by two tests, which only look at it
def load_catalog(language: str):
    """Return the language's translation catalog, as read from its .po file."""
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=language)


def test_catalogs_exist_only_for_configured_languages():
    assert SHIPPED, "no translation catalogs found"
    assert set(SHIPPED) <= set(LANGUAGES)


@pytest.mark.parametrize("language", SHIPPED)
def test_catalog_has_every_message_translated_and_none_fuzzy(language):
    catalog = load_catalog(language)
    expected = extracted_messages()
    present = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    assert not expected - present, f"{language}: messages missing from the catalog"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
            problems.append(f"plural forms: {message.id!r}")
    assert not problems, f"{language}: " + "; ".join(problems)


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_the_placeholders(language):
    import re

    placeholder = re.compile(r"%\((\w+)\)[sd]")
    for message in load_catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(placeholder.findall(ids[-1]))
        for string in strings:
            assert set(placeholder.findall(string)) <= wanted | set(placeholder.findall(ids[0])), (
                f"{language}: {message.id!r} -> {string!r}")


# Korean particles written both ways, for a word the code cannot know ("을(를)"): a message
# that needs one is written so that the particle follows a fixed word, or none is needed.
BOTH_PARTICLES = ("을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)",
                  "(으)로", "(이)라", "(이)에요", "(이)야")


def test_korean_messages_need_no_particle_the_code_cannot_choose():
    problems = []
    for message in load_catalog("ko"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        problems += [string for string in strings if any(p in string for p in BOTH_PARTICLES)]
    assert not problems


# Both genders written at once, for a person the code knows nothing of: a message is
# rephrased so that it needs neither ("Récupération par", not "Récupéré·e par").
BOTH_GENDERS = {"fr": ("·e", "(e)"), "es": ("o/a", "(a)"), "ru": ("(а)", "(ла)"),
                "de": ("(in)", "*in", ":in")}


@pytest.mark.parametrize("language", sorted(BOTH_GENDERS))
def test_no_message_writes_both_genders_of_a_person(language):
    problems = []
    for message in load_catalog(language):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        problems += [string for string in strings
                     if any(mark in string for mark in BOTH_GENDERS[language])]
    assert not problems
