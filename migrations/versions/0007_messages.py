"""messages to guests (an outbox), standard reasons, marketing consent

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:19:00.590003

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    
    op.create_table('standard_reason',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_reason')),
    sa.UniqueConstraint('code', name=op.f('uq_standard_reason_code'))
    )
    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stay_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('booking_received', 'request_confirmed', 'request_declined', 'cancelled_by_hotel', 'reminder', 'ticket_answered', 'rating_invitation', 'pre_arrival_offer', name='messagekind', native_enum=False, length=24), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=True),
    sa.Column('marketing', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('html', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('state', sa.Enum('waiting', 'sending', 'sent', 'failed', 'kept', name='messagestate', native_enum=False, length=24), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_message_stay_id_stay'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message')),
    sa.UniqueConstraint('key', name='uq_message_key')
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_due', ['state', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_kind'), ['kind'], unique=False)
        batch_op.create_index('ix_message_stay_created', ['stay_id', 'created_at'], unique=False)

    op.create_table('standard_reason_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reason_id', sa.Integer(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['reason_id'], ['standard_reason.id'], name=op.f('fk_standard_reason_text_reason_id_standard_reason'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_reason_text')),
    sa.UniqueConstraint('reason_id', 'locale', name=op.f('uq_standard_reason_text_reason_id_locale'))
    )
    with op.batch_alter_table('standard_reason_text', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standard_reason_text_reason_id'), ['reason_id'], unique=False)

    with op.batch_alter_table('booking_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('standard_reason_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_booking_item_standard_reason_id_standard_reason'), 'standard_reason', ['standard_reason_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('out_of_service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('standard_reason_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_out_of_service_standard_reason_id_standard_reason'), 'standard_reason', ['standard_reason_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('slot', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed_reason_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_slot_closed_reason_id_standard_reason'), 'standard_reason', ['closed_reason_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.add_column(sa.Column('marketing_consent', sa.Boolean(), server_default=sa.false(), nullable=False))




def downgrade():
    
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_column('marketing_consent')

    with op.batch_alter_table('slot', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_slot_closed_reason_id_standard_reason'), type_='foreignkey')
        batch_op.drop_column('closed_reason_id')

    with op.batch_alter_table('out_of_service', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_out_of_service_standard_reason_id_standard_reason'), type_='foreignkey')
        batch_op.drop_column('standard_reason_id')

    with op.batch_alter_table('booking_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_booking_item_standard_reason_id_standard_reason'), type_='foreignkey')
        batch_op.drop_column('standard_reason_id')

    with op.batch_alter_table('standard_reason_text', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standard_reason_text_reason_id'))

    op.drop_table('standard_reason_text')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_stay_created')
        batch_op.drop_index(batch_op.f('ix_message_kind'))
        batch_op.drop_index('ix_message_due')

    op.drop_table('message')
    op.drop_table('standard_reason')

