"""The staff sign-in form."""

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from hotel.web.forms import PageForm


class LoginForm(PageForm):
    """Staff sign-in."""

    username = StringField(_l("Username"), validators=[
        DataRequired(message=_l("Please enter your username.")), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(message=_l("Please enter your password.")), Length(max=200)])
