"""The demo hotel's texts, one TOML file per language in ``data/texts``, checked against the
slugs of the catalogue and the feedback files."""

from pathlib import Path

from hotel.demo.checks import (
    DemoDataError,
    Field,
    check_table,
    filled,
    optional,
    read_toml,
    table,
    text,
)

# The ten languages, in the app's order; the FAQ and the ticket categories get their texts
# in this order.
LANGUAGES = ("en", "ko", "ja", "zh", "vi", "ru", "de", "fr", "es", "ar")
# Departments, services and packages get English and Korean first, then the others
# alphabetically, so that a fresh database has their text rows in the order, and with the
# ids, that earlier versions of the demo gave them.
CATALOGUE_ORDER = ("en", "ko", "ar", "de", "es", "fr", "ja", "ru", "vi", "zh")

NAMED = {"name": Field(filled), "description": Field(text)}
FAQ_TEXT = {"question": Field(filled), "answer": Field(filled), "keywords": Field(filled)}
# Each kind of text: what the slugs refer to (for messages), and its schema; None means
# the text is just a name.
KINDS = {
    "departments": ("department", "catalogue.toml", None),
    "services": ("service", "catalogue.toml", NAMED),
    "packages": ("package", "catalogue.toml", NAMED),
    "ticket_categories": ("ticket category", "feedback.toml", None),
    "faq": ("FAQ entry", "feedback.toml", FAQ_TEXT),
    "standard_reasons": ("standard reason", "reasons.toml", None),
}
FILE_SCHEMA = {kind: optional(table) for kind in KINDS}


def _check_kind(where: str, kind: str, found: dict, slugs: list[str]) -> None:
    """Check one kind of text in a language file: known slugs, each text well formed."""
    what, source, schema = KINDS[kind]
    for slug, value in found.items():
        label = f"{where}: {kind}[{slug}]"
        if slug not in slugs:
            raise DemoDataError(f"{label}: there is no {what} {slug!r} in {source}")
        if schema is None:
            try:
                filled(value)
            except ValueError as error:
                raise DemoDataError(f"{label}: the name {error}") from None
        else:
            check_table(value, schema, label)


def load_language_file(folder: Path, language: str, slugs: dict[str, list[str]]) -> dict:
    """Return one language's texts by kind and slug, checked against ``slugs`` (kind →
    the slugs the data files define)."""
    where = f"texts/{language}.toml"
    found = check_table(read_toml(folder, where), FILE_SCHEMA, where)
    for kind, texts in found.items():
        _check_kind(where, kind, texts, slugs[kind])
    return {kind: found.get(kind, {}) for kind in KINDS}


def load_texts_files(folder: Path, slugs: dict[str, list[str]]) -> dict[str, dict]:
    """Return every language's texts (language → kind → slug → text); English must have a
    text for everything, the other languages fall back to it where they have none."""
    present = sorted(path.stem for path in (folder / "texts").glob("*.toml"))
    for language in present:
        if language not in LANGUAGES:
            raise DemoDataError(f"texts/{language}.toml: {language!r} is not one of the "
                                f"languages {', '.join(LANGUAGES)}")
    texts = {language: load_language_file(folder, language, slugs)
             for language in LANGUAGES if language in present}
    if "en" not in texts:
        raise DemoDataError("texts/en.toml: the file is missing")
    for kind, (what, _source, _schema) in KINDS.items():
        for slug in slugs[kind]:
            if slug not in texts["en"][kind]:
                raise DemoDataError(f"texts/en.toml: {kind}[{slug}] is missing: every "
                                    f"{what} needs an English text")
    return texts


def catalogue_texts(texts: dict[str, dict], kind: str, slug: str) -> dict[str, dict]:
    """Return a department's, service's or package's texts by language, as tables with a
    name and (but for departments) a description."""
    found = {}
    for language in CATALOGUE_ORDER:
        value = texts.get(language, {}).get(kind, {}).get(slug)
        if value is not None:
            found[language] = {"name": value} if isinstance(value, str) else value
    return found


def feedback_texts(texts: dict[str, dict], kind: str, slug: str) -> dict:
    """Return a ticket category's or standard reason's names, or an FAQ entry's texts, by
    language."""
    return {language: texts[language][kind][slug] for language in LANGUAGES
            if slug in texts.get(language, {}).get(kind, {})}
