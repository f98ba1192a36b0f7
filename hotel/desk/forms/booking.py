"""The form of the desk's "Book for a guest" page: finding the guest's stay."""

from flask_babel import lazy_gettext as _l
from wtforms import SearchField
from wtforms.validators import Length, Optional

from hotel.web.forms import GetForm


class BookingSearchForm(GetForm):
    """Room, booking reference or name of the guest to book for (sent with GET)."""

    q = SearchField(_l("Room, booking reference or name"),
                    validators=[Optional(), Length(max=80)], render_kw={"autofocus": True})
