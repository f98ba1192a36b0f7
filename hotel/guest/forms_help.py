"""Forms of the guests' help pages: asking the hotel, and saying how it was handled."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from hotel.models import TicketKind
from hotel.web.forms import PageForm

KIND_CHOICES = [
    (TicketKind.QUESTION.value, _l("A question")),
    (TicketKind.REQUEST.value, _l("A request")),
    (TicketKind.COMPLAINT.value, _l("A complaint")),
]


class AskForm(PageForm):
    """A question, request or complaint; categories and bookings are set by the route."""

    kind = RadioField(_l("What would you like to send?"), choices=KIND_CHOICES,
                      default=TicketKind.QUESTION.value,
                      validators=[InputRequired(message=_l("Please choose one."))])
    category = SelectField(_l("What is it about?"), coerce=int,
                           validators=[InputRequired(message=_l("Please choose one."))])
    booking_item = SelectField(_l("About one of your bookings (optional)"), coerce=int,
                               validators=[Optional()])
    text = TextAreaField(_l("Your message"), render_kw={"rows": 5},
                         validators=[DataRequired(message=_l("Please write a few words.")),
                                     Length(max=4000)])


class SatisfactionForm(PageForm):
    """How satisfied the guest is with how a closed ticket was handled."""

    score = RadioField(_l("How satisfied are you with how we handled it?"),
                       choices=[(str(n), str(n)) for n in range(1, 6)],
                       validators=[InputRequired(message=_l("Please choose from 1 to 5."))])
    comment = TextAreaField(_l("Anything you would like to add (optional)"),
                            render_kw={"rows": 3}, validators=[Optional(), Length(max=2000)])
