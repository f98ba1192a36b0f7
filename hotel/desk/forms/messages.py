"""Forms of the message log: its filters, and sending a failed message again."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField
from wtforms.validators import Optional

from hotel.labels import MESSAGE_KIND_LABELS, MESSAGE_STATE_LABELS
from hotel.web.forms import GetForm, PageForm


class MessageFilterForm(GetForm):
    """Filters of the message log (sent with GET, so without CSRF)."""

    state = SelectField(_l("State"), validators=[Optional()])
    kind = SelectField(_l("Kind"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.state.choices = [("", _l("Any state"))] + [
            (state.value, label) for state, label in MESSAGE_STATE_LABELS.items()]
        self.kind.choices = [("", _l("Any kind"))] + [
            (kind.value, label) for kind, label in MESSAGE_KIND_LABELS.items()]


class SendAgainForm(PageForm):
    """The button that sends a failed message again; ``back`` is the log as it was."""

    back = HiddenField()
