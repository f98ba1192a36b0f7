"""The migrations build the whole schema from empty, on SQLite and on PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from hotel import create_app
from hotel.extensions import db
from tests.conftest import POSTGRES_URL, make_config, postgres_reachable, private_postgres_database


def _schema_difference(app) -> list:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        return compare_metadata(context, db.metadata)


def _check_migrations_build_the_model(url: str) -> None:
    app = create_app(make_config(url))
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    assert _schema_difference(app) == []
    with app.app_context():
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_migrations_build_the_schema_on_sqlite(tmp_path):
    _check_migrations_build_the_model(f"sqlite:///{tmp_path / 'migrated.db'}")


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason="TEST_DATABASE_URL is not set")
def test_migrations_build_the_schema_on_postgresql():
    reason = postgres_reachable(POSTGRES_URL)
    if reason:
        pytest.fail(f"PostgreSQL not reachable: {reason}")
    with private_postgres_database(POSTGRES_URL) as url:
        _check_migrations_build_the_model(url)
