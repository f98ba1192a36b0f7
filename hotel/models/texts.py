"""Per-language texts of catalogue objects, with a fallback to the default language."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column


class TextMixin:
    """Columns of one language's version of a catalogue object's texts."""

    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")


class Translated:
    """Gives a model with a ``texts`` collection the text for a language."""

    texts: list

    def text(self, locale: str, default_locale: str = "en"):
        """Return the texts in ``locale``, else in the default language, else any."""
        by_locale = {t.locale: t for t in self.texts}
        return by_locale.get(locale) or by_locale.get(default_locale) or next(
            iter(self.texts), None
        )

    def missing_locales(self, locales) -> list[str]:
        """Return the languages, of those given, that have no text yet."""
        present = {t.locale for t in self.texts}
        return [code for code in locales if code not in present]
