"""The migrations build the whole schema from empty, on SQLite and on PostgreSQL."""

import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from hotel import create_app
from hotel.extensions import db
from hotel.models.dialects import include_in_comparison
from tests.conftest import POSTGRES_URL, make_config, postgres_reachable, private_postgres_database

INDEX_NAMES = {  # (table, index) of every index the database has
    "sqlite": "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    "postgresql": "SELECT tablename, indexname FROM pg_indexes "
                  "WHERE schemaname = current_schema()",
}


def _schema_difference(app) -> list:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": False,
            "include_object": include_in_comparison(connection.dialect.name)})
        with warnings.catch_warnings():
            # SQLite's indexes on expressions cannot be reflected, so they are not compared
            # here; _index_names checks that they exist.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
            warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified")
            return compare_metadata(context, db.metadata)


def _index_names(app) -> tuple[set[str], set[str]]:
    """Return the names of the indexes the models declare for this database, and of those
    the database has (besides the ones of primary keys and unique constraints)."""
    with app.app_context(), db.engine.connect() as connection:
        dialect = connection.dialect.name
        found = {name for table, name in connection.execute(text(INDEX_NAMES[dialect]))
                 if table in db.metadata.tables}
    declared = {index.name for table in db.metadata.tables.values() for index in table.indexes
                if index.info.get("only_on", dialect) == dialect}
    constraints = {constraint.name for table in db.metadata.tables.values()
                   for constraint in table.constraints}
    return declared, found - constraints


def _check_migrations_build_the_model(url: str) -> None:
    app = create_app(make_config(url))
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    assert _schema_difference(app) == []
    declared, found = _index_names(app)
    assert declared == found
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
