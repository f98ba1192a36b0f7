"""Forms of the inventory pages: stock, out of service, slots and recurring rules."""

import re
from datetime import time

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    IntegerField,
    SelectMultipleField,
    StringField,
    TimeField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from hotel.desk.forms.reasons import standard_reason_field
from hotel.services.inventory import MAX_MINUTES, MAX_REASON, MAX_UNITS, MIN_MINUTES
from hotel.web.forms import PageForm

MAX_TIMES = 24
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _number(label, least: int, most: int = MAX_UNITS):
    return IntegerField(label, validators=[
        InputRequired(message=_l("Please enter a whole number.")),
        NumberRange(min=least, max=most, message=_l(
            "Please enter a whole number from %(min)s to %(max)s."))],
        render_kw={"min": least, "max": most, "inputmode": "numeric"})


def _date(label, required: bool = True):
    validators = [DataRequired(message=_l("Please enter a date."))] if required else [Optional()]
    return DateField(label, validators=validators)


def _note(label):
    """A free note beside the standard reason: the service needs one of the two."""
    return StringField(label, validators=[Optional(), Length(max=MAX_REASON)])


def parse_times(text: str) -> list[time]:
    """Read times of day written as "09:00, 14:30".

    :raises ValueError: a part is not a time.
    """
    times = []
    # Latin, Arabic and ideographic commas and semicolons all separate times.
    for part in re.split(r"[,;،؛、，]", text or ""):
        part = part.strip()
        if not part:
            continue
        found = TIME.match(part)
        if found is None:
            raise ValueError(part)
        times.append(time(int(found.group(1)), int(found.group(2))))
    return times


class StockForm(PageForm):
    """A rental's stock."""

    stock = _number(_l("Units in stock"), 0)


class OutOfServiceForm(PageForm):
    """Units of a rental out of service for a period."""

    units = _number(_l("Units"), 1)
    starts_on = _date(_l("From"))
    ends_on = _date(_l("To (inclusive)"))
    standard_reason = standard_reason_field(_l("Reason"))
    reason = _note(_l("Note, shown as written"))


class SlotForm(PageForm):
    """One slot of an activity."""

    day = _date(_l("Date"))
    start_time = TimeField(_l("Time"), validators=[
        InputRequired(message=_l("Please enter a time as HH:MM."))])
    duration_minutes = _number(_l("Duration (minutes)"), MIN_MINUTES, MAX_MINUTES)
    capacity = _number(_l("Capacity"), 1)


class MultiCheckboxField(SelectMultipleField):
    """Several choices shown as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class RuleForm(PageForm):
    """A recurring rule: on these weekdays, at these times, with this capacity."""

    weekdays = MultiCheckboxField(_l("Weekdays"), coerce=int, validators=[
        DataRequired(message=_l("Please choose at least one weekday."))])
    times = StringField(_l("Times (HH:MM, separated by commas)"), validators=[
        DataRequired(message=_l("Please give at least one time.")), Length(max=200)],
        render_kw={"placeholder": "09:00, 11:00"})
    duration_minutes = _number(_l("Duration (minutes)"), MIN_MINUTES, MAX_MINUTES)
    capacity = _number(_l("Capacity"), 1)
    valid_from = _date(_l("From"))
    valid_until = _date(_l("To (inclusive, empty for no end)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = get_locale().days["format"]["wide"]
        self.weekdays.choices = [(day, names[day]) for day in range(7)]
        self.parsed_times: list[time] = []

    def validate_times(self, field):
        try:
            self.parsed_times = parse_times(field.data)
        except ValueError as error:
            raise ValidationError(_l("“%(part)s” is not a time; please write times as HH:MM.",
                                     part=str(error))) from None
        if not self.parsed_times:
            raise ValidationError(_l("Please give at least one time."))
        if len(self.parsed_times) > MAX_TIMES:
            raise ValidationError(_l("Please give at most %(num)d times.", num=MAX_TIMES))


class SlotCapacityForm(PageForm):
    """A slot's new capacity."""

    capacity = _number(_l("Capacity"), 0)


class CloseSlotForm(PageForm):
    """Closing a slot, with the reason the guests will read: a standard one, or a note."""

    standard_reason = standard_reason_field(_l("Reason for the guests"))
    reason = _note(_l("Note for the guests, shown as written"))


class ConfirmForm(PageForm):
    """A button that only needs the CSRF token: reopen a slot, end a period."""
