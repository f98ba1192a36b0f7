"""The forms of the desk's "Book for a guest" pages: finding the guest's stay, finding a
service for it, and booking the stay's basket."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SearchField
from wtforms.validators import Length, Optional

from hotel.web.forms import GetForm, PageForm


class BookingSearchForm(GetForm):
    """Room, booking reference or name of the guest to book for (sent with GET)."""

    q = SearchField(_l("Room, booking reference or name"),
                    validators=[Optional(), Length(max=80)], render_kw={"autofocus": True})


class ServiceSearchForm(GetForm):
    """Part of a service's or package's name; and whether to list what fits no one."""

    q = SearchField(_l("Find a service"), validators=[Optional(), Length(max=80)])
    everything = BooleanField(_l("Also what fits no one in the party"))


class BasketForm(PageForm):
    """Books the stay's basket; the key makes a second submit find the first bookings."""

    submission_key = HiddenField(validators=[Length(max=60)])
    confirm_now = BooleanField(_l("Confirm requests at once"), default=True)
