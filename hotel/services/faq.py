"""The FAQ and policies: matched against a guest's question so the answer comes at once;
managers edit them, and the categories tickets are sorted into."""

import re
from dataclasses import dataclass

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


MATCH_THRESHOLD = 3
KEYWORD_POINTS = 3
WORD_POINTS = 1
# Words too common to say what a question is about.
STOPWORDS = frozenset([
    "a", "an", "and", "are", "at", "be", "by", "can", "could", "do", "does", "for", "from",
    "has", "have", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on", "or", "our",
    "please", "the", "there", "this", "to", "us", "we", "what", "when", "where", "which", "who",
    "why", "will", "with", "would", "you", "your", "hotel", "hello", "hi", "thanks", "thank",
])
_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces between words (or with particles glued to them, as in
# Korean): there a keyword is found inside the text instead of as a whole word.
_UNSPACED = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class FaqMatch:
    """An FAQ entry that answers a guest's text, with how well it does."""

    entry: FaqEntry
    score: int


def _fold(text: str) -> str:
    return " ".join(_WORD.findall((text or "").casefold()))


def _words(folded: str) -> set[str]:
    return {word for word in folded.split() if len(word) >= 2 and word not in STOPWORDS}


def _same_word(word: str, other: str) -> bool:
    """Tell whether two words are the same, allowing endings ("pool" and "pools")."""
    if word == other:
        return True
    short, long = sorted((word, other), key=len)
    return len(short) >= 4 and long.startswith(short)


def _keyword_found(keyword: str, folded: str, words: set[str]) -> bool:
    if not keyword:
        return False
    if _UNSPACED.search(keyword):
        return keyword in folded.replace(" ", "") or keyword in folded
    if " " in keyword:
        return f" {keyword} " in f" {folded} "
    return any(_same_word(keyword, word) for word in words)


def score_text(text: str, question: str, keywords: str) -> int:
    """Score how well an FAQ text (its question and comma-separated keywords) fits a guest's
    text: points for every keyword found, and one for every question word shared.
    """
    folded = _fold(text)
    words = _words(folded)
    score = 0
    for keyword in {_fold(k) for k in (keywords or "").split(",")}:
        if _keyword_found(keyword, folded, words):
            score += KEYWORD_POINTS
    for word in _words(_fold(question)):
        if any(_same_word(word, mine) for mine in words):
            score += WORD_POINTS
    return score


def match_faq(text: str, language: str, limit: int = 3) -> list[FaqMatch]:
    """Return the active FAQ entries and policies that answer a text, best first, scored
    on their texts in ``language`` and in the hotel's default language.
    """
    default = current_app.config["DEFAULT_LANGUAGE"]
    entries = db.session.scalars(
        select(FaqEntry).where(FaqEntry.active.is_(True))
        .order_by(FaqEntry.position, FaqEntry.id)).all()
    matches = []
    for entry in entries:
        best = max((score_text(text, t.name, t.keywords) for t in entry.texts
                    if t.locale in {language, default}), default=0)
        if best >= MATCH_THRESHOLD:
            matches.append(FaqMatch(entry, best))
    matches.sort(key=lambda match: (-match.score, match.entry.position, match.entry.id))
    return matches[:limit]
