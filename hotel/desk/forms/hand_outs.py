"""Forms of handing out a rental unit, taking it back, and naming a unit."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DecimalField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from hotel.models import Condition
from hotel.models.units import MAX_LABEL
from hotel.services.hand_outs import LARGEST_DEPOSIT
from hotel.services.inventory import MAX_REASON
from hotel.web.forms import PageForm

CONDITION_LABELS = {Condition.FINE: _l("Fine"), Condition.DAMAGED: _l("Damaged")}


class HandOutForm(PageForm):
    """Which free unit goes to the booking, and the deposit taken for it."""

    unit = SelectField(_l("Unit"), coerce=int, validators=[
        InputRequired(message=_l("Please choose a unit."))])
    deposit = DecimalField(_l("Deposit (optional)"), places=2, validators=[
        Optional(), NumberRange(min=0, max=LARGEST_DEPOSIT, message=_l(
            "Please enter a deposit from 0 to %(max)s."))],
        render_kw={"inputmode": "decimal"})


class ReturnForm(PageForm):
    """How the unit came back, what is damaged, and whether the deposit went back."""

    condition = RadioField(_l("Condition"), default=Condition.FINE.value,
                           choices=[(c.value, label) for c, label in CONDITION_LABELS.items()],
                           validators=[InputRequired(message=_l(
                               "Please say how the unit came back."))])
    note = TextAreaField(_l("What is damaged"), validators=[Optional(),
                                                             Length(max=MAX_REASON)])
    deposit_returned = BooleanField(_l("Deposit given back"))


class UnitLabelForm(PageForm):
    """A unit's own name; empty for the rental's name and number."""

    label = StringField(_l("Name of the unit"), validators=[Optional(),
                                                            Length(max=MAX_LABEL)])
