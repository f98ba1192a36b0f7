"""Managers edit the FAQ and policies, and the categories tickets are sorted into."""

import re

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    Department,
    FaqEntry,
    FaqKind,
    FaqText,
    StaffUser,
    TicketCategory,
    TicketCategoryText,
)
from hotel.services.audit import record
from hotel.services.errors import DomainError

MAX_QUESTION = 160
MAX_ANSWER = 4000
MAX_KEYWORDS = 500
MAX_RESPONSE_HOURS = 24 * 30
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _int(value, field: str, low: int, high: int, message: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        raise DomainError(message, field)
    return number


def _faq_texts(texts: dict) -> dict[str, tuple[str, str, str]]:
    """Return (question, answer, keywords) per language that has a question.

    :raises DomainError: no question and answer in the default language, an answer without
        a question, or a text too long.
    """
    languages = current_app.config["LANGUAGES"]
    default = current_app.config["DEFAULT_LANGUAGE"]
    clean = {}
    for locale, values in (texts or {}).items():
        if locale not in languages:
            raise DomainError(_("The language %(code)s is not offered.", code=locale), "texts")
        question = (values.get("name") or "").strip()
        answer = (values.get("description") or "").strip().replace("\r\n", "\n")
        keywords = ", ".join(k.strip() for k in (values.get("keywords") or "").split(",")
                             if k.strip())
        for value, limit, field in ((question, MAX_QUESTION, "name"),
                                    (answer, MAX_ANSWER, "description"),
                                    (keywords, MAX_KEYWORDS, "keywords")):
            if len(value) > limit:
                raise DomainError(_("Please keep it to %(num)d characters.", num=limit),
                                  f"{field}_{locale}")
        if (answer or keywords) and not question:
            raise DomainError(_("Please give the question or title as well."),
                              f"name_{locale}")
        if question and not answer:
            raise DomainError(_("Please give the answer as well."), f"description_{locale}")
        if question:
            clean[locale] = (question, answer, keywords)
    if default not in clean:
        raise DomainError(_("A question and answer in %(language)s are required.",
                            language=languages.get(default, default)), f"name_{default}")
    return clean


def _apply_faq_texts(entry: FaqEntry, texts: dict) -> list[str]:
    """Make the entry's texts those given; return the languages that changed."""
    changed = []
    current = {text.locale: text for text in entry.texts}
    for locale, text in current.items():
        if locale not in texts:
            entry.texts.remove(text)
            changed.append(locale)
    for locale, (question, answer, keywords) in texts.items():
        text = current.get(locale)
        if text is None:
            entry.texts.append(FaqText(locale=locale, name=question, description=answer,
                                       keywords=keywords))
            changed.append(locale)
        elif (text.name, text.description, text.keywords) != (question, answer, keywords):
            text.name, text.description, text.keywords = question, answer, keywords
            changed.append(locale)
    return sorted(changed)


def save_faq_entry(entry: FaqEntry | None, data: dict, actor: StaffUser) -> FaqEntry:
    """Create an FAQ entry or policy, or change one: kind, category, order, active, texts.

    :raises DomainError: an unknown kind or category, a bad position, or bad texts.
    """
    try:
        kind = FaqKind(data.get("kind") or FaqKind.FAQ.value)
    except ValueError:
        raise DomainError(_("Please choose a question or a policy."), "kind") from None
    position = _int(data.get("position", 0) or 0, "position", 0, 9999,
                    _("Please enter a number from 0 to 9999."))
    texts = _faq_texts(data.get("texts", {}))
    with write_transaction():
        category_id = data.get("category_id") or None
        if category_id is not None and db.session.get(TicketCategory, int(category_id)) is None:
            raise DomainError(_("Please choose what it is about."), "category_id")
        created = entry is None
        if created:
            entry = FaqEntry()
            db.session.add(entry)
        entry.kind, entry.position = kind, position
        entry.category_id = int(category_id) if category_id else None
        entry.active = bool(data.get("active", True))
        languages = _apply_faq_texts(entry, texts)
        db.session.flush()
        record("faq.created" if created else "faq.saved", entry, actor, kind=kind.value,
               active=entry.active, position=position, languages=", ".join(languages))
    return entry


def _category_names(texts: dict) -> dict[str, str]:
    languages = current_app.config["LANGUAGES"]
    default = current_app.config["DEFAULT_LANGUAGE"]
    clean = {}
    for locale, name in (texts or {}).items():
        if locale not in languages:
            raise DomainError(_("The language %(code)s is not offered.", code=locale), "texts")
        name = (name or "").strip()
        if len(name) > MAX_QUESTION:
            raise DomainError(_("Please keep it to %(num)d characters.", num=MAX_QUESTION),
                              f"name_{locale}")
        if name:
            clean[locale] = name
    if default not in clean:
        raise DomainError(_("A name in %(language)s is required.",
                            language=languages.get(default, default)), f"name_{default}")
    return clean


def save_ticket_category(category: TicketCategory | None, data: dict,
                         actor: StaffUser) -> TicketCategory:
    """Create or change a ticket category: its department, response target and names.

    :raises DomainError: a bad slug (or one taken), department, target or names.
    """
    slug = (data.get("slug") or "").strip()
    if not SLUG.match(slug) or len(slug) > 40:
        raise DomainError(_("Use lowercase letters, digits and hyphens (at most 40)."), "slug")
    hours = _int(data.get("response_hours"), "response_hours", 1, MAX_RESPONSE_HOURS,
                 _("Please enter a number of hours from 1 to %(num)d.",
                   num=MAX_RESPONSE_HOURS))
    names = _category_names(data.get("texts", {}))
    with write_transaction():
        department_id = _int(data.get("department_id"), "department_id", 1, 2**31,
                             _("There is no such department."))
        if db.session.get(Department, department_id) is None:
            raise DomainError(_("There is no such department."), "department_id")
        taken = db.session.scalar(select(TicketCategory.id).where(TicketCategory.slug == slug))
        if taken is not None and (category is None or taken != category.id):
            raise DomainError(_("The slug is already used."), "slug")
        created = category is None
        if created:
            category = TicketCategory(position=(db.session.scalar(
                select(func.max(TicketCategory.position))) or 0) + 1)
            db.session.add(category)
        category.slug, category.department_id, category.response_hours = (
            slug, department_id, hours)
        current = {text.locale: text for text in category.texts}
        for locale, text in current.items():
            if locale not in names:
                category.texts.remove(text)
        for locale, name in names.items():
            if locale in current:
                current[locale].name = name
            else:
                category.texts.append(TicketCategoryText(locale=locale, name=name))
        db.session.flush()
        record("ticket_category.created" if created else "ticket_category.saved", category,
               actor, slug=slug, department_id=department_id, response_hours=hours)
    return category
