"""messages rendered after the commit, from what they tell of

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01 16:10:00.000000

"""
import warnings

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
# After care notes and attendance (0010); rental units (0011) go between the two when
# they are merged.
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('message', sa.Column('render_from', sa.JSON(none_as_null=True),
                                       nullable=True))
    op.create_index('ix_message_to_render', 'message', ['id'], unique=False,
                    sqlite_where=sa.text('render_from IS NOT NULL'),
                    postgresql_where=sa.text('render_from IS NOT NULL'))


def downgrade():
    op.drop_index('ix_message_to_render', table_name='message')
    with warnings.catch_warnings():
        # SQLite's table copy reflects the stay table too, whose expression index
        # (0008) it cannot reflect; the copy of the message table does not need it.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
        with op.batch_alter_table('message', schema=None) as batch_op:
            batch_op.drop_column('render_from')
