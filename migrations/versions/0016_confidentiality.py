"""Confidentiality, told and kept (issue 15): that the person was told their file is
confidential, disclosures the law compels (approved by the manager), and workers who know a
person outside work (the file never goes to them).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 19:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def _base_columns():
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
    ]


def upgrade():
    op.create_table('confidentiality_explained',
    *_base_columns(),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_confidentiality_explained_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_confidentiality_explained_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_confidentiality_explained'))
    )
    with op.batch_alter_table('confidentiality_explained', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_confidentiality_explained_client_id'), ['client_id'], unique=False)

    op.create_table('compelled_disclosure',
    *_base_columns(),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('asked_by', sa.String(length=200), nullable=False),
    sa.Column('authority', sa.String(length=300), nullable=False),
    sa.Column('asked_on', sa.Date(), nullable=False),
    sa.Column('what_given', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_compelled_disclosure_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_compelled_disclosure_created_by_id_user')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_compelled_disclosure_decided_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compelled_disclosure'))
    )
    with op.batch_alter_table('compelled_disclosure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compelled_disclosure_client_id'), ['client_id'], unique=False)

    op.create_table('known_outside_work',
    *_base_columns(),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('how', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.Column('ended_reason', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_known_outside_work_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_known_outside_work_created_by_id_user')),
    sa.ForeignKeyConstraint(['ended_by_id'], ['user.id'], name=op.f('fk_known_outside_work_ended_by_id_user')),
    sa.ForeignKeyConstraint(['worker_id'], ['user.id'], name=op.f('fk_known_outside_work_worker_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_known_outside_work'))
    )
    with op.batch_alter_table('known_outside_work', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_known_outside_work_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_known_outside_work_worker_id'), ['worker_id'], unique=False)


def downgrade():
    with op.batch_alter_table('known_outside_work', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_known_outside_work_worker_id'))
        batch_op.drop_index(batch_op.f('ix_known_outside_work_client_id'))
    op.drop_table('known_outside_work')
    with op.batch_alter_table('compelled_disclosure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compelled_disclosure_client_id'))
    op.drop_table('compelled_disclosure')
    with op.batch_alter_table('confidentiality_explained', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_confidentiality_explained_client_id'))
    op.drop_table('confidentiality_explained')
