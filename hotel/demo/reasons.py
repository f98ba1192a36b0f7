"""Load the demo standard reasons from reasons.toml and the text files; loading them again
changes nothing."""

from sqlalchemy import select

from hotel.demo.datafiles import DemoFiles
from hotel.demo.texts import feedback_texts
from hotel.extensions import db
from hotel.models import StandardReason, StandardReasonText


def load_standard_reasons(files: DemoFiles) -> None:
    """Create or update the standard reasons, in the file's order, with their texts."""
    known = {reason.code: reason for reason in db.session.scalars(select(StandardReason))}
    for position, spec in enumerate(files.standard_reasons):
        reason = known.get(spec["code"])
        if reason is None:
            reason = StandardReason(code=spec["code"])
            db.session.add(reason)
        reason.position, reason.active = position, True
        current = {text.locale: text for text in reason.texts}
        for locale, name in feedback_texts(files.texts, "standard_reasons", spec["code"]).items():
            if locale in current:
                current[locale].name = name
            else:
                reason.texts.append(StandardReasonText(locale=locale, name=name, description=""))
    db.session.flush()
