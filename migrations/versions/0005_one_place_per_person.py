"""one place per person and slot, held by a unique index

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

def upgrade():
    with op.batch_alter_table('booking_item_participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('slot_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_booking_item_participant_slot_id_slot'), 'slot', ['slot_id'], ['id'],
            ondelete='CASCADE')
    # Seat the participants of items that hold places now: for each person and slot the
    # first such item only, since earlier code could seat someone twice.
    op.execute(sa.text("""
        UPDATE booking_item_participant SET slot_id = (
            SELECT booking_item.slot_id FROM booking_item
            WHERE booking_item.id = booking_item_participant.booking_item_id)
        WHERE booking_item_id IN (
            SELECT MIN(item.id) FROM booking_item AS item
            JOIN booking_item_participant AS seat ON seat.booking_item_id = item.id
            WHERE item.slot_id IS NOT NULL AND item.state IN ('requested', 'confirmed')
              AND seat.party_member_id = booking_item_participant.party_member_id
            GROUP BY item.slot_id)
    """))
    with op.batch_alter_table('booking_item_participant', schema=None) as batch_op:
        batch_op.create_index('uq_one_place_per_person_and_slot', ['slot_id', 'party_member_id'],
                              unique=True)


def downgrade():
    with op.batch_alter_table('booking_item_participant', schema=None) as batch_op:
        batch_op.drop_index('uq_one_place_per_person_and_slot')
        batch_op.drop_constraint(batch_op.f('fk_booking_item_participant_slot_id_slot'),
                                 type_='foreignkey')
        batch_op.drop_column('slot_id')
