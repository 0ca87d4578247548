"""Preferences about a worker, lived experience and matching (issue 17): what a person
prefers in a worker, the interpreter, the agreed contact frequency, where we met them when it
was somewhere else; a worker's gender, pronouns, languages and indigenous identity (only as
shared); why a worker was chosen against the person's preferences.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('service_location_other', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('interpreter_needed', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('worker_preferences', sa.JSON(), server_default='{}', nullable=False))
        batch_op.add_column(sa.Column('contact_frequency', sa.String(length=20), nullable=True))

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gender', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('pronouns', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('languages', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('indigenous', sa.String(length=20), nullable=True))

    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('preference_reason', sa.String(length=300), nullable=True))

    with op.batch_alter_table('allocation_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('preference_reason', sa.String(length=300), nullable=True))


def downgrade():
    with op.batch_alter_table('allocation_request', schema=None) as batch_op:
        batch_op.drop_column('preference_reason')

    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.drop_column('preference_reason')

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('indigenous')
        batch_op.drop_column('languages')
        batch_op.drop_column('pronouns')
        batch_op.drop_column('gender')

    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_column('contact_frequency')
        batch_op.drop_column('worker_preferences')
        batch_op.drop_column('interpreter_needed')
        batch_op.drop_column('service_location_other')
