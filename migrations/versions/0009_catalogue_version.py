"""catalogue version, raised by every change of the catalogue

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'catalogue_version',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.CheckConstraint('id = 1', name=op.f('ck_catalogue_version_one_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_version')),
    )
    op.execute("INSERT INTO catalogue_version (id, version) VALUES (1, 0)")


def downgrade():
    op.drop_table('catalogue_version')
