"""Sharing checks (issue 17): services suggested for the directory wait for approval; who else
is at an appointment or a contact, and whether the person said yes to them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suggested_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('suggested_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('approved_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approved_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('declined_on', sa.Date(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_partner_suggested_by_id_user'), 'user', ['suggested_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_partner_approved_by_id_user'), 'user', ['approved_by_id'], ['id'])
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('others_present', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('others_agreed', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('others_agreed', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.drop_column('others_agreed')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_column('others_agreed')
        batch_op.drop_column('others_present')
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_partner_approved_by_id_user'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_partner_suggested_by_id_user'), type_='foreignkey')
        batch_op.drop_column('declined_on')
        batch_op.drop_column('approved_on')
        batch_op.drop_column('approved_by_id')
        batch_op.drop_column('suggested_on')
        batch_op.drop_column('suggested_by_id')
