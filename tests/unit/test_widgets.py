"""Our select markup is WTForms' own markup, character for character."""

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form, SelectField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from hotel.web.widgets import render_input


class Choices(Form):
    plain = SelectField("Plain", choices=[("", "Any"), ("a", "Ä & <b>"), ("b", 'Say "b"')])
    required = SelectField("Required", choices=[("1", "One"), ("2", "Two")],
                           validators=[InputRequired()])
    numbers = SelectField("Numbers", coerce=int, choices=[(1, "One"), (2, None)])
    flags = SelectField("Flags", choices=[(True, "Yes"), (False, "No")])
    several = SelectMultipleField("Several", choices=[("x", "X"), ("y", "Y"), ("z", "Z")])
    grouped = SelectField("Grouped", choices=[SelectChoice("g", "G", optgroup="Group")])
    styled = SelectField("Styled", choices=[("s", "S")], render_kw={"data-x": "1"})
    option_styled = SelectField("Option styled", choices=[("o", "O", {"disabled": True})])


@pytest.mark.parametrize("data", [
    {}, {"plain": "a", "required": "2", "numbers": "2", "flags": "True",
         "several": ["x", "z"], "grouped": "g", "styled": "s"}])
@pytest.mark.parametrize("attributes", [
    {}, {"class": "field__input"},
    {"class": "field__input", "aria-invalid": "true", "aria-describedby": "x-errors"}])
def test_every_select_is_written_as_wtforms_writes_it(data, attributes):
    form = Choices(MultiDict(data))
    for field in form:
        assert str(render_input(field, **attributes)) == str(field(**attributes)), field.name


def test_the_values_and_labels_people_typed_are_escaped():
    form = Choices()
    markup = str(render_input(form.plain))
    assert "Ä &amp; &lt;b&gt;" in markup and "Say &#34;b&#34;" in markup and "<b>" not in markup
