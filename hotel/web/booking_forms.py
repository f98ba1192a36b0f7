"""Forms for booking one service, shared by the guest pages and the desk.

They check fields only; the booking rules are the services'.
"""

from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_babel.speaklater import LazyString
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from hotel.clock import hotel_today, hotel_zone
from hotel.i18n import day_label, time_label
from hotel.labels import REQUEST_FIELD_LABELS
from hotel.models import REQUEST_FIELDS, CapacityUnit, Kind, PricingUnit, Service, Stay
from hotel.services.rules import ItemRequest, member_fits
from hotel.web.forms import PageForm


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class LineForm(PageForm):
    """The fields for one service; the subclass made for the service adds the rest."""

    note = TextAreaField(_l("Note for the team (optional)"),
                         validators=[Optional(), Length(max=500)],
                         render_kw={"rows": 2, "maxlength": 500})


def takes_participants(service: Service) -> bool:
    """Tell whether the guest chooses who in the party takes part."""
    if service.kind == Kind.RENTAL:
        return False
    if service.kind == Kind.ACTIVITY:
        return service.capacity_unit == CapacityUnit.PERSONS
    return service.pricing_unit in (PricingUnit.PER_PERSON, PricingUnit.PER_PERSON_DAY) or (
        service.max_age is not None
    )


def _detail_field(key: str):
    label = REQUEST_FIELD_LABELS.get(key, key)
    if REQUEST_FIELDS[key] == "integer":
        return IntegerField(label, validators=[Optional(), NumberRange(min=0, max=999)],
                            render_kw={"inputmode": "numeric", "min": 1})
    return StringField(label, validators=[Optional(), Length(max=200)])


def line_form_class(service: Service) -> type[LineForm]:
    """Return a form class with the fields booking this service needs."""
    required = _l("Please fill in this field.")
    fields: dict = {}
    if service.kind == Kind.ACTIVITY:
        fields["slot_id"] = RadioField(_l("Time"), coerce=int, validate_choice=False,
                                       validators=[InputRequired(_l("Please choose a time."))])
    elif service.kind == Kind.RENTAL:
        fields["start_date"] = DateField(_l("First day"), validators=[InputRequired(required)])
        fields["end_date"] = DateField(_l("Last day"), validators=[InputRequired(required)])
    else:
        fields["date"] = DateField(_l("Date"), validators=[InputRequired(required)])
        fields["time"] = TimeField(_l("Time"), validators=[InputRequired(required)])
        if service.pricing_unit == PricingUnit.PER_PERSON_DAY:
            fields["end_date"] = DateField(_l("Last day"), validators=[Optional()])
        for key in service.request_fields:
            fields[f"detail_{key}"] = _detail_field(key)
    if takes_participants(service):
        fields["participants"] = MultiCheckboxField(
            _l("Who takes part?"), coerce=int, validate_choice=False,
            validators=[InputRequired(_l("Please choose who takes part."))])
    elif service.kind != Kind.ON_REQUEST or service.max_quantity > 1:
        fields["quantity"] = IntegerField(
            _l("How many?"), default=1,
            validators=[InputRequired(required), NumberRange(min=1, max=service.max_quantity)],
            render_kw={"inputmode": "numeric", "min": 1, "max": service.max_quantity})
    return type(f"LineForm_{service.slug}", (LineForm,), fields)


def member_label(member, on: date) -> str:
    """Return a party member's name with the age of a child."""
    age = member.age_on(on)
    if member.is_child and age is not None:
        return _l("%(name)s (%(age)d)", name=member.first_name, age=age)
    return member.first_name


def make_line_form(service: Service, stay: Stay, slots=(), **kwargs) -> LineForm:
    """Build the form for a service, with the slots and party members to choose from."""
    form = line_form_class(service)(**kwargs)
    _fill_choices(form, service, stay, slots)
    return form


def _fill_choices(form: LineForm, service: Service, stay: Stay, slots) -> None:
    if "slot_id" in form:
        # The labels are written only where the choices are (the day strip writes its own).
        form.slot_id.choices = [
            (entry.slot.id, LazyString(slot_label, entry),
             {"disabled": True} if not entry.remaining else {})
            for entry in slots
        ]
    if "participants" in form:
        day = max(stay.arrival_on, hotel_today())
        form.participants.choices = [
            (m.id, member_label(m, day)) for m in stay.members if member_fits(service, m, day)
        ]
    for name in ("start_date", "end_date", "date"):
        if name in form:
            form[name].render_kw = {"min": stay.arrival_on.isoformat(),
                                    "max": stay.departure_on.isoformat()}
    if "start_date" in form and not form.is_submitted():
        first_day = max(stay.arrival_on, hotel_today())
        form.start_date.data = form.start_date.data or first_day
        form.end_date.data = form.end_date.data or first_day


def slot_label(entry) -> str:
    """Return how a slot is shown in a choice: day, time at the hotel, places left."""
    slot = entry.slot
    when = f"{day_label(slot.starts_at)} · {time_label(slot.starts_at)}"
    if slot.closed:
        return _("%(when)s · closed", when=when)
    if not entry.remaining:
        return _("%(when)s · full", when=when)
    return ngettext("%(when)s · %(num)d place left", "%(when)s · %(num)d places left",
                    entry.remaining, when=when)


def form_to_request(form: LineForm, service: Service) -> ItemRequest:
    """Turn a valid form into the plain request the booking service takes."""
    request = ItemRequest(service=service, note=form.note.data or "")
    if "quantity" in form:
        request.quantity = form.quantity.data
    if "participants" in form:
        request.participant_ids = list(form.participants.data or [])
        # Places in persons are one per person; a babysitter for two children is one.
        persons = service.kind == Kind.ACTIVITY or service.capacity_unit == CapacityUnit.PERSONS
        request.quantity = max(len(request.participant_ids), 1) if persons else 1
    if service.kind == Kind.ACTIVITY:
        request.slot_id = form.slot_id.data
    elif service.kind == Kind.RENTAL:
        request.start_on, request.end_on = form.start_date.data, form.end_date.data
    else:
        request.starts_at = datetime.combine(form.date.data, form.time.data, tzinfo=hotel_zone())
        if "end_date" in form:
            request.end_on = form.end_date.data
        request.details = {key: form[f"detail_{key}"].data for key in service.request_fields}
    return request



class PackageLineForm(PageForm):
    """Marks whether an included service is part of this package booking."""

    include = BooleanField(_l("Book this"))


def make_package_forms(package, stay, availability_for) -> list[tuple]:
    """Build one prefixed sub-form per included service; the page's own form has the CSRF.

    :returns: (service, form, availability) for each service of the package.
    """
    forms = []
    for service in package.services:
        availability = availability_for(service)
        slots = availability if service.kind == Kind.ACTIVITY else ()
        form_class = type(f"Package{service.slug}", (line_form_class(service),
                                                     PackageLineForm), {})
        form = form_class(prefix=service.slug, meta={"csrf": False})
        _fill_choices(form, service, stay, slots)
        forms.append((service, form, availability))
    return forms
