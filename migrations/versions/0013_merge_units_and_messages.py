"""one line of migrations again: rental units (0011) and messages rendered after the
commit (0012) were made side by side, both after 0009; neither changes the other's tables

Revision ID: 0013
Revises: 0011, 0012
Create Date: 2026-12-01 16:15:00.000000

"""

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = ('0011', '0012')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
