"""Choosing the reader's language, and formatting for it."""

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_currency as babel_format_currency
from flask import Flask, current_app, g, has_request_context, request, session
from flask_babel import get_locale, ngettext
from markupsafe import Markup, escape

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})


def supported_languages() -> dict[str, str]:
    return current_app.config["LANGUAGES"]


def select_locale() -> str:
    """Pick the language: explicit choice, the guest's stay, the browser, the default."""
    languages = supported_languages()
    if not has_request_context():  # commands and background work speak the default
        return current_app.config["DEFAULT_LANGUAGE"]
    chosen = request.args.get("lang", "").strip().lower()
    if chosen in languages:
        if not request.path.startswith("/api/"):  # the API keeps no cookies
            session["lang"] = chosen
        return chosen
    if session.get("lang") in languages:
        return session["lang"]
    stay = g.get("stay")
    if stay is not None and stay.language in languages:
        return stay.language
    best = request.accept_languages.best_match(list(languages))
    return best or current_app.config["DEFAULT_LANGUAGE"]


def select_timezone() -> str:
    """Every time is shown in the hotel's time zone, wherever the reader is."""
    return current_app.config["HOTEL_TIMEZONE"]


def current_language() -> str:
    """Return the language code of the current request."""
    return str(get_locale() or current_app.config["DEFAULT_LANGUAGE"]).split("_")[0]


def text_locales() -> tuple[str, ...]:
    """Return the languages a page needs catalogue texts in: the reader's and the default."""
    return tuple(dict.fromkeys((current_language(), current_app.config["DEFAULT_LANGUAGE"])))


def text_direction(language: str | None = None) -> str:
    """Return "rtl" for right-to-left languages, else "ltr"."""
    return "rtl" if (language or current_language()) in RTL_LANGUAGES else "ltr"


def _locale_name() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


# Formatting is pure, and slow enough to show on a page of many prices and days: each
# amount and day is formatted once per process and locale.
@lru_cache(maxsize=4096)
def _day_in(day: date, locale: str) -> str:
    return format_skeleton("MMMEd", day, locale=locale)


@lru_cache(maxsize=4096)
def _money_in(amount: Decimal, currency: str, locale: str) -> str:
    return babel_format_currency(amount, currency, locale=locale)


def day_label(value: date | datetime) -> str:
    """Return a short date with its weekday in the reader's locale ("Tue, Nov 24")."""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(select_timezone())).date()
    return _day_in(value, _locale_name())


@lru_cache(maxsize=4096)
def _time_in(value: datetime, locale: str, zone: str) -> str:
    return format_time(value, "short", tzinfo=ZoneInfo(zone), locale=locale)


def time_label(value: datetime) -> str:
    """Return a time of day at the hotel in the reader's locale."""
    return _time_in(value, _locale_name(), select_timezone())


def money(amount: Decimal, currency: str | None = None) -> str:
    """Format an amount of money in the reader's locale."""
    return _money_in(Decimal(amount), currency or current_app.config["HOTEL_CURRENCY"],
                     _locale_name())


def localized(obj, field: str = "name") -> str:
    """Return a catalogue object's text in the reader's language, or the default one."""
    text = obj.text(current_language(), current_app.config["DEFAULT_LANGUAGE"])
    return getattr(text, field) if text is not None else ""


def language_name(code: str) -> str:
    """Return a language's own name for itself."""
    return supported_languages().get(code) or Locale.parse(code).get_display_name(code)


def language_in_reader_language(code: str) -> str:
    """Return a language's name as the reader calls it ("Englisch" for a German reader)."""
    return Locale.parse(code).get_display_name(current_language()) or code


def bdi(text) -> Markup:
    """Return text people typed as <bdi>: its direction cannot turn the text around it.

    Names, notes, reasons and tickets may be in another script than the page, or hold
    bidi controls; isolated, they stay in their place on left-to-right and right-to-left
    pages alike.
    """
    if text is None or text == "":
        return Markup("")
    return Markup("<bdi>%s</bdi>") % text


@lru_cache(maxsize=1024)
def _list_in(items: tuple[str, ...], locale: str) -> str:
    return format_list(list(items), locale=locale)


def list_of(items) -> str:
    """Join names or numbers as the reader's language lists them ("A, B and C")."""
    items = list(items)
    if not items:
        return ""
    if not any(isinstance(item, Markup) for item in items):
        return _list_in(tuple(str(item) for item in items), _locale_name())
    # Isolated names (Markup) are joined as they are: the list is made of placeholders,
    # escaped, and the names put back in their place.
    pattern = _list_in(tuple(f"\ue000{n}\ue001" for n in range(len(items))), _locale_name())
    joined = str(escape(pattern))
    for number, item in enumerate(items):
        joined = joined.replace(f"\ue000{number}\ue001", str(escape(item)))
    return Markup(joined)  # noqa: S704 - every part went through escape()


def party_summary(members, day: date) -> str:
    """Say who takes part: "2 adults and 2 children (6 and 11)", in the reader's language."""
    adults = [m for m in members if not m.is_child]
    children = [m for m in members if m.is_child]
    parts = []
    if adults:
        parts.append(ngettext("%(num)d adult", "%(num)d adults", len(adults)))
    if children:
        ages = [m.age_on(day) for m in children]
        counted = ngettext("%(num)d child", "%(num)d children", len(children))
        known = [str(age) for age in ages if age is not None]
        parts.append(f"{counted} ({list_of(known)})" if known else counted)
    return list_of(parts)


def init_app(app: Flask) -> None:
    """Make the language helpers available to every template."""
    app.jinja_env.filters.update(money=money, day=day_label, time=time_label, join_list=list_of,
                                 bdi=bdi, localized=localized)
    app.jinja_env.globals.update(
        localized=localized,
        language_name=language_name,
        language_in_reader_language=language_in_reader_language,
        party_summary=party_summary,
        current_language=current_language,
        text_direction=text_direction,
        LANGUAGES=app.config["LANGUAGES"],
    )
