"""A worker's "Torres Strait Islander" (22 letters) did not fit user.indigenous (20): on
PostgreSQL saving it failed. The column takes 40.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.alter_column('indigenous', existing_type=sa.String(length=20),
                              type_=sa.String(length=40), existing_nullable=True)


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.alter_column('indigenous', existing_type=sa.String(length=40),
                              type_=sa.String(length=20), existing_nullable=True)
