"""Forms of the requests page: its filters, and an action on the chosen items."""

from dataclasses import dataclass

from flask import request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from hotel.desk.forms.reasons import offer_reasons, standard_reason_field
from hotel.services.requests import ACTION_LABELS, Action
from hotel.web.forms import GetForm, PageForm


class RequestFilterForm(GetForm):
    """Filters of the requests list (sent with GET, so without CSRF)."""

    state = SelectField(_l("State"), validators=[Optional()])
    day = DateField(_l("Date"), validators=[Optional()])
    service = SelectField(_l("Service"), validators=[Optional()])
    department = SelectField(_l("Department"), validators=[Optional()])
    room = StringField(_l("Room"), validators=[Optional(), Length(max=16)])
    guest = StringField(_l("Guest"), validators=[Optional(), Length(max=80)])


class ItemActionForm(PageForm):
    """One action on the chosen items; declining needs a standard reason or a note."""

    item_ids = SelectMultipleField(coerce=int, validate_choice=False)
    action = SelectField(_l("Action"), validators=[
        DataRequired(message=_l("Please choose an action."))])
    standard_reason = standard_reason_field(_l("Reason for the guest (needed to decline)"))
    reason = TextAreaField(_l("Note for the guest, shown as written"),
                           validators=[Optional(), Length(max=500)], render_kw={"rows": 2})


def action_form() -> ItemActionForm:
    """Return the form of an action on items, with its actions and the standard reasons."""
    form = offer_reasons(ItemActionForm())
    form.action.choices = [(a.value, ACTION_LABELS[a]) for a in Action]
    return form


class FailedAction:
    """An action that was refused: its message, its form as sent, and the chosen items, so
    that the page it came from shows them again."""

    def __init__(self, form: ItemActionForm, message: str) -> None:
        self.form = form
        self.message = message
        self.item_ids = {value for value in (form.item_ids.data or []) if isinstance(value, int)}
        # A row's own decline form names its row: that row's form opens again.
        self.row = request.form.get("row", type=int)


@dataclass(frozen=True)
class RowActions:
    """What the confirm and decline forms on each row of a list share, worked out once for
    the page (desk/_item_actions.html): the action form (and a refused action), the
    address to come back to, where the forms go, the CSRF token, and the standard reasons
    as options, none chosen."""

    action_form: ItemActionForm
    failed: FailedAction | None
    back: str
    action_url: str
    csrf: str
    reason_options: Markup
    words: dict[str, Markup]  # the forms' words, translated once


def row_actions(form: ItemActionForm, failed: FailedAction | None, back: str) -> RowActions:
    """Return what every row's answer forms share on a page."""
    options = Markup("").join(
        Markup('<option value="{}">{}</option>').format(value, label)
        for value, label in form.standard_reason.choices)
    words = {name: Markup(text) for name, text in {  # noqa: S704 -- our own catalogue
        "answer": _("Answer"), "confirm": _("Confirm"), "decline_open": _("Decline…"),
        "reason": _("Reason for the guest"), "decline": _("Decline"),
        "note": _("Note for the guest, shown as written"),
        "nothing_changed": _("Nothing was changed.")}.items()}
    return RowActions(form, failed, back, url_for("desk.requests_action"), generate_csrf(),
                      options, words)
