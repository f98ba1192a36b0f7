"""WTForms' own messages are in the reader's language, from catalogues read once."""

from werkzeug.datastructures import MultiDict
from wtforms import IntegerField, SelectField

from hotel.web.forms import PageForm, _wtforms_translations


class _Form(PageForm):
    class Meta:
        csrf = False

    colour = SelectField(choices=[("red", "Red"), ("blue", "Blue")])
    count = IntegerField()


def _errors(app, lang: str) -> dict:
    with app.test_request_context(f"/?lang={lang}"):
        form = _Form(MultiDict({"colour": "green", "count": "many"}))
        assert not form.validate()
        return form.errors


def test_wtforms_messages_follow_the_reader_language_request_by_request(app):
    _wtforms_translations.cache_clear()
    assert _errors(app, "ko") == {"colour": ["올바르지 않은 선택값입니다."],
                                  "count": ["올바르지 않은 정수 값입니다."]}
    assert _errors(app, "en") == {"colour": ["Not a valid choice."],
                                  "count": ["Not a valid integer value."]}
    assert _errors(app, "ko")["colour"] == ["올바르지 않은 선택값입니다."]
    # Each language's catalogue was read once, however many forms were made in it.
    assert _wtforms_translations.cache_info().misses == 2
