"""Forms of the desk's stay pages: the list's filters, a stay with its party, the CSV upload."""

import re

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TelField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from hotel.models import Stay
from hotel.services.care_notes import PHONE_MAX
from hotel.services.stays import CHILD_MAX_AGE, MAX_PARTY
from hotel.web.forms import GetForm, PageForm, RowForm

PARTY_ROWS = 8
WHEN_CHOICES = [("in_house", _l("In house today")), ("arriving", _l("Arriving today or later")),
                ("departed", _l("Departed")), ("all", _l("All stays"))]


class StayFilterForm(GetForm):
    """Search and filter of the stays list (sent with GET, so without CSRF)."""

    q = StringField(_l("Room, reference or name"), validators=[Optional(), Length(max=80)])
    when = SelectField(_l("Show"), choices=WHEN_CHOICES, default="in_house",
                       validators=[Optional()])


class PartyRowForm(RowForm):
    """One more person in the party besides the lead guest; an empty row is ignored."""

    first_name = StringField(_l("First name"), validators=[Optional(), Length(max=80)])
    last_name = StringField(_l("Last name"), validators=[Optional(), Length(max=80)])
    kind = SelectField(_l("Adult or child"), choices=[("adult", _l("Adult")),
                                                      ("child", _l("Child"))],
                       default="adult")
    age = IntegerField(_l("Age"), validators=[
        Optional(), NumberRange(min=0, max=CHILD_MAX_AGE,
                                message=_l("A child's age is from 0 to %(max)d."))])
    birth_date = DateField(_l("Birth date"), validators=[Optional()])

    def is_empty(self) -> bool:
        """Tell whether nothing was written in this row."""
        return not ((self.first_name.data or "").strip() or (self.last_name.data or "").strip()
                    or self.age.data is not None or self.birth_date.data is not None)


class StayForm(PageForm):
    """A stay: reference, room, lead guest, dates, language, e-mail, consent to offers, and
    the rest of the party."""

    reference = StringField(_l("Booking reference"), validators=[
        DataRequired(message=_l("This is required.")), Length(max=32)])
    room = StringField(_l("Room"), validators=[
        DataRequired(message=_l("This is required.")), Length(max=16)])
    first_name = StringField(_l("Lead guest's first name"), validators=[
        DataRequired(message=_l("This is required.")), Length(max=80)])
    last_name = StringField(_l("Lead guest's last name"), validators=[
        DataRequired(message=_l("This is required.")), Length(max=80)])
    arrival_date = DateField(_l("Arrival"), validators=[
        DataRequired(message=_l("Please enter a date as YYYY-MM-DD."))])
    departure_date = DateField(_l("Departure"), validators=[
        DataRequired(message=_l("Please enter a date as YYYY-MM-DD."))])
    language = SelectField(_l("Language"))
    email = StringField(_l("E-mail"), validators=[Optional(), Length(max=254)])
    # A phone number reads left to right in every language, as typed: Arabic's too.
    phone = TelField(_l("Contact phone"), validators=[Optional(), Length(max=PHONE_MAX)],
                     render_kw={"dir": "ltr", "autocomplete": "tel"})
    marketing_consent = BooleanField(_l("Agrees to offers"))
    birth_date = DateField(_l("Birth date of the lead guest (optional)"),
                           validators=[Optional()])
    party = FieldList(FormField(PartyRowForm), min_entries=PARTY_ROWS,
                      max_entries=MAX_PARTY - 1)
    # The version of the stay the form was filled from: saving it after someone else
    # saved the stay is refused (409) instead of undoing their changes.
    version = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(current_app.config["LANGUAGES"].items())
        if not self.language.data:
            self.language.data = current_app.config["DEFAULT_LANGUAGE"]

    @classmethod
    def for_stay(cls, stay: Stay) -> "StayForm":
        """Return the form filled in from a stay; the lead guest is the first adult."""
        others = [m for m in stay.members if m is not (stay.adults or [None])[0]]
        rows = [{"first_name": m.first_name, "last_name": m.last_name,
                 "kind": "child" if m.is_child else "adult",
                 "age": m.age if m.is_child and m.birth_date is None else None,
                 "birth_date": m.birth_date} for m in others]
        rows += [{}] * max(PARTY_ROWS - len(rows), 1)
        return cls(formdata=None, data={"reference": stay.reference, "room": stay.room,
                         "first_name": stay.first_name, "last_name": stay.last_name,
                         "arrival_date": stay.arrival_on, "departure_date": stay.departure_on,
                         "language": stay.language, "email": stay.email, "party": rows,
                         "phone": stay.phone,
                         "marketing_consent": bool(stay.marketing_consent),
                         "birth_date": stay.adults[0].birth_date if stay.adults else None,
                         "version": stay.version})

    def stay_data(self) -> dict:
        """Return the form's values as ``save_stay`` takes them."""
        lead = {"first_name": self.first_name.data, "last_name": self.last_name.data}
        adults, children = [{**lead, "birth_date": self.birth_date.data}], []
        for row in self.party:
            if row.form.is_empty():
                continue
            person = {"first_name": row.first_name.data or "",
                      "last_name": row.last_name.data or ""}
            if row.kind.data == "child":
                children.append({**person, "age": row.age.data, "birth_date": row.birth_date.data})
            else:
                adults.append({**person, "birth_date": row.birth_date.data})
        return {"reference": self.reference.data, "room": self.room.data, **lead,
                "arrival_date": self.arrival_date.data,
                "departure_date": self.departure_date.data,
                "language": self.language.data, "email": self.email.data or "",
                "phone": self.phone.data or "",
                "marketing_consent": bool(self.marketing_consent.data),
                "adults": adults, "children": children, "version": self.version.data or None}

    def show_error(self, field_name: str | None, message: str) -> None:
        """Put a service's error next to the field it names (``adults[1].first_name``...)."""
        found = re.fullmatch(r"(adults|children)\[(\d+)\](?:\.(\w+))?", field_name or "")
        field = getattr(self, field_name or "", None) if not found else None
        if found:
            field = self._party_field(found[1], int(found[2]), found[3] or "first_name")
        if field is None or not hasattr(field, "errors"):
            self.form_errors.append(message)
            return
        field.errors = [*field.errors, message]

    def _party_field(self, group: str, index: int, name: str):
        if group == "adults" and index == 0:  # the lead guest
            return getattr(self, name, None)
        rows = [row for row in self.party if not row.form.is_empty()]
        adults = [row for row in rows if row.kind.data != "child"]
        children = [row for row in rows if row.kind.data == "child"]
        chosen = adults[index - 1:index] if group == "adults" else children[index:index + 1]
        return getattr(chosen[0].form, name, None) if chosen else None


class StayImportForm(PageForm):
    """The CSV export of the property-management system."""

    file = FileField(_l("CSV file"), validators=[
        FileRequired(message=_l("Please choose a file.")),
        FileAllowed(["csv", "txt"], message=_l("Please choose a .csv or .txt file."))])
