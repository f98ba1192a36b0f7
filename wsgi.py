"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi ...``."""

import gc

from hotel import create_app

app = create_app()

# What exists now (modules, the app, its templates and mappers) lives as long as the
# process, so the garbage collector stops looking at it; and it runs its youngest
# generation after 20,000 new objects instead of 2,000, so that a desk page, which makes
# tens of thousands, is not interrupted by a dozen collections.
gc.collect()
gc.freeze()
gc.set_threshold(20_000, 20, 20)
