"""Closing checks (issue 17): a closing the worker is unsure of waits for the manager; notes
written in the days after an episode closed are marked; an appointment kept on closing.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('closing_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('sure', sa.Boolean(), nullable=False),
    sa.Column('unsure_why', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_closing_check_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_closing_check_created_by_id_user')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_closing_check_decided_by_id_user')),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], name=op.f('fk_closing_check_episode_id_episode')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_closing_check'))
    )
    with op.batch_alter_table('closing_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_closing_check_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_closing_check_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_closing_check_status'), ['status'], unique=False)
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('after_closing', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kept_on_closing', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_column('kept_on_closing')
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.drop_column('after_closing')
    with op.batch_alter_table('closing_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_closing_check_status'))
        batch_op.drop_index(batch_op.f('ix_closing_check_episode_id'))
        batch_op.drop_index(batch_op.f('ix_closing_check_client_id'))

    op.drop_table('closing_check')
