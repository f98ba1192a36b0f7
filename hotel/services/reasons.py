"""Standard reasons the hotel gives for a decline, a closure or units out of service,
kept by managers in every language, so that each guest reads one in their own.
"""

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import StaffUser, StandardReason, StandardReasonText
from hotel.services import audit
from hotel.services.errors import DomainError
from hotel.services.inventory import MAX_REASON
from hotel.services.plain_text import check_text

MAX_REASON_NAME = 160


def standard_reasons(include_inactive: bool = False) -> list[StandardReason]:
    """Return the standard reasons in their order (texts loaded with them)."""
    query = select(StandardReason).order_by(StandardReason.position, StandardReason.id)
    if not include_inactive:
        query = query.where(StandardReason.active.is_(True))
    return list(db.session.scalars(query))


def chosen_reason(reason_id) -> StandardReason | None:
    """Return the active standard reason with that id, or None for none chosen.

    :raises DomainError: an id that is not an active standard reason.
    """
    if reason_id in (None, "", 0):
        return None
    reason = db.session.get(StandardReason, reason_id) if isinstance(reason_id, int) else None
    if reason is None or not reason.active:
        raise DomainError(_("Please choose one of the reasons offered."), "standard_reason")
    return reason


def given_reason(reason_id, note: str, required: bool = True) -> tuple[StandardReason | None, str]:
    """Return the chosen standard reason and the free note, checked.

    :raises DomainError: neither a standard reason nor a note when one is needed, an
        unknown reason, or a note that is too long.
    """
    reason = chosen_reason(reason_id)
    note = (note or "").strip()
    if required and reason is None and not note:
        raise DomainError(_("Please choose a reason or write one."), "reason")
    if len(note) > MAX_REASON:
        raise DomainError(_("Please keep the reason to %(num)d characters.", num=MAX_REASON),
                          "reason")
    return reason, note


def save_reason(reason_id: int | None, code: str, texts: dict[str, str], active: bool,
                actor: StaffUser) -> StandardReason:
    """Create or change a standard reason and its texts (empty ones are dropped).

    :raises DomainError: a bad code, a code in use, no text in the default language, or
        a text that is too long or not plain text.
    """
    code = (code or "").strip().lower()
    if not code or len(code) > 40 or not all(ch.isascii() and (ch.isalnum() or ch in "-_")
                                              for ch in code):
        raise DomainError(_("Please give a short code of letters, digits and dashes."), "code")
    languages = current_app.config["LANGUAGES"]
    cleaned = {}
    for language, value in texts.items():
        if language not in languages:
            raise DomainError(_("The language %(code)s is not offered.", code=language),
                              "texts")
        value = (value or "").strip()
        if len(value) > MAX_REASON_NAME:
            raise DomainError(_("Please keep the reason to %(num)d characters.",
                                num=MAX_REASON_NAME), f"text_{language}")
        if value:
            cleaned[language] = check_text(value, f"text_{language}")
    if current_app.config["DEFAULT_LANGUAGE"] not in cleaned:
        raise DomainError(_("Please write the reason at least in the default language."),
                          f"text_{current_app.config['DEFAULT_LANGUAGE']}")
    with write_transaction():
        same_code = db.session.scalar(select(StandardReason).where(StandardReason.code == code))
        if same_code is not None and same_code.id != reason_id:
            raise DomainError(_("Another reason has this code."), "code")
        if reason_id is None:
            reason = StandardReason(code=code, position=len(standard_reasons(True)))
            db.session.add(reason)
        else:
            reason = db.session.get(StandardReason, reason_id)
            if reason is None:
                raise DomainError(_("This reason no longer exists."), "code")
        reason.code, reason.active = code, active
        by_locale = {text.locale: text for text in reason.texts}
        for language, value in cleaned.items():
            if language in by_locale:
                by_locale[language].name = value
            else:
                reason.texts.append(StandardReasonText(locale=language, name=value,
                                                       description=""))
        for language, text in by_locale.items():
            if language not in cleaned:
                reason.texts.remove(text)
        db.session.flush()
        audit.record("reason.saved", reason, actor, code=code, languages=sorted(cleaned))
    return reason
