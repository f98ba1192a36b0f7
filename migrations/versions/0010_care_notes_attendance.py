"""care notes on party members, a contact phone on stays, attendance at activities

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ALTER TABLE, also on SQLite: a batch would copy the stay table, and SQLite's
    # reflection cannot carry its indexes on expressions (upper(room)...) over.
    op.add_column('stay', sa.Column('phone', sa.String(length=32), server_default='',
                                    nullable=False))
    for name in ('allergies', 'medical_notes', 'dietary_notes'):
        op.add_column('party_member', sa.Column(name, sa.String(length=200),
                                                server_default='', nullable=False))
    op.add_column('party_member', sa.Column('may_leave_alone', sa.Boolean(),
                                            server_default=sa.false(), nullable=False))
    op.add_column('party_member', sa.Column('collected_by', sa.String(length=120),
                                            server_default='', nullable=False))
    op.create_table(
        'attendance',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('booking_item_id', sa.Integer(), nullable=False),
        sa.Column('party_member_id', sa.Integer(), nullable=False),
        sa.Column('checked_in_at', sa.DateTime(), nullable=False),
        sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
        sa.Column('checked_out_at', sa.DateTime(), nullable=True),
        sa.Column('checked_out_by_id', sa.Integer(), nullable=True),
        sa.Column('collected_by', sa.String(length=120), server_default='', nullable=False),
        sa.ForeignKeyConstraint(['booking_item_id'], ['booking_item.id'],
                                name=op.f('fk_attendance_booking_item_id_booking_item'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['party_member_id'], ['party_member.id'],
                                name=op.f('fk_attendance_party_member_id_party_member'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['checked_in_by_id'], ['staff_user.id'],
                                name=op.f('fk_attendance_checked_in_by_id_staff_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['checked_out_by_id'], ['staff_user.id'],
                                name=op.f('fk_attendance_checked_out_by_id_staff_user'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index('uq_attendance_item_person',
                              ['booking_item_id', 'party_member_id'], unique=True)
        batch_op.create_index('ix_attendance_party_member_id', ['party_member_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index('ix_attendance_party_member_id')
        batch_op.drop_index('uq_attendance_item_person')
    op.drop_table('attendance')
    for name in ('collected_by', 'may_leave_alone', 'dietary_notes', 'medical_notes',
                 'allergies'):
        op.drop_column('party_member', name)
    op.drop_column('stay', 'phone')
