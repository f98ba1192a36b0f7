"""the bill: fees by policy, returning-guest perk, voucher codes, fees charged

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

SERVICE_PERCENTS = (
    ('late_cancel_fee_percent', 'late_fee_range'),
    ('no_show_fee_percent', 'no_show_fee_range'),
    ('returning_guest_percent', 'perk_range'),
)


def upgrade():
    op.create_table(
        'voucher',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=32), nullable=False),
        sa.Column('kind', sa.Enum('percent', 'amount', name='voucherkind', native_enum=False,
                                  length=24), nullable=False),
        sa.Column('value', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=True),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('max_uses', sa.Integer(), nullable=True),
        sa.Column('uses', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('value > 0', name=op.f('ck_voucher_value_positive')),
        sa.CheckConstraint("kind <> 'percent' OR value <= 100",
                           name=op.f('ck_voucher_percent_range')),
        sa.CheckConstraint('max_uses IS NULL OR max_uses > 0',
                           name=op.f('ck_voucher_max_uses_positive')),
        sa.CheckConstraint('uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)',
                           name=op.f('ck_voucher_uses_within_limit')),
        sa.CheckConstraint('valid_until IS NULL OR valid_from IS NULL OR '
                           'valid_from <= valid_until', name=op.f('ck_voucher_validity_order')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_voucher')),
        sa.UniqueConstraint('code', name=op.f('uq_voucher_code')),
    )
    op.create_table(
        'voucher_service',
        sa.Column('voucher_id', sa.Integer(), nullable=False),
        sa.Column('service_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'],
                                name=op.f('fk_voucher_service_service_id_service'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['voucher_id'], ['voucher.id'],
                                name=op.f('fk_voucher_service_voucher_id_voucher'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('voucher_id', 'service_id', name=op.f('pk_voucher_service')),
    )
    op.create_table(
        'fee',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('booking_item_id', sa.Integer(), nullable=False),
        sa.Column('stay_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('late_cancellation', 'no_show', name='feekind',
                                  native_enum=False, length=24), nullable=False),
        sa.Column('percent', sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('charged_at', sa.DateTime(), nullable=False),
        sa.Column('charged_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint('amount > 0', name=op.f('ck_fee_amount_positive')),
        sa.ForeignKeyConstraint(['booking_item_id'], ['booking_item.id'],
                                name=op.f('fk_fee_booking_item_id_booking_item'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['charged_by_id'], ['staff_user.id'],
                                name=op.f('fk_fee_charged_by_id_staff_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_fee_stay_id_stay'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fee')),
        sa.UniqueConstraint('booking_item_id', 'kind', name=op.f('uq_fee_booking_item_id_kind')),
    )
    op.create_index(op.f('ix_fee_stay_id'), 'fee', ['stay_id'], unique=False)
    op.create_table(
        'voucher_use',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('voucher_id', sa.Integer(), nullable=False),
        sa.Column('booking_id', sa.Integer(), nullable=False),
        sa.Column('used_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['booking_id'], ['booking.id'],
                                name=op.f('fk_voucher_use_booking_id_booking'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['voucher_id'], ['voucher.id'],
                                name=op.f('fk_voucher_use_voucher_id_voucher'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_voucher_use')),
        sa.UniqueConstraint('booking_id', name=op.f('uq_voucher_use_booking_id')),
    )
    op.create_index(op.f('ix_voucher_use_voucher_id'), 'voucher_use', ['voucher_id'],
                    unique=False)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for column, check in SERVICE_PERCENTS:
        name = f'ck_service_{check}'
        if sqlite:
            # In place, with the check on the column: a copy of the service table would
            # cascade-delete the rows that refer to it.
            op.execute(f"ALTER TABLE service ADD COLUMN {column} NUMERIC(5, 2) DEFAULT '0' "
                       f"NOT NULL CONSTRAINT {name} CHECK ({column} BETWEEN 0 AND 100)")
        else:
            op.add_column('service', sa.Column(column, sa.Numeric(precision=5, scale=2),
                                               server_default='0', nullable=False))
            op.create_check_constraint(op.f(name), 'service', f'{column} BETWEEN 0 AND 100')
    # In place too: a copy would lose booking_item's expression index (0008).
    for column in ('perk_discount', 'voucher_discount'):
        op.add_column('booking_item', sa.Column(column, sa.Numeric(precision=12, scale=2),
                                                server_default='0', nullable=False))


def downgrade():
    for column in ('voucher_discount', 'perk_discount'):
        op.drop_column('booking_item', column)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for column, check in reversed(SERVICE_PERCENTS):
        if not sqlite:  # on SQLite the check goes with its column
            op.drop_constraint(op.f(f'ck_service_{check}'), 'service', type_='check')
        op.drop_column('service', column)
    op.drop_index(op.f('ix_voucher_use_voucher_id'), table_name='voucher_use')
    op.drop_table('voucher_use')
    op.drop_index(op.f('ix_fee_stay_id'), table_name='fee')
    op.drop_table('fee')
    op.drop_table('voucher_service')
    op.drop_table('voucher')
