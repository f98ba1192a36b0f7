"""The audit log's filters."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional

from hotel.web.forms import GetForm


class AuditFilterForm(GetForm):
    """Filters of the audit log (sent with GET, so without CSRF)."""

    action = SelectField(_l("Action"), validators=[Optional()])
    object_type = SelectField(_l("Object type"), validators=[Optional()])
    who = SelectField(_l("Who"), validators=[Optional()])
    first_day = DateField(_l("From"), validators=[Optional()])
    last_day = DateField(_l("Until"), validators=[Optional()])
    object_id = StringField(_l("Object id"), validators=[Optional(), Length(max=40)])
