"""The form of a party's care notes and the stay's contact phone, which the guest fills in
on "My party" and reception on the stay's page."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TelField,
)
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from hotel.models import Stay
from hotel.services.care_notes import COLLECTED_BY_MAX, NOTE_MAX, PHONE_MAX, save_party_care
from hotel.services.errors import DomainError
from hotel.services.stays import MAX_PARTY, StayChanged
from hotel.web.forms import PageForm, RowForm

MUST_BE_COLLECTED, MAY_LEAVE_ALONE = "collected", "alone"


class MemberCareForm(RowForm):
    """One person's care notes; for a child, also how they leave an activity."""

    member_id = IntegerField(widget=HiddenInput(), validators=[
        InputRequired(message=_l("Please give the person's notes again."))])
    allergies = StringField(_l("Allergies"), validators=[Optional(), Length(max=NOTE_MAX)])
    medical_notes = StringField(_l("Medical notes"),
                                validators=[Optional(), Length(max=NOTE_MAX)])
    dietary_notes = StringField(_l("Dietary notes"),
                                validators=[Optional(), Length(max=NOTE_MAX)])
    leaving = SelectField(_l("After an activity"), validators=[Optional()], choices=[
        (MUST_BE_COLLECTED, _l("Must be collected")),
        (MAY_LEAVE_ALONE, _l("May leave alone"))], default=MUST_BE_COLLECTED)
    collected_by = StringField(_l("Who may collect"),
                               validators=[Optional(), Length(max=COLLECTED_BY_MAX)])


class PartyCareForm(PageForm):
    """The stay's contact phone and each member's care notes."""

    # A phone number reads left to right in every language, as typed: Arabic's too.
    phone = TelField(_l("Contact phone"), validators=[Optional(), Length(max=PHONE_MAX)],
                     render_kw={"dir": "ltr", "autocomplete": "tel"})
    members = FieldList(FormField(MemberCareForm), max_entries=MAX_PARTY)
    # The version of the stay the form was filled from (see StayForm).
    version = HiddenField()

    @classmethod
    def for_stay(cls, stay: Stay) -> "PartyCareForm":
        """Return the form filled in from the stay and its party."""
        rows = [{"member_id": m.id, "allergies": m.allergies,
                 "medical_notes": m.medical_notes, "dietary_notes": m.dietary_notes,
                 "leaving": MAY_LEAVE_ALONE if m.may_leave_alone else MUST_BE_COLLECTED,
                 "collected_by": m.collected_by} for m in stay.members]
        return cls(formdata=None, data={"phone": stay.phone, "members": rows,
                                        "version": stay.version})

    def care_notes(self) -> dict[int, dict]:
        """Return each member's notes by member id, as ``save_party_care`` takes them."""
        notes = {}
        for row in self.members:
            person = {key: row[key].data or "" for key in
                      ("allergies", "medical_notes", "dietary_notes", "collected_by")}
            person["may_leave_alone"] = row.leaving.data == MAY_LEAVE_ALONE
            notes[row.member_id.data] = person
        return notes

    def version_sent(self) -> int | None:
        """Return the version the form was filled from, if it is a whole number."""
        value = (self.version.data or "").strip()
        return int(value) if value.isdigit() and len(value) < 10 else None

    def rows_by_member(self, stay: Stay) -> list[tuple]:
        """Return (member, row) pairs for the template, in the party's order."""
        members = {m.id: m for m in stay.members}
        return [(members[row.member_id.data], row) for row in self.members
                if row.member_id.data in members]


ROW_FIELD = re.compile(r"party\[(\d+)\]\.(\w+)")


def show_care_error(form: PartyCareForm, error: DomainError) -> None:
    """Put a service's error next to the field it names, or above the form."""
    found = ROW_FIELD.fullmatch(error.field or "")
    field = form.phone if error.field == "phone" else None
    if found and int(found[1]) < len(form.members):
        row = form.members[int(found[1])]
        name = "leaving" if found[2] == "may_leave_alone" else found[2]
        field = row.form._fields.get(name)
    if field is None:
        form.form_errors.append(error.message)
    else:
        field.errors = [*field.errors, error.message]


def save_care_form(form: PartyCareForm, stay, actor) -> tuple[bool, int]:
    """Save a sent care notes form; return whether it was saved and the status otherwise."""
    if not form.validate_on_submit():
        ids = {member.id for member in stay.members}
        if any(row.member_id.data not in ids for row in form.members):
            form.form_errors.append(_("The party has changed since the page was opened; "
                                      "please check the notes and save them again."))
        return False, 422
    try:
        save_party_care(stay, form.phone.data or "", form.care_notes(), actor,
                        version=form.version_sent())
    except StayChanged as error:
        form.form_errors.append(error.message)
        return False, 409
    except DomainError as error:
        show_care_error(form, error)
        return False, error.status
    return True, 200
