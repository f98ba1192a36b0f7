"""The catalogue's version: raised in the same transaction as every change of the catalogue,
and read once per request by the pages that cache what every guest sees alike.

The session raises it by itself, so that no write path can forget: ``before_flush`` when a
flush writes a service, its texts or age bands, a package, its texts or services, a
department or its texts, or a standard reason or its texts, and ``do_orm_execute`` for
INSERT, UPDATE and DELETE statements on those models. The raise is one upsert, at most
once per transaction. A reader therefore never sees a change without the new version: the
two are committed together.
"""

from itertools import chain

from sqlalchemy import event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import ORMExecuteState, Session

from hotel.extensions import db
from hotel.models import (
    AgeBand,
    CatalogueVersion,
    Department,
    DepartmentText,
    Package,
    PackageService,
    PackageText,
    Service,
    ServiceText,
    StandardReason,
    StandardReasonText,
)

# The standard reasons are offered on the desk's forms, cached as the catalogue is.
CATALOGUE_MODELS = (Service, ServiceText, AgeBand, Package, PackageText, PackageService,
                    Department, DepartmentText, StandardReason, StandardReasonText)
_RAISED_IN = "catalogue_version_raised_in"  # session.info: the transaction that raised it


_READ = select(CatalogueVersion.version).where(CatalogueVersion.id == 1)


# The version as a column of another statement, to read it with what a request reads first.
VERSION_NOW = _READ.scalar_subquery()


def current_version() -> int:
    """Return the catalogue's version as the database has it now (one small statement)."""
    return db.session.scalar(_READ) or 0


def _raise_statement(dialect: str):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = CatalogueVersion.__table__
    return insert(table).values(id=1, version=1).on_conflict_do_update(
        index_elements=[table.c.id], set_={"version": table.c.version + 1})


def raise_version(session: Session) -> None:
    """Raise the version inside the session's current transaction, once per transaction.

    On PostgreSQL the upsert locks the one row until the commit, so that two changes of
    the catalogue at once queue behind each other; they are rare.
    """
    transaction = session.get_nested_transaction() or session.get_transaction()
    if transaction is not None and session.info.get(_RAISED_IN) is transaction:
        return
    connection = session.connection()
    connection.execute(_raise_statement(connection.dialect.name))
    session.info[_RAISED_IN] = session.get_nested_transaction() or session.get_transaction()


def _changes_catalogue(session: Session) -> bool:
    if any(isinstance(obj, CATALOGUE_MODELS) for obj in chain(session.new, session.deleted)):
        return True
    return any(isinstance(obj, CATALOGUE_MODELS) and session.is_modified(obj)
               for obj in session.dirty)


@event.listens_for(db.session, "before_flush")
def _raise_on_flush(session: Session, flush_context, instances) -> None:
    """Raise the version in a flush that writes any part of the catalogue."""
    if _changes_catalogue(session):
        raise_version(session)


@event.listens_for(db.session, "do_orm_execute")
def _raise_on_statement(state: ORMExecuteState) -> None:
    """Raise the version before an INSERT, UPDATE or DELETE statement on the catalogue."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if any(issubclass(mapper.class_, CATALOGUE_MODELS) for mapper in state.all_mappers):
        raise_version(state.session)
