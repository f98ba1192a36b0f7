"""Schema objects that only one database has: PostgreSQL's trigram indexes for searching
names by any part, and the pg_trgm extension they need.

``create_all`` and the migrations make them on PostgreSQL only; ``include_in_comparison``
tells Alembic's comparison of models and database to leave them out elsewhere, so that
the models and the migrations still match on SQLite.
"""

from sqlalchemy import DDL, Index, event

from hotel.extensions import db

POSTGRESQL = "postgresql"

event.listen(db.metadata, "before_create",
             DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect=POSTGRESQL))


def trigram_index(name: str, column, function=None) -> Index:
    """Return a GIN trigram index on a text column, or on ``function(column)``, made on
    PostgreSQL only. It serves ``LIKE '%part%'`` on what it indexes.
    """
    expression = column if function is None else function(column).label(f"{column.key}_key")
    index = Index(name, expression, postgresql_using="gin",
                  postgresql_ops={expression.key: "gin_trgm_ops"}, info={"only_on": POSTGRESQL})
    return index.ddl_if(dialect=POSTGRESQL)


def include_in_comparison(dialect_name: str):
    """Return Alembic's ``include_object`` hook for a dialect: a model's index that is made
    on another database only is left out of the comparison."""

    def include(obj, name, type_, reflected, compare_to) -> bool:
        if type_ == "index" and not reflected:
            only_on = obj.info.get("only_on")
            return only_on is None or only_on == dialect_name
        return True

    return include
