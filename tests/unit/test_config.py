"""Configuration: choosing the class, database URLs, production safety."""

import pytest

import config
from hotel import create_app


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("postgresql://postgres@127.0.0.1:5432/test", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
        ("postgres://u:p@db/hotel", "postgresql+psycopg://u:p@db/hotel"),
        ("postgresql+psycopg://u@db/hotel", "postgresql+psycopg://u@db/hotel"),
        ("sqlite:////srv/hotel.db", "sqlite:////srv/hotel.db"),
    ],
)
def test_database_url_accepts_urls_as_users_paste_them(monkeypatch, pasted, expected):
    monkeypatch.setenv("DATABASE_URL", pasted)
    assert config.database_url("sqlite://") == expected


def test_database_url_falls_back_to_the_default(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert config.database_url("sqlite:///x.db") == "sqlite:///x.db"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("", config.DevelopmentConfig), ("development", config.DevelopmentConfig),
     ("testing", config.TestingConfig), ("Production", config.ProductionConfig)],
)
def test_hotel_config_chooses_the_class(monkeypatch, name, expected):
    monkeypatch.setenv("HOTEL_CONFIG", name)
    assert config.config_from_environment() is expected


def test_unknown_hotel_config_is_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv("HOTEL_CONFIG", "staging")
    with pytest.raises(RuntimeError, match="development, testing, production"):
        config.config_from_environment()


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app(config.ProductionConfig)


def test_production_sets_secure_cookies_and_headers(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "a-real-secret-for-this-test")
    production = type("P", (config.ProductionConfig,), {
        "SECRET_KEY": "a-real-secret-for-this-test",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
    })
    app = create_app(production)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["MAX_CONTENT_LENGTH"] > 0
    response = app.test_client().get("/static/css/app.css")
    headers = response.headers
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]
    assert headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize(("value", "expected"), [("", 0), ("0", 0), (" 2 ", 2)])
def test_trusted_proxies_is_a_count_read_from_the_environment(monkeypatch, value, expected):
    """An empty TRUSTED_PROXIES means none: X-Forwarded-For is then never believed."""
    monkeypatch.setenv("TRUSTED_PROXIES", value)
    assert config.count_from_environment("TRUSTED_PROXIES", 0) == expected


@pytest.mark.parametrize("value", ["-1", "one", "1.5"])
def test_a_trusted_proxies_value_that_is_no_count_is_refused(monkeypatch, value):
    """A typo must not silently trust, or ignore, the proxies."""
    monkeypatch.setenv("TRUSTED_PROXIES", value)
    with pytest.raises(RuntimeError, match="TRUSTED_PROXIES"):
        config.count_from_environment("TRUSTED_PROXIES", 0)
