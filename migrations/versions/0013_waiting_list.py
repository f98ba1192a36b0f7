"""waiting lists for full slots and rental days

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 19:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'waiting_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('stay_id', sa.Integer(), nullable=False),
        sa.Column('service_id', sa.Integer(), nullable=False),
        sa.Column('slot_id', sa.Integer(), nullable=True),
        sa.Column('start_on', sa.Date(), nullable=False),
        sa.Column('end_on', sa.Date(), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('participant_ids', sa.JSON(), nullable=False),
        sa.Column('state', sa.Enum('waiting', 'offered', 'booked', 'expired', 'left',
                                   name='waitingstate', native_enum=False, length=24),
                  nullable=False),
        sa.Column('closes_at', sa.DateTime(), nullable=False),
        sa.Column('offered_at', sa.DateTime(), nullable=True),
        sa.Column('offer_expires_at', sa.DateTime(), nullable=True),
        sa.Column('booking_item_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('quantity > 0', name=op.f('ck_waiting_entry_quantity_positive')),
        sa.CheckConstraint('start_on <= end_on', name=op.f('ck_waiting_entry_date_order')),
        sa.ForeignKeyConstraint(['booking_item_id'], ['booking_item.id'],
                                name=op.f('fk_waiting_entry_booking_item_id_booking_item'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'],
                                name=op.f('fk_waiting_entry_service_id_service'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['slot_id'], ['slot.id'],
                                name=op.f('fk_waiting_entry_slot_id_slot'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['stay_id'], ['stay.id'],
                                name=op.f('fk_waiting_entry_stay_id_stay'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_waiting_entry')),
    )
    op.create_index('ix_waiting_entry_queue', 'waiting_entry',
                    ['service_id', 'state', 'start_on', 'id'])
    op.create_index('ix_waiting_entry_offer_expires', 'waiting_entry',
                    ['state', 'offer_expires_at'])
    op.create_index(op.f('ix_waiting_entry_stay_id'), 'waiting_entry', ['stay_id'])
    op.create_index(op.f('ix_waiting_entry_slot_id'), 'waiting_entry', ['slot_id'])


def downgrade():
    op.drop_index(op.f('ix_waiting_entry_slot_id'), table_name='waiting_entry')
    op.drop_index(op.f('ix_waiting_entry_stay_id'), table_name='waiting_entry')
    op.drop_index('ix_waiting_entry_offer_expires', table_name='waiting_entry')
    op.drop_index('ix_waiting_entry_queue', table_name='waiting_entry')
    op.drop_table('waiting_entry')
