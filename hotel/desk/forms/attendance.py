"""Forms of the attendance page: check a participant in or out, finish a booking."""

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from hotel.services.care_notes import COLLECTED_BY_MAX
from hotel.web.forms import PageForm

CHOOSE_AGAIN = _l("Please choose the person on the list again.")


class CheckInForm(PageForm):
    """One participant of one booking item, checked in."""

    item_id = IntegerField(widget=HiddenInput(), validators=[InputRequired(CHOOSE_AGAIN)])
    member_id = IntegerField(widget=HiddenInput(), validators=[InputRequired(CHOOSE_AGAIN)])


class CheckOutForm(CheckInForm):
    """One participant checked out, and for a child who collected them."""

    collected_by = StringField(_l("Collected by"),
                               validators=[Optional(), Length(max=COLLECTED_BY_MAX)])


class FinishForm(PageForm):
    """A booking item marked completed or no-show from the attendance."""

    item_id = IntegerField(widget=HiddenInput(), validators=[InputRequired(CHOOSE_AGAIN)])
    outcome = SelectField(choices=[("completed", _l("Mark completed")),
                                   ("no_show", _l("Mark no-show"))],
                          validators=[InputRequired(_l("Please choose one of the listed "
                                                       "values."))])
