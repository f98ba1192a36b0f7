"""Form bases the guest pages and the desk share, and how a broken rule reaches its field.

Every form of the app derives from ``PageForm`` (rows inside a form from ``RowForm``), whose
options give every field the plain-text check first, before its own validators: so no
field of any form lets a NUL byte, another control character or an invisible-only name
through to a service or the database, and a new form cannot forget it.
"""

from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.support import Translations
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    TextAreaField,
)
from wtforms.fields.choices import SelectFieldBase
from wtforms.i18n import messages_path
from wtforms.validators import StopValidation

from hotel.models.types import LARGEST_INTEGER
from hotel.services.errors import DomainError
from hotel.services.plain_text import text_problem


class PlainText:
    """Refuses what was sent for a field if it has control characters or nothing visible."""

    def __init__(self, multiline: bool = False):
        """Check one line, or lines (a text area) which may hold tabs and line breaks."""
        self.multiline = multiline

    def __call__(self, form, field) -> None:
        """Stop the field's validation with the reason, if what was sent is refused."""
        for value in getattr(field, "raw_data", None) or ():
            problem = text_problem(value, self.multiline) if isinstance(value, str) else None
            if problem is not None:
                # This is the one message to show: "not a valid date" and the like, said
                # of the same value, would only confuse.
                field.errors.clear()
                raise StopValidation(problem)


# The largest whole number an integer column holds, and the largest amount of a money
# column (twelve digits, two of them after the point): beyond, the database refuses.
LARGEST_WHOLE = LARGEST_INTEGER
LARGEST_AMOUNT = Decimal("9999999999.99")
# The days a date field takes: birth dates from 1900, and no later than the API takes. A
# day or a week after the last (or before the first) must still be a date.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


class StoredNumber:
    """Refuses a number no column of the database can hold, and "NaN" or "Infinity"."""

    message = _l("Please enter a number.")

    def __call__(self, form, field) -> None:
        """Stop the field's validation if its number cannot be stored."""
        value = field.data
        if isinstance(value, Decimal):
            fits = value.is_finite() and abs(value) <= LARGEST_AMOUNT
        elif isinstance(value, int):
            fits = abs(value) <= LARGEST_WHOLE
        else:
            return
        if not fits:
            field.errors.clear()
            raise StopValidation(self.message)


class StoredChoice:
    """Refuses a choice of an id (a choice field that coerces to int) that no row can have,
    as no integer column holds it: looking it up would make the database fail."""

    message = _l("Please choose one of the listed values.")

    def __call__(self, form, field) -> None:
        """Stop the field's validation if a chosen id cannot be stored."""
        chosen = field.data if isinstance(field.data, list) else [field.data]
        if any(isinstance(value, int) and abs(value) > LARGEST_WHOLE for value in chosen):
            field.errors.clear()
            raise StopValidation(self.message)


class DayInRange:
    """Refuses a date outside the years the hotel's calendar works with (FIRST_DAY to
    LAST_DAY): the day before 0001-01-01, or a week after 9999-12-31, is no date at all."""

    message = _l("Please enter a date in the years %(first)d to %(last)d.",
                 first=FIRST_DAY.year, last=LAST_DAY.year)

    def __call__(self, form, field) -> None:
        """Stop the field's validation if its date is out of range."""
        if isinstance(field.data, date) and not FIRST_DAY <= field.data <= LAST_DAY:
            field.errors.clear()
            raise StopValidation(self.message)


def no_blank_choice(value):
    """Return an empty choice for one of only spaces, which ``Optional`` lets through."""
    return "" if isinstance(value, str) and not value.strip() else value


@lru_cache(maxsize=32)
def _wtforms_translations(locale: str) -> Translations:
    return Translations.load(messages_path(), [locale], domain="wtforms")


class PlainTextMeta:
    """Form options that put the plain-text check, and for numbers, chosen ids and dates the
    check that the database and the calendar can hold them, in front of every field's
    validators; that make a choice of only spaces an empty one; and that read WTForms' own
    messages in the reader's language from a catalogue loaded once per process (Flask-WTF
    reads the file again on every request)."""

    def get_translations(self, form):
        """Return WTForms' messages in the reader's language."""
        return _wtforms_translations(str(get_locale()))

    def bind_field(self, form, unbound_field, options):
        """Bind a field of the form, with the plain-text check first."""
        field = super().bind_field(form, unbound_field, options)
        if not isinstance(field, FormField | FieldList):  # their rows check their own fields
            checks = [PlainText(isinstance(field, TextAreaField))]
            if isinstance(field, IntegerField | DecimalField):
                checks.append(StoredNumber())
            elif isinstance(field, DateField):
                checks.append(DayInRange())
            elif isinstance(field, SelectFieldBase) and getattr(field, "coerce", None) is int:
                checks.append(StoredChoice())
            if isinstance(field, SelectField):
                # Optional() takes spaces for nothing and clears "Not a valid choice", so a
                # view would get "   " as if it were a choice.
                field.filters = (*field.filters, no_blank_choice)
            field.validators = [*checks, *field.validators]
        return field


class PageForm(FlaskForm):
    """The base of every form of the guest pages and the desk."""

    Meta = PlainTextMeta


class RowForm(Form):
    """The base of a row inside a page's form (a FormField): no CSRF token of its own."""

    Meta = PlainTextMeta


class GetForm(PageForm):
    """A form sent with GET (filters, a day, a period): it changes nothing, so no CSRF."""

    class Meta:
        csrf = False


def first_error(form: Form) -> str | None:
    """Return the first message of a form of plain fields that did not validate."""
    for field in form:
        if field.errors and not isinstance(field.errors, dict):
            return str(field.errors[0])
    return str(form.form_errors[0]) if form.form_errors else None


def show_error(form: FlaskForm, error: DomainError, field_name: str | None = None,
               quiet: bool = False) -> None:
    """Show a service's error next to the field it names (or ``field_name``).

    An error without a field of the form goes above the form, unless ``quiet`` says the
    page shows it elsewhere. A group of rows (a FieldList) shows it above its rows.
    """
    name = field_name if field_name is not None else (error.field or "")
    field = form._fields.get(name)
    if field is None or isinstance(field, FieldList):
        form.group_errors = {**getattr(form, "group_errors", {}), name: error.message}
        if field is None and not quiet:
            form.form_errors.append(error.message)
        return
    field.errors = [*field.errors, error.message]
