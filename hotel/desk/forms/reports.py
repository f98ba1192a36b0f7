"""The form of the managers' reports: the period (sent with GET, so without CSRF)."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from wtforms import DateField
from wtforms.validators import Optional

from hotel.services.reports import Period, default_period
from hotel.web.forms import GetForm

MAX_DAYS = 731  # two years: enough to compare seasons, small enough for weekly charts


class ReportPeriodForm(GetForm):
    """From and to dates at the hotel, both included; empty means the last 30 days."""

    first_day = DateField(_l("From"), validators=[Optional()], name="from")
    last_day = DateField(_l("Until"), validators=[Optional()], name="to")

    def validate(self, extra_validators=None) -> bool:
        """Check the dates, and that the period runs forwards and is not too long."""
        if not super().validate(extra_validators):
            return False
        period = self.period()
        if period.last_day < period.first_day:
            self.last_day.errors.append(_l("The end date must not be before the start date."))
            return False
        if period.last_day - period.first_day > timedelta(days=MAX_DAYS - 1):
            self.last_day.errors.append(
                _l("Please choose a period of at most %(num)d days.", num=MAX_DAYS))
            return False
        return True

    def period(self) -> Period:
        """Return the chosen period, filling an empty date from the default one."""
        default = default_period()
        last = self.last_day.data or default.last_day
        first = self.first_day.data or last - (default.last_day - default.first_day)
        return Period(first, last)
