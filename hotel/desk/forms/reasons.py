"""Forms of the standard reasons page, and the choice of a standard reason that the decline,
close-slot and out-of-service forms share."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from hotel.i18n import localized
from hotel.services.reasons import MAX_REASON_NAME, standard_reasons
from hotel.web.catalogue_cache import cached
from hotel.web.forms import PageForm

NO_REASON = 0  # what the select sends when no standard reason is chosen


def _reason_id(value) -> int:
    """Read a chosen reason's id; nothing chosen is NO_REASON."""
    return NO_REASON if value in (None, "") else int(value)


def standard_reason_field(label) -> SelectField:
    """Return a select of the active standard reasons (choices set by offer_reasons)."""
    return SelectField(label, coerce=_reason_id, default=NO_REASON)


def offer_reasons(form: PageForm) -> PageForm:
    """Give a form's ``standard_reason`` select the active reasons in the reader's language."""
    # The same for every reader of a language until the reasons change (they raise the
    # catalogue's version), so a page with a decline form on every row reads them once.
    reasons = cached("desk-standard-reasons", render=lambda: [
        (reason.id, localized(reason)) for reason in standard_reasons()])
    form.standard_reason.choices = [(NO_REASON, _l("None: I write a note")), *reasons]
    return form


class ReasonForm(PageForm):
    """A standard reason: its code and whether it is offered; texts are added per language."""

    code = StringField(_l("Code"), validators=[
        DataRequired(message=_l("This is required.")), Length(max=40)])
    active = BooleanField(_l("Offered at the desk"), default=True)

    def text_values(self) -> dict[str, str]:
        """Return {language: text} from the text fields."""
        return {code: self[f"text_{code}"].data or ""
                for code in current_app.config["LANGUAGES"]}


def reason_form_class() -> type:
    """Return the reason form class with a text field per language."""
    fields = {f"text_{code}": StringField(_l("Text (%(language)s)", language=language),
                                          validators=[Optional(), Length(max=MAX_REASON_NAME)])
              for code, language in current_app.config["LANGUAGES"].items()}
    return type("ReasonForm", (ReasonForm,), fields)
