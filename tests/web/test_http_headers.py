"""Headers every answer must carry: Allow on a 405, no-store for what is personal."""

import pytest


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("DELETE", "/sign-in", {"GET", "HEAD", "OPTIONS", "POST"}),
    ("POST", "/help", {"GET", "HEAD", "OPTIONS"}),
    ("PUT", "/desk/login", {"GET", "HEAD", "OPTIONS", "POST"}),
    ("GET", "/basket/checkout", {"OPTIONS", "POST"}),
    ("DELETE", "/api/v1/services", {"GET", "HEAD", "OPTIONS"}),
    ("GET", "/api/v1/stays", {"OPTIONS", "POST"}),
    ("POST", "/api/v1/stays/LP1", {"OPTIONS", "PUT"}),
])
def test_a_wrong_method_gets_405_with_the_methods_allowed(client, db, method, path, allowed):
    response = client.open(path, method=method)
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == allowed
    assert response.headers["Content-Type"].startswith(
        "application/json" if path.startswith("/api/") else "text/html")
    assert response.headers.get_all("Allow") == [response.headers["Allow"]]


def test_a_405_page_speaks_the_readers_language(client, db):
    response = client.post("/help?lang=fr")
    assert response.status_code == 405
    assert "Allow" in response.headers
    assert "Cette page ne peut pas être utilisée ainsi." in response.text
