"""Choosing the reader's language, and formatting for it."""

import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, localedata
from babel.core import get_global
from babel.dates import format_date, format_datetime, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_currency as babel_format_currency
from babel.numbers import format_percent
from flask import Flask, current_app, g, has_request_context, request, session
from flask.globals import _cv_app as _app_context  # the context variable behind ``g``
from flask_babel import Domain, get_locale, ngettext
from jinja2 import pass_eval_context
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


def kept_for_locale(name: str, make):
    """Return ``make()``, made once per request and locale and kept on ``g`` as ``name``
    beside the locale it is for: a locale forced for a while (an e-mail in the guest's
    language) is a new locale object, and gets its own. Before the request's locale is
    chosen, and outside an application context, ``make()`` is called every time.
    """
    app_context = _app_context.get(None)  # what ``g`` stands for, without its proxy
    if app_context is not None:
        kept_here = app_context.g.__dict__
        locale = getattr(kept_here.get("_flask_babel"), "babel_locale", None)
        if locale is not None:
            kept = kept_here.get(name)
            if kept is not None and kept[0] is locale:
                return kept[1]
            value = make()
            kept_here[name] = (locale, value)
            return value
    return make()


@lru_cache(maxsize=64)
def regional_locale(language: str, zone: str) -> str:
    """Return the locale of a language as spoken in the country of a time zone ("en_AT"
    for English in Europe/Vienna: "01/12/2026, 04:49", day before month, a 24-hour clock),
    where Babel knows that combination, else the language itself ("ko" stays "ko")."""
    territory = get_global("zone_territories").get(zone)
    if territory and localedata.exists(f"{language}_{territory}"):
        return f"{language}_{territory}"
    return language


def _on_the_desk() -> bool:
    """Tell whether the request is a desk page: staff read dates as the hotel's region
    writes them, in their own language."""
    return has_request_context() and request.blueprint == "desk"


def _find_reader() -> tuple[str, str, str]:
    locale = get_locale()
    if locale is None:
        default = current_app.config["BABEL_DEFAULT_LOCALE"]
        return current_app.config["DEFAULT_LANGUAGE"], default, default
    name = str(locale)
    language = name.split("_")[0]
    dates = regional_locale(language, select_timezone()) if _on_the_desk() else name
    return language, name, dates


def _reader() -> tuple[str, str, str]:
    """Return (language code, locale name, locale of dates) of the locale in force, worked
    out once per request and locale: the pages ask for them for every name, price and day
    they show."""
    return kept_for_locale("_reader_of_locale", _find_reader)


def current_language() -> str:
    """Return the language code of the current request."""
    return _reader()[0]


def text_locales() -> tuple[str, ...]:
    """Return the languages a page needs catalogue texts in: the reader's and the default."""
    return tuple(dict.fromkeys((current_language(), current_app.config["DEFAULT_LANGUAGE"])))


def text_direction(language: str | None = None) -> str:
    """Return "rtl" for right-to-left languages, else "ltr"."""
    return "rtl" if (language or current_language()) in RTL_LANGUAGES else "ltr"


def _locale_name() -> str:
    return _reader()[1]


def _dates_locale() -> str:
    return _reader()[2]


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
    return _day_in(value, _dates_locale())


@lru_cache(maxsize=16)
def time_pattern(locale: str) -> str:
    """Return the short time pattern of a locale, with the morning and afternoon written as
    its own words where the short form is the Latin "AM" ("오전 9:00", not "AM 9:00")."""
    found = Locale.parse(locale)
    pattern = found.time_formats["short"].pattern
    periods = found.day_periods["format"]
    short, wide = periods["abbreviated"].get("am", ""), periods["wide"].get("am", "")
    if short.isascii() and wide and not wide.isascii():
        pattern = re.sub(r"(?<!a)a(?!a)", "aaaa", pattern)
    return pattern


@lru_cache(maxsize=4096)
def _time_in(value: datetime, locale: str, zone: str) -> str:
    return format_time(value, time_pattern(locale), tzinfo=ZoneInfo(zone), locale=locale)


def time_label(value: datetime) -> str:
    """Return a time of day at the hotel in the reader's locale."""
    return _time_in(value, _dates_locale(), select_timezone())


@lru_cache(maxsize=16)
def _period_words(locale: str) -> tuple[tuple[str, str], ...]:
    """Return the Latin "AM"/"PM" a locale abbreviates to, with its own words for them
    ("오전", "오후"), where the two differ (see ``time_pattern``)."""
    periods = Locale.parse(locale).day_periods["format"]
    short, wide = periods["abbreviated"], periods["wide"]
    return tuple((short[key], wide[key]) for key in ("am", "pm")
                 if short.get(key, "").isascii() and wide.get(key)
                 and not wide[key].isascii())


