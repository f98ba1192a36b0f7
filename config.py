"""Configuration classes; HOTEL_CONFIG in the environment chooses one."""

import os
from datetime import timedelta
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


def flag_from_environment(name: str) -> bool:
    """Return whether a yes/no setting is on ("1", "true", "yes", "on")."""
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


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

    # Where links in messages and on printed cards point: the address guests open.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000").strip().rstrip("/")

    # E-mail. Without MAIL_SERVER nothing is sent: messages are kept and shown to the
    # guest on their Messages page and to reception in the message log.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "").strip()
    MAIL_PORT = count_from_environment("MAIL_PORT", 25)
    MAIL_USE_TLS = flag_from_environment("MAIL_USE_TLS")
    MAIL_USE_SSL = flag_from_environment("MAIL_USE_SSL")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "guest-services@hotel.invalid")
    MAIL_TIMEOUT_SECONDS = 30
    # A message that cannot be sent is tried this many times, waiting MAIL_RETRY_SECONDS
    # after the first failure and twice as long after each next one (about 17 hours in
    # all with the defaults), then shown to reception as failed.
    MAIL_ATTEMPTS = count_from_environment("MAIL_ATTEMPTS", 12)
    MAIL_RETRY_SECONDS = count_from_environment("MAIL_RETRY_SECONDS", 30)

    # The task queue: Redis when REDIS_URL is set (several servers), else an SQLite file
    # beside the database (one server). QUEUE_URL names another one ("sqlite:///path",
    # "redis://...", or "memory://", which keeps it in the process, for tests).
    QUEUE_URL = (os.environ.get("QUEUE_URL", "").strip()
                 or os.environ.get("REDIS_URL", "").strip()
                 or f"sqlite:///{BASE_DIR / 'instance' / 'queue.db'}")
    # Hotels sharing one Redis give each its own name, so that they keep to their own tasks.
    QUEUE_NAME = os.environ.get("QUEUE_NAME", "").strip() or "hotel"
    WORKER_THREADS = count_from_environment("WORKER_THREADS", 2)
    # Timed messages, in the hotel's time: the reminder for tomorrow's bookings from this
    # hour on, and the pre-arrival offer this many days before arrival.
    REMINDER_HOUR = count_from_environment("REMINDER_HOUR", 18)
    PRE_ARRIVAL_DAYS = count_from_environment("PRE_ARRIVAL_DAYS", 3)
    # How long a place freed for the first guest on a waiting list is held for them.
    WAITLIST_HOLD_MINUTES = count_from_environment("WAITLIST_HOLD_MINUTES", 120)

    # Webhooks to the property-management system (PMS): every booking item event and
    # every charge for the room's folio, signed with the secret. Managers may set both at
    # the desk instead, which then wins. A failed try is repeated after
    # PMS_WEBHOOK_RETRY_SECONDS, then twice as long each time (at most an hour), until
    # PMS_WEBHOOK_RETRY_HOURS have passed.
    PMS_WEBHOOK_URL = os.environ.get("PMS_WEBHOOK_URL", "").strip()
    PMS_WEBHOOK_SECRET = os.environ.get("PMS_WEBHOOK_SECRET", "")
    PMS_WEBHOOK_RETRY_SECONDS = count_from_environment("PMS_WEBHOOK_RETRY_SECONDS", 30)
    PMS_WEBHOOK_RETRY_HOURS = count_from_environment("PMS_WEBHOOK_RETRY_HOURS", 24)
    PMS_WEBHOOK_TIMEOUT_SECONDS = 10

    # Rendered parts of the catalogue kept per process (hotel/web/catalogue_cache.py): a
    # home page and a page per service and package, in each language, is about 400; the
    # services and departments named for the desk and for "My bookings" add one per
    # language (and per department's sheet).
    CATALOGUE_CACHE_SIZE = count_from_environment("CATALOGUE_CACHE_SIZE", 512)

    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # A picture of a service or package as uploaded, before it is resized (a phone's photo).
    PHOTO_MAX_BYTES = count_from_environment("PHOTO_MAX_BYTES", 8 * 1024 * 1024)
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # A guest's session ends with the stay, which every request checks against the stay
    # as it is now (hotel/web/sessions.py), so the cookie is not signed and sent again on
    # every response; it lasts long enough for the longest stay.
    SESSION_REFRESH_EACH_REQUEST = False
    PERMANENT_SESSION_LIFETIME = timedelta(days=92)
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
    QUEUE_URL = "memory://"
    MAIL_SERVER = ""
    PMS_WEBHOOK_URL = ""
    PUBLIC_URL = "http://hotel.test"
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
