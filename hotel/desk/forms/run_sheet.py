"""Forms of the run sheet and the week plan (sent with GET, so without CSRF)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, SelectField
from wtforms.validators import Optional

from hotel.web.forms import GetForm


class DayField(DateField):
    """A date as YYYY-MM-DD, with our own translated message when it is not one."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_("Please give a date as YYYY-MM-DD, for example 2025-07-14.")
                             ) from None


class RunSheetForm(GetForm):
    """Which day and department the run sheet shows."""

    date = DayField(_l("Date"), validators=[Optional()])
    department = SelectField(_l("Department"), validators=[Optional()], validate_choice=False)
    include_cancelled = BooleanField(_l("Show cancelled and declined"),
                                     false_values=("false", "0", ""))


class WeekForm(GetForm):
    """Which week the plan shows."""

    start = DayField(_l("First day"), validators=[Optional()])
    department = SelectField(_l("Department"), validators=[Optional()], validate_choice=False)
