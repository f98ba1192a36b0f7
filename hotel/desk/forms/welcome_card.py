"""The welcome card's choice of paper size."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import Optional

from hotel.web.forms import GetForm

SIZES = [("a6", "A6"), ("a4", "A4")]


class WelcomeCardForm(GetForm):
    """The paper the card is printed on (sent with GET, so without CSRF)."""

    size = SelectField(_l("Paper size"), choices=SIZES, default="a6", validators=[Optional()])