def datetime_label(value: datetime, length: str = "medium") -> str:
    """Return a date and time at the hotel in the reader's locale (on the desk, as the
    hotel's region writes it), the morning and afternoon in the locale's own words."""
    locale = _dates_locale()
    text = format_datetime(value, length, tzinfo=ZoneInfo(select_timezone()), locale=locale)
    for latin, own in _period_words(locale):
        text = text.replace(latin, own)
    return text


def date_label(value: date | datetime, length: str = "medium") -> str:
    """Return a date (of an instant: at the hotel) in the reader's locale (on the desk, as
    the hotel's region writes it)."""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(select_timezone())).date()
    return format_date(value, length, locale=_dates_locale())


@lru_cache(maxsize=16)
def _moment_pattern(locale: str) -> str:
    return str(Locale.parse(locale).datetime_formats["short"])


def moment_label(value: datetime) -> str:
    """Return a day and a time at the hotel, joined as the reader's locale joins them
    ("12월 2일 (수) 오후 1:00", "Wed, Dec 2, 1:00 PM")."""
    return _moment_pattern(_dates_locale()).replace("{1}", day_label(value)).replace(
        "{0}", time_label(value))


def money(amount: Decimal, currency: str | None = None) -> str:
    """Format an amount of money in the reader's locale."""
    return _money_in(Decimal(amount), currency or current_app.config["HOTEL_CURRENCY"],
                     _locale_name())


@lru_cache(maxsize=1024)
def _percent_in(value: Decimal, locale: str) -> str:
    return format_percent(Decimal(value) / 100, locale=locale, decimal_quantization=False)


def percent_label(value: Decimal) -> str:
    """Format a percent (12.5 for 12.5 %) in the reader's locale."""
    return _percent_in(Decimal(value), _locale_name())


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
    return Markup(f"<bdi>{escape(text)}</bdi>")  # noqa: S704 -- the text is escaped


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


class _KeptTranslations(Domain):
    """Flask-Babel's domain, finding the translations once per request and locale.

    Flask-Babel finds the locale and its catalogue afresh for every string, a few
    microseconds each through the context locals; a desk page has hundreds of strings.
    The catalogue found is kept (``kept_for_locale``), so that ``force_locale`` is still
    obeyed. Every request uses it (``init_app``), for the templates' strings and the
    code's alike.
    """

    def get_translations(self):
        return kept_for_locale("_translations_of_locale", super().get_translations)


_DOMAIN = _KeptTranslations()


def translations():
    """Return the translations of the locale in force (see ``_KeptTranslations``)."""
    return _DOMAIN.get_translations()


def _as_template_text(eval_context, text: str, variables: dict):
    if not variables and "%" not in text:  # nothing to fill in, nothing to unescape
        return Markup(text) if eval_context.autoescape else text  # noqa: S704 -- as below
    if eval_context.autoescape:
        text = Markup(text)  # noqa: S704 -- our own translation catalogue, as Jinja does
    return text % variables


@pass_eval_context
def _template_gettext(eval_context, string: str, **variables):
    return _as_template_text(eval_context, translations().ugettext(string), variables)


@pass_eval_context
def _template_ngettext(eval_context, singular: str, plural: str, num: int, **variables):
    variables.setdefault("num", num)
    return _as_template_text(
        eval_context, translations().ungettext(singular, plural, num), variables)


@pass_eval_context
def _template_pgettext(eval_context, context: str, string: str, **variables):
    return _as_template_text(eval_context, translations().upgettext(context, string), variables)


@pass_eval_context
def _template_npgettext(eval_context, context: str, singular: str, plural: str, num: int,
                        **variables):
    variables.setdefault("num", num)
    return _as_template_text(
        eval_context, translations().unpgettext(context, singular, plural, num), variables)


def init_app(app: Flask) -> None:
    """Make the language helpers available to every template."""
    app.before_request(_DOMAIN.as_default)
    # Jinja's own callables reach the translation through two more calls per string;
    # these do the same work (new-style: escaped under autoescape, always a format
    # string) in one.
    app.jinja_env.globals.update(_=_template_gettext, gettext=_template_gettext,
                                 ngettext=_template_ngettext, pgettext=_template_pgettext,
                                 npgettext=_template_npgettext)
    app.jinja_env.filters.update(money=money, day=day_label, time=time_label, moment=moment_label,
                                 join_list=list_of, bdi=bdi, localized=localized,
                                 percent=percent_label, datetimeformat=datetime_label,
                                 dateformat=date_label)
    app.jinja_env.globals.update(
        localized=localized,
        language_name=language_name,
        language_in_reader_language=language_in_reader_language,
        party_summary=party_summary,
        current_language=current_language,
        text_direction=text_direction,
        LANGUAGES=app.config["LANGUAGES"],
    )
