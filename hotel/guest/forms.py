"""Forms of the guests' side. They check fields only; the booking rules are the services'."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from hotel.web.forms import PageForm


class SignInForm(PageForm):
    """Booking reference or room number, and the lead guest's last name."""

    identifier = StringField(_l("Booking reference or room number"),
                             validators=[DataRequired(message=_l("Please enter your booking "
                                                                 "reference or room number.")),
                                         Length(max=32)])
    last_name = StringField(_l("Last name"),
                            validators=[DataRequired(message=_l("Please enter your last name.")),
                                        Length(max=80)])


class ActionForm(PageForm):
    """A form with no fields: a button that posts with a CSRF token."""


class CheckoutForm(PageForm):
    """Books the basket; the key makes a second submit find the first booking."""

    # As long as its column: a longer, forged key is refused like any bad form.
    submission_key = HiddenField(validators=[Length(max=64)])


class VoucherForm(PageForm):
    """A voucher code the guest enters in the basket."""

    code = StringField(_l("Voucher code"),
                       validators=[DataRequired(message=_l("Please enter the voucher code.")),
                                   Length(max=32)])
