"""Referrals anywhere (issue 17): a referral to a service not in the directory keeps the
service's name and contact details as typed, so its partner is no longer required.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 12:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('service_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('service_contact', sa.String(length=300), nullable=True))
        batch_op.alter_column('partner_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    # Typed referrals have no partner: the database refuses to go back while any exist,
    # rather than lose records about people.
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.alter_column('partner_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('service_contact')
        batch_op.drop_column('service_name')
