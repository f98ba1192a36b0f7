"""Forms of the staff accounts page."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from hotel.labels import ROLE_LABELS
from hotel.web.forms import PageForm


class StaffDetailsForm(PageForm):
    """What a manager may change about a staff account."""

    full_name = StringField(_l("Full name"), validators=[Optional(), Length(max=120)])
    role = SelectField(_l("Role"),
                       choices=[(role.value, label) for role, label in ROLE_LABELS.items()])
    department = SelectField(_l("Department (for department staff)"), validate_choice=False)
    language = SelectField(_l("Language"))

    def staff_values(self) -> dict:
        """Return the values for the staff service."""
        return {"full_name": self.full_name.data or "", "role": self.role.data,
                "department_id": self.department.data or None,
                "language": self.language.data}


class NewStaffForm(StaffDetailsForm):
    """A new staff account."""

    username = StringField(_l("Username"), validators=[
        DataRequired(message=_l("Please enter a username.")), Length(max=64)])
    password = PasswordField(_l("Initial password (at least 8 characters)"), validators=[
        DataRequired(message=_l("Please enter a password.")),
        Length(min=8, max=200, message=_l("The password must have at least 8 characters."))])

    def staff_values(self) -> dict:
        """Return the values for the staff service, with username and password."""
        return {**super().staff_values(), "username": self.username.data or "",
                "password": self.password.data or ""}


class PasswordResetForm(PageForm):
    """A new password for a staff account."""

    password = PasswordField(_l("New password (at least 8 characters)"), validators=[
        DataRequired(message=_l("Please enter a password.")),
        Length(min=8, max=200, message=_l("The password must have at least 8 characters."))])


class StaffActiveForm(PageForm):
    """Deactivate ("0") or reactivate ("1") a staff account."""

    active = HiddenField(validators=[AnyOf(["0", "1"])])
