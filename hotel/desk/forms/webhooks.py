"""Forms of the webhook log: its filters, sending a delivery again, and the PMS address."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import Length, Optional

from hotel.labels import DELIVERY_STATE_LABELS
from hotel.services.webhooks import EVENT_NAMES
from hotel.web.forms import GetForm, PageForm


class DeliveryFilterForm(GetForm):
    """Filters of the webhook log (sent with GET, so without CSRF)."""

    state = SelectField(_l("State"), validators=[Optional()])
    event = SelectField(_l("Webhook event"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.state.choices = [("", _l("Any state"))] + [
            (state.value, label) for state, label in DELIVERY_STATE_LABELS.items()]
        self.event.choices = [("", _l("Any event"))] + [(name, name) for name in EVENT_NAMES]


class SendAgainForm(PageForm):
    """The button that sends a delivery again; ``back`` is the log as it was."""

    back = HiddenField()


class PmsAddressForm(PageForm):
    """Where the PMS takes webhooks, and the secret they are signed with."""

    url = StringField(_l("Address of the PMS (URL)"), validators=[Optional(), Length(max=500)],
                      render_kw={"dir": "ltr", "inputmode": "url", "autocomplete": "off"})
    secret = PasswordField(_l("Secret for the signature"),
                           description=_l("Leave empty to keep the secret set before."),
                           validators=[Optional(), Length(min=16, max=200)],
                           render_kw={"dir": "ltr", "autocomplete": "new-password"})
