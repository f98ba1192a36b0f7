"""desk indexes: waiting requests, items by last day, items' services for the ratings
report, stays' bookings from the index alone, audit entries by object, references and
rooms whatever their case, and on PostgreSQL trigram indexes for name search

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# (name, table, expression): trigram indexes, made on PostgreSQL only (see
# hotel/models/dialects.py).
TRIGRAM_INDEXES = [
    ('ix_stay_reference_trigram', 'stay', 'upper(reference)'),
    ('ix_stay_last_name_key_trigram', 'stay', 'last_name_key'),
    ('ix_stay_first_name_trigram', 'stay', 'lower(first_name)'),
]


def upgrade():
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_object_id'), ['object_id'], unique=False)
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.create_index('ix_booking_stay_id_id', ['stay_id', 'id'], unique=False)
        batch_op.drop_index(batch_op.f('ix_booking_stay_id'))
    with op.batch_alter_table('booking_item', schema=None) as batch_op:
        batch_op.create_index('ix_booking_item_waiting', ['booking_id'], unique=False,
                              postgresql_where=sa.text("state = 'requested'"),
                              sqlite_where=sa.text("state = 'requested'"))
        batch_op.create_index('ix_booking_item_id_service_id', ['id', 'service_id'], unique=False)
        batch_op.create_index('ix_booking_item_last_day',
                              [sa.text('coalesce(end_on, start_on)'), 'start_on', 'service_id'],
                              unique=False)
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.create_index('ix_stay_reference_upper', [sa.text('upper(reference)')],
                              unique=False)
        batch_op.create_index('ix_stay_room_upper', [sa.text('upper(room)')], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        for name, table, expression in TRIGRAM_INDEXES:
            op.execute(f'CREATE INDEX {name} ON {table} USING gin ({expression} gin_trgm_ops)')


def downgrade():
    # The pg_trgm extension stays: other objects of the database may use it.
    if op.get_bind().dialect.name == 'postgresql':
        for name, _table, _expression in reversed(TRIGRAM_INDEXES):
            op.execute(f'DROP INDEX {name}')
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index('ix_stay_room_upper')
        batch_op.drop_index('ix_stay_reference_upper')
    with op.batch_alter_table('booking_item', schema=None) as batch_op:
        batch_op.drop_index('ix_booking_item_last_day')
        batch_op.drop_index('ix_booking_item_id_service_id')
        batch_op.drop_index('ix_booking_item_waiting')
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booking_stay_id'), ['stay_id'], unique=False)
        batch_op.drop_index('ix_booking_stay_id_id')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_object_id'))
