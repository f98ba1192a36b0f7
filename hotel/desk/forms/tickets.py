"""Forms of the desk's ticket pages and of the managers' FAQ and category editor."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from hotel.desk.forms.catalogue import TextsMixin
from hotel.labels import FAQ_KIND_LABELS
from hotel.web.forms import GetForm, PageForm


class TicketFilterForm(GetForm):
    """Filters of the ticket list (sent with GET, so without CSRF)."""

    state = SelectField(_l("State"), validators=[Optional()])
    department = SelectField(_l("Department"), validators=[Optional()])
    category = SelectField(_l("Category"), validators=[Optional()])
    overdue = BooleanField(_l("Overdue only"))


class StateForm(PageForm):
    """Move a ticket to another state."""

    state = SelectField(_l("New state"), validators=[InputRequired()])


class AnswerForm(PageForm):
    """The answer to the guest, and the language it is written in."""

    answer = TextAreaField(_l("Answer to the guest"), render_kw={"rows": 5},
                           validators=[DataRequired(message=_l("Please write the answer.")),
                                       Length(max=4000)])
    language = SelectField(_l("Language of the answer"), validators=[InputRequired()])


class NoteForm(PageForm):
    """An internal note; guests never see it."""

    note = TextAreaField(_l("Internal note"), render_kw={"rows": 2},
                         validators=[DataRequired(message=_l("Please write the note.")),
                                     Length(max=4000)])


class ReassignForm(PageForm):
    """Another category and department for a ticket."""

    category = SelectField(_l("Category"), coerce=int, validators=[InputRequired()])
    department = SelectField(_l("Department"), coerce=int, validators=[Optional()])


class FaqEntryForm(TextsMixin, PageForm):
    """An FAQ entry or policy; question, answer and keywords are added per language."""

    kind = SelectField(_l("Kind"), choices=[(k.value, label) for k, label in
                                            FAQ_KIND_LABELS.items()])
    category = SelectField(_l("Category"), coerce=int, validators=[Optional()])
    position = IntegerField(_l("Order"), default=0, validators=[Optional(), NumberRange(
        min=0, max=9999, message=_l("Please enter a number from 0 to 9999."))])
    active = BooleanField(_l("Shown to guests"), default=True)

    TEXT_FIELDS = ("name", "description", "keywords")


def faq_entry_form_class() -> type:
    """Return the FAQ form class with question, answer and keyword fields per language."""
    fields = {}
    for code, language in current_app.config["LANGUAGES"].items():
        fields[f"name_{code}"] = StringField(
            _l("Question or title (%(language)s)", language=language),
            validators=[Optional(), Length(max=160)])
        fields[f"description_{code}"] = TextAreaField(
            _l("Answer (%(language)s)", language=language),
            validators=[Optional(), Length(max=4000)], render_kw={"rows": 3})
        fields[f"keywords_{code}"] = StringField(
            _l("Keywords, separated by commas (%(language)s)", language=language),
            validators=[Optional(), Length(max=500)])
    return type("FaqEntryForm", (FaqEntryForm,), fields)


class CategoryForm(PageForm):
    """A ticket category: department, response-time target; names are added per language."""

    slug = StringField(_l("Slug"), validators=[DataRequired(), Length(max=40)])
    department = SelectField(_l("Department"), coerce=int, validators=[InputRequired()])
    response_hours = IntegerField(_l("Answer within (hours)"), validators=[
        InputRequired(), NumberRange(min=1, max=720,
                                     message=_l("Please enter a number of hours from 1 to 720."))])

    def name_values(self) -> dict:
        """Return {language: name} from the name fields."""
        return {code: self[f"name_{code}"].data or ""
                for code in current_app.config["LANGUAGES"]}


def category_form_class() -> type:
    """Return the category form class with a name field per language."""
    fields = {f"name_{code}": StringField(_l("Name (%(language)s)", language=language),
                                          validators=[Optional(), Length(max=160)])
              for code, language in current_app.config["LANGUAGES"].items()}
    return type("CategoryForm", (CategoryForm,), fields)
