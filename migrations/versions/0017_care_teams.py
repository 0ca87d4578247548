"""Care teams on a file (a team approach, with the person's agreement), notes a trainee or a
student wrote waiting for the worker to sign, and students' placements (issue 15).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 19:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('care_team_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role_words', sa.String(length=120), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_care_team_member_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_care_team_member_created_by_id_user')),
    sa.ForeignKeyConstraint(['ended_by_id'], ['user.id'], name=op.f('fk_care_team_member_ended_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_care_team_member_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_team_member'))
    )
    with op.batch_alter_table('care_team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_team_member_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_team_member_user_id'), ['user_id'], unique=False)
    op.create_table('note_to_sign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('contact_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('who_was_there', sa.String(length=300), nullable=True),
    sa.Column('others_agreed', sa.Boolean(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sign_by_id', sa.Integer(), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_note_to_sign_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_note_to_sign_created_by_id_user')),
    sa.ForeignKeyConstraint(['note_id'], ['case_note.id'], name=op.f('fk_note_to_sign_note_id_case_note')),
    sa.ForeignKeyConstraint(['sign_by_id'], ['user.id'], name=op.f('fk_note_to_sign_sign_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note_to_sign'))
    )
    with op.batch_alter_table('note_to_sign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_to_sign_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_to_sign_sign_by_id'), ['sign_by_id'], unique=False)
    op.create_table('training_placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('programme', sa.String(length=200), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_training_placement_created_by_id_user')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['user.id'], name=op.f('fk_training_placement_supervisor_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_training_placement_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_placement')),
    sa.UniqueConstraint('user_id', name=op.f('uq_training_placement_user_id'))
    )
    with op.batch_alter_table('training_placement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_placement_supervisor_id'), ['supervisor_id'], unique=False)


def downgrade():
    with op.batch_alter_table('training_placement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_placement_supervisor_id'))
    op.drop_table('training_placement')
    with op.batch_alter_table('note_to_sign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_to_sign_sign_by_id'))
        batch_op.drop_index(batch_op.f('ix_note_to_sign_client_id'))
    op.drop_table('note_to_sign')
    with op.batch_alter_table('care_team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_team_member_user_id'))
        batch_op.drop_index(batch_op.f('ix_care_team_member_client_id'))
    op.drop_table('care_team_member')
