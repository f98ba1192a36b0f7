"""The service editor shows one language's texts at a time and marks the languages whose
texts are missing; a language with an error opens first."""

import re

from hotel.models import Role
from tests.helpers import post_form
from tests.web.test_desk_manager import desk, service_form  # noqa: F401 - the fixture

PATH = "/desk/catalogue/services/kids-club"


def _languages(page: str) -> dict[str, str]:
    """Return each language's <details> opening tag and summary, by language code."""
    found = re.findall(r'(<details class="language-texts"[^>]*>\s*<summary>.*?</summary>)',
                       page, re.S)
    return {re.search(r'<span class="lang-tag">(\w+)</span>', part).group(1): part
            for part in found}


def test_the_editor_opens_only_the_default_language_and_marks_the_missing(client, auth,
                                                                          desk):  # noqa: F811
    auth.staff_login(Role.MANAGER, username="boss")
    languages = _languages(client.get(PATH).text)
    assert len(languages) == 10
    assert [code for code, part in languages.items() if " open>" in part] == ["en"]
    assert all('name="language-texts"' in part for part in languages.values())
    for code, part in languages.items():
        assert ("missing" in part) == (code not in ("en", "de")), code


def test_a_language_with_an_error_opens_instead(client, auth, desk):  # noqa: F811
    auth.staff_login(Role.MANAGER, username="boss")
    data = service_form(desk, slug="kids-club", name_fr="x" * 500)
    response = post_form(client, PATH, data, token_from=PATH)
    assert response.status_code == 422
    languages = _languages(response.text)
    assert [code for code, part in languages.items() if " open>" in part] == ["fr"]
    assert "to correct" in languages["fr"]
