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


def _check_rentals_get_their_units(url: str) -> None:
    app = create_app(make_config(url))
    with app.app_context():
        upgrade(revision="0009")
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO department (id, slug) VALUES (1, 'house')"))
            for number, (kind, stock) in enumerate([("rental", 3), ("rental", 0),
                                                    ("activity", None)], start=1):
                connection.execute(text(
                    "INSERT INTO service (id, slug, category, kind, pricing_unit, price, "
                    "department_id, requires_approval, cutoff_hours, stock, "
                    "delivered_on_arrival, max_quantity, capacity_unit, request_fields, "
                    "active, position) VALUES (:id, :slug, 'family', :kind, 'per_unit_day', "
                    "5, 1, false, 24, :stock, false, 4, 'units', '[]', true, :id)"),
                    {"id": number, "slug": f"service-{number}", "kind": kind, "stock": stock})
        upgrade()
        with db.engine.connect() as connection:
            units = connection.execute(text(
                "SELECT service_id, number, label FROM rental_unit ORDER BY service_id, number"
            )).all()
        assert [tuple(unit) for unit in units] == [(1, 1, ""), (1, 2, ""), (1, 3, "")]
        downgrade(revision="0009")
        assert "rental_unit" not in inspect(db.engine).get_table_names()
        db.engine.dispose()


def test_existing_rentals_get_a_unit_per_unit_of_stock_on_sqlite(tmp_path):
    _check_rentals_get_their_units(f"sqlite:///{tmp_path / 'migrated.db'}")


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason="TEST_DATABASE_URL is not set")
def test_existing_rentals_get_a_unit_per_unit_of_stock_on_postgresql():
    with private_postgres_database(POSTGRES_URL) as url:
        _check_rentals_get_their_units(url)
