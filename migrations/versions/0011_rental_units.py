"""rental units: numbered units made from each rental's stock, hand-outs held per day
(one unit never on two items on the same day), and a unit's own period out of service

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 15:49:33.801910

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rental_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('in_stock', sa.Boolean(), nullable=False),
    sa.CheckConstraint('number > 0', name=op.f('ck_rental_unit_number_positive')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_rental_unit_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rental_unit')),
    sa.UniqueConstraint('service_id', 'number', name=op.f('uq_rental_unit_service_id_number'))
    )
    op.create_table('hand_out',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('first_on', sa.Date(), nullable=False),
    sa.Column('last_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('handed_out_at', sa.DateTime(), nullable=False),
    sa.Column('handed_out_by_id', sa.Integer(), nullable=True),
    sa.Column('deposit', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('deposit_returned_at', sa.DateTime(), nullable=True),
    sa.Column('returned_at', sa.DateTime(), nullable=True),
    sa.Column('returned_by_id', sa.Integer(), nullable=True),
    sa.Column('condition', sa.Enum('fine', 'damaged', name='condition', native_enum=False, length=24), nullable=True),
    sa.Column('damage_note', sa.Text(), nullable=False),
    sa.Column('out_of_service_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('deposit IS NULL OR deposit >= 0', name=op.f('ck_hand_out_deposit_not_negative')),
    sa.CheckConstraint('first_on <= last_on', name=op.f('ck_hand_out_date_order')),
    sa.ForeignKeyConstraint(['handed_out_by_id'], ['staff_user.id'], name=op.f('fk_hand_out_handed_out_by_id_staff_user')),
    sa.ForeignKeyConstraint(['item_id'], ['booking_item.id'], name=op.f('fk_hand_out_item_id_booking_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['out_of_service_id'], ['out_of_service.id'], name=op.f('fk_hand_out_out_of_service_id_out_of_service'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['returned_by_id'], ['staff_user.id'], name=op.f('fk_hand_out_returned_by_id_staff_user')),
    sa.ForeignKeyConstraint(['unit_id'], ['rental_unit.id'], name=op.f('fk_hand_out_unit_id_rental_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hand_out'))
    )
    with op.batch_alter_table('hand_out', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hand_out_item_id'), ['item_id'], unique=False)
        batch_op.create_index('ix_hand_out_open_due', ['due_on'], unique=False, postgresql_where=sa.text('returned_at IS NULL'), sqlite_where=sa.text('returned_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_hand_out_unit_id'), ['unit_id'], unique=False)

    op.create_table('hand_out_day',
    sa.Column('hand_out_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['hand_out_id'], ['hand_out.id'], name=op.f('fk_hand_out_day_hand_out_id_hand_out'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['rental_unit.id'], name=op.f('fk_hand_out_day_unit_id_rental_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('hand_out_id', 'day', name=op.f('pk_hand_out_day'))
    )
    with op.batch_alter_table('hand_out_day', schema=None) as batch_op:
        batch_op.create_index('uq_hand_out_day_unit_day', ['unit_id', 'day'], unique=True)

    with op.batch_alter_table('out_of_service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_out_of_service_unit_id'), ['unit_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_out_of_service_unit_id_rental_unit'), 'rental_unit', ['unit_id'], ['id'], ondelete='CASCADE')

    # Every rental that exists gets its units, numbered from 1 up to its stock.
    bind = op.get_bind()
    rentals = bind.execute(sa.text(
        "SELECT id, stock FROM service WHERE kind = 'rental' AND stock > 0")).all()
    units = [{'service_id': service_id, 'number': number}
             for service_id, stock in rentals for number in range(1, stock + 1)]
    if units:
        bind.execute(sa.text("INSERT INTO rental_unit (service_id, number, label, in_stock) "
                             "VALUES (:service_id, :number, '', true)"), units)



def downgrade():
    with op.batch_alter_table('out_of_service', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_out_of_service_unit_id_rental_unit'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_out_of_service_unit_id'))
        batch_op.drop_column('unit_id')

    with op.batch_alter_table('hand_out_day', schema=None) as batch_op:
        batch_op.drop_index('uq_hand_out_day_unit_day')

    op.drop_table('hand_out_day')
    with op.batch_alter_table('hand_out', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hand_out_unit_id'))
        batch_op.drop_index('ix_hand_out_open_due', postgresql_where=sa.text('returned_at IS NULL'), sqlite_where=sa.text('returned_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_hand_out_item_id'))

    op.drop_table('hand_out')
    op.drop_table('rental_unit')
