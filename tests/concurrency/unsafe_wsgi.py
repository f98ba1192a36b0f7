"""WSGI entry for the negative control only: the app with its unlocked capacity path on."""

from config import TestingConfig
from hotel import create_app


class UnsafeCapacityConfig(TestingConfig):
    """The testing config with the deliberately unlocked read-check-write switched on."""

    UNSAFE_CAPACITY = True


app = create_app(UnsafeCapacityConfig)
