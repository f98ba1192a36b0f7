"""Configuration classes; HOTEL_CONFIG in the environment chooses one."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

LANGUAGES = {
    "en": "English",
    "ko": "한국어",
    "ja": "日本語",
    "zh": "简体中文",
    "vi": "Tiếng Việt",
    "ru": "Русский",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
}


def database_url(default: str) -> str:
    """Return DATABASE_URL from the environment, made usable by SQLAlchemy, or the default.

    A plain ``postgresql://`` or ``postgres://`` URL, as users paste it, is given the
    psycopg 3 driver that we install.
    """
    url = os.environ.get("DATABASE_URL", "").strip() or default
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def count_from_environment(name: str, default: int) -> int:
    """Return a whole number of zero or more from the environment, or the default.

    :raises RuntimeError: the value is not such a number.
    """
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise RuntimeError(f"{name}={value!r} is not a whole number of zero or more.")
    return int(value)


class Config:
    """Settings shared by every environment."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")  # noqa: S105
    SQLALCHEMY_DATABASE_URI = database_url(f"sqlite:///{BASE_DIR / 'instance' / 'hotel.db'}")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SQLITE_BUSY_TIMEOUT_MS = 30_000

    HOTEL_NAME = os.environ.get("HOTEL_NAME", "Lakeside Pines Resort")
    HOTEL_TIMEZONE = os.environ.get("HOTEL_TIMEZONE", "Europe/Vienna")
    HOTEL_CURRENCY = os.environ.get("HOTEL_CURRENCY", "EUR")
    DEFAULT_LANGUAGE = os.environ.get("DEFAULT_LANGUAGE", "en")
    LANGUAGES = LANGUAGES
    # Families with at least this many children get this discount on every booking.
    LARGE_FAMILY_MIN_CHILDREN = int(os.environ.get("LARGE_FAMILY_MIN_CHILDREN", "3"))
    LARGE_FAMILY_DISCOUNT_PERCENT = os.environ.get("LARGE_FAMILY_DISCOUNT_PERCENT", "10")

    BABEL_DEFAULT_LOCALE = DEFAULT_LANGUAGE
    BABEL_DEFAULT_TIMEZONE = HOTEL_TIMEZONE
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")

    # How many reverse proxies in front of the app add to X-Forwarded-For. With 0 the
    # header is ignored, since anyone can send it; set it to the real number, or sign-in
    # limits would count every guest behind the proxy as one client.
    TRUSTED_PROXIES = count_from_environment("TRUSTED_PROXIES", 0)

    # Rendered parts of the catalogue kept per process (hotel/web/catalogue_cache.py): a
    # home page and a page per service and package, in each language, is about 400.
    CATALOGUE_CACHE_SIZE = count_from_environment("CATALOGUE_CACHE_SIZE", 512)

    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SECURITY_HEADERS = True
    HSTS = False
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 - werkzeug's default method, not a password


class DevelopmentConfig(Config):
    """Local development on an SQLite file under instance/."""

    DEBUG = False


class TestingConfig(Config):
    """The test suite: an in-memory or per-test database, CSRF on as in production."""

    TESTING = True
    SECRET_KEY = "testing-only"  # noqa: S105 - the test suite's own key
    SQLALCHEMY_DATABASE_URI = database_url("sqlite://")
    # Hashing with scrypt takes a tenth of a second, for every staff user a test makes.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # noqa: S105 - a method, not a password


class ProductionConfig(Config):
    """Production: secrets from the environment, secure cookies, HSTS."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    HSTS = True

    @classmethod
    def check(cls) -> None:
        """Refuse to start without a real SECRET_KEY."""
        if not os.environ.get("SECRET_KEY"):
            raise RuntimeError(
                "SECRET_KEY is not set. Production refuses to start without it: "
                "set SECRET_KEY in the environment to a long random string, e.g. "
                "python -c 'import secrets; print(secrets.token_hex(32))'."
            )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment() -> type[Config]:
    """Return the config class named by HOTEL_CONFIG (development by default)."""
    name = os.environ.get("HOTEL_CONFIG", "development").strip().lower() or "development"
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(
            f"HOTEL_CONFIG={name!r} is not known; use one of: {', '.join(CONFIGS)}."
        ) from None
