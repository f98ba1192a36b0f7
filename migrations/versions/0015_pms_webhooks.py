"""webhooks to the property-management system: the outbox of deliveries, their tries, and
where to send them

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 19:10:00.000000

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'pms_delivery',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('delivery_id', sa.String(length=36), nullable=False),
        sa.Column('event', sa.String(length=40), nullable=False),
        sa.Column('booking_item_id', sa.Integer(), nullable=True),
        sa.Column('charge_kind', sa.String(length=40), nullable=False),
        sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('state', sa.Enum('waiting', 'sending', 'delivered', 'failed',
                                   name='deliverystate', native_enum=False, length=24),
                  nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
        sa.Column('give_up_at', sa.DateTime(), nullable=False),
        sa.Column('claimed_at', sa.DateTime(), nullable=True),
        sa.Column('delivered_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pms_delivery')),
        sa.UniqueConstraint('delivery_id', name=op.f('uq_pms_delivery_delivery_id')),
    )
    op.create_index('ix_pms_delivery_due', 'pms_delivery', ['state', 'next_attempt_at'])
    op.create_index('ix_pms_delivery_item', 'pms_delivery', ['booking_item_id', 'id'])
    op.create_index(op.f('ix_pms_delivery_event'), 'pms_delivery', ['event'])
    op.create_table(
        'pms_delivery_try',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('delivery_id', sa.Integer(), nullable=False),
        sa.Column('tried_at', sa.DateTime(), nullable=False),
        sa.Column('status', sa.Integer(), nullable=True),
        sa.Column('response', sa.Text(), nullable=False),
        sa.Column('error', sa.Text(), nullable=False),
        sa.Column('milliseconds', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['delivery_id'], ['pms_delivery.id'], ondelete='CASCADE',
                                name=op.f('fk_pms_delivery_try_delivery_id_pms_delivery')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pms_delivery_try')),
    )
    op.create_index(op.f('ix_pms_delivery_try_delivery_id'), 'pms_delivery_try',
                    ['delivery_id'])
    op.create_table(
        'pms_setting',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=500), nullable=False),
        sa.Column('secret', sa.String(length=200), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['updated_by_id'], ['staff_user.id'], ondelete='SET NULL',
                                name=op.f('fk_pms_setting_updated_by_id_staff_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pms_setting')),
    )


def downgrade():
    op.drop_table('pms_setting')
    op.drop_index(op.f('ix_pms_delivery_try_delivery_id'), table_name='pms_delivery_try')
    op.drop_table('pms_delivery_try')
    op.drop_index(op.f('ix_pms_delivery_event'), table_name='pms_delivery')
    op.drop_index('ix_pms_delivery_item', table_name='pms_delivery')
    op.drop_index('ix_pms_delivery_due', table_name='pms_delivery')
    op.drop_table('pms_delivery')
