"""The demo catalogue's texts in further languages, one module per language.

Each module (``ja.py``, ``de.py``...) defines ``DEPARTMENTS`` (slug → name) and
``SERVICES`` and ``PACKAGES`` (slug → (name, description)). English and Korean stand
in ``hotel/demo/catalogue.py`` itself.
"""

import importlib
import pkgutil


def extra_texts() -> dict[str, dict]:
    """Return the texts of every language module here, by language code."""
    found = {}
    for module in pkgutil.iter_modules(__path__):
        texts = importlib.import_module(f"{__name__}.{module.name}")
        found[module.name] = {
            "departments": getattr(texts, "DEPARTMENTS", {}),
            "services": getattr(texts, "SERVICES", {}),
            "packages": getattr(texts, "PACKAGES", {}),
        }
    return found


def with_extra_texts(kind: str, slug: str, texts: dict) -> dict:
    """Return ``texts`` (locale → {"name", "description"}) with the other languages added."""
    merged = dict(texts)
    for language, catalogue in extra_texts().items():
        entry = catalogue[kind].get(slug)
        if entry is None:
            continue
        if isinstance(entry, str):
            merged[language] = {"name": entry}
        else:
            merged[language] = {"name": entry[0], "description": entry[1]}
    return merged
