"""pictures of services and packages; last names folded with their transliterations

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 19:20:00.000000

"""
import re
import unicodedata
import warnings

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_SPELLED_OUT = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l",
                              "þ": "th", "ı": "i"})


def _fold_then(name):
    """The folding of hotel.models.fold_name as this revision knows it."""
    folded = name.strip().casefold().translate(_SPELLED_OUT)
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                    if not unicodedata.combining(ch))
    return re.sub(r"([aou])e", r"\1", plain)


def _fold_before(name):
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _refold(fold):
    stay = sa.table('stay', sa.column('id', sa.Integer), sa.column('last_name', sa.String),
                    sa.column('last_name_key', sa.String))
    connection = op.get_bind()
    for stay_id, last_name in connection.execute(sa.select(stay.c.id, stay.c.last_name)):
        connection.execute(stay.update().where(stay.c.id == stay_id)
                           .values(last_name_key=fold(last_name)))


def upgrade():
    op.create_table(
        'photo',
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('size', sa.String(length=16), nullable=False),
        sa.Column('content_type', sa.String(length=32), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key', 'size', name=op.f('pk_photo')),
    )
    # Added and dropped in place: a copy of the service table (SQLite's batch mode) would
    # turn 0014's column checks into table checks and delete the rows that depend on it.
    for table in ('service', 'package'):
        op.add_column(table, sa.Column('photo_key', sa.String(length=32), nullable=True))
    _refold(_fold_then)


def downgrade():
    _refold(_fold_before)
    for table in ('package', 'service'):
        op.drop_column(table, 'photo_key')
    op.drop_table('photo')
