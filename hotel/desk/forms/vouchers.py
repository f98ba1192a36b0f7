"""The manager's form for a new voucher code."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DecimalField, HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional

from hotel.desk.forms.catalogue import CheckboxesField
from hotel.labels import VOUCHER_KIND_LABELS
from hotel.web.forms import PageForm


class VoucherForm(PageForm):
    """A voucher code: what it takes off, when, how often, and for which services."""

    code = StringField(_l("Code"), validators=[
        DataRequired(message=_l("Please enter a code.")), Length(max=32)])
    kind = SelectField(_l("Kind"), choices=[(kind.value, label) for kind, label
                                            in VOUCHER_KIND_LABELS.items()])
    value = DecimalField(_l("Percent or amount"), places=2, validators=[
        InputRequired(message=_l("Please enter a number.")),
        NumberRange(min=0.01, max=999_999_999,
                    message=_l("Please enter a number greater than zero."))])
    valid_from = DateField(_l("Valid from"), validators=[Optional()])
    valid_until = DateField(_l("Valid until"), validators=[Optional()])
    max_uses = IntegerField(_l("Most uses (empty: no limit)"), validators=[
        Optional(), NumberRange(min=1, max=1_000_000)])
    services = CheckboxesField(_l("Services (none chosen: every service)"), coerce=int,
                               validate_choice=False)


class VoucherActiveForm(PageForm):
    """Withdraw ("0") a voucher code or offer it again ("1")."""

    active = HiddenField(validators=[AnyOf(["0", "1"])])
