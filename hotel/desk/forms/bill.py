"""The language a stay's bill is shown, printed and exported in."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import Optional

from hotel.web.forms import GetForm

LANGUAGES = [("mine", _l("Mine")), ("guest", _l("The guest's"))]


class BillForm(GetForm):
    """Whose language the bill speaks (sent with GET, so without CSRF)."""

    language = SelectField(_l("Language of the bill"), choices=LANGUAGES, default="mine",
                           validators=[Optional()])
