"""Every form that changes something refuses a post without a valid CSRF token."""

import pytest
from werkzeug.routing import Rule

from tests.factories import make_stay
from tests.helpers import sign_in_as

# Posted to by mail programs with no form ("List-Unsubscribe-Post"): the signed link
# in the address is the proof, tested in tests/web/test_messages_pages.py.
SIGNED_LINK_ENDPOINTS = {"guest.unsubscribe"}


def form_posting_rules(app) -> list[Rule]:
    """Every POST route except the token-authenticated JSON API and signed links."""
    return [rule for rule in app.url_map.iter_rules()
            if "POST" in rule.methods and not rule.rule.startswith("/api/")
            and rule.endpoint not in SIGNED_LINK_ENDPOINTS]


def test_there_are_forms_to_check(app):
    assert len(form_posting_rules(app)) >= 6


def test_every_form_rejects_a_post_without_a_csrf_token(app, client, db):
    stay = make_stay()
    db.session.commit()
    sign_in_as(client, stay)
    for rule in form_posting_rules(app):
        # The token is checked before the view runs, so any argument value will do.
        path = rule.build(dict.fromkeys(rule.arguments, 1))[1]
        response = client.post(path, data={"anything": "x"})
        assert response.status_code == 400, path
        assert "The form had expired" in response.text, path


@pytest.mark.parametrize("token", ["", "forged-token", "a.b.c"])
def test_a_forged_token_is_refused(client, db, token):
    response = client.post("/sign-in", data={"csrf_token": token, "identifier": "x",
                                             "last_name": "y"})
    assert response.status_code == 400
