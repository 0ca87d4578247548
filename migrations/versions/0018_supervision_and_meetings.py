"""Supervision as practised: a second supervisor, an external supervisor by name, PTSS
Basics, and how often each worker has supervision (issue 15). Care coordination meetings on
a person's file: who came, services with the consent that covers them, actions.

Old supervision records keep working: the new columns are empty for them.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 19:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('supervision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('second_supervisor_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('external_supervisor', sa.String(length=120), nullable=True))
        batch_op.create_index(batch_op.f('ix_supervision_second_supervisor_id'), ['second_supervisor_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_supervision_second_supervisor_id_user'), 'user', ['second_supervisor_id'], ['id'])

    op.create_table('supervision_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('every', sa.String(length=20), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_supervision_schedule_created_by_id_user')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['user.id'], name=op.f('fk_supervision_schedule_supervisor_id_user')),
    sa.ForeignKeyConstraint(['worker_id'], ['user.id'], name=op.f('fk_supervision_schedule_worker_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_schedule')),
    sa.UniqueConstraint('worker_id', name=op.f('uq_supervision_schedule_worker_id'))
    )
    with op.batch_alter_table('supervision_schedule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_schedule_supervisor_id'), ['supervisor_id'], unique=False)

    op.create_table('care_meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=True),
    sa.Column('held_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('person_came', sa.Boolean(), nullable=False),
    sa.Column('others_present', sa.String(length=300), nullable=True),
    sa.Column('others_agreed', sa.Boolean(), nullable=False),
    sa.Column('agreed', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_care_meeting_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_care_meeting_created_by_id_user')),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], name=op.f('fk_care_meeting_episode_id_episode')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_meeting'))
    )
    with op.batch_alter_table('care_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_meeting_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_meeting_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_meeting_held_at'), ['held_at'], unique=False)

    op.create_table('care_meeting_staff',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['care_meeting.id'], name=op.f('fk_care_meeting_staff_meeting_id_care_meeting')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_care_meeting_staff_user_id_user')),
    sa.PrimaryKeyConstraint('meeting_id', 'user_id', name=op.f('pk_care_meeting_staff'))
    )
    with op.batch_alter_table('care_meeting_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_meeting_staff_user_id'), ['user_id'], unique=False)

    op.create_table('care_meeting_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_care_meeting_service_consent_id_consent')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_care_meeting_service_created_by_id_user')),
    sa.ForeignKeyConstraint(['meeting_id'], ['care_meeting.id'], name=op.f('fk_care_meeting_service_meeting_id_care_meeting')),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_care_meeting_service_partner_id_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_meeting_service'))
    )
    with op.batch_alter_table('care_meeting_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_meeting_service_consent_id'), ['consent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_meeting_service_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_meeting_service_partner_id'), ['partner_id'], unique=False)

    op.create_table('care_meeting_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('who_name', sa.String(length=120), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_care_meeting_action_created_by_id_user')),
    sa.ForeignKeyConstraint(['meeting_id'], ['care_meeting.id'], name=op.f('fk_care_meeting_action_meeting_id_care_meeting')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_care_meeting_action_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_meeting_action'))
    )
    with op.batch_alter_table('care_meeting_action', schema=None) as batch_op:
        batch_op.create_index('ix_care_meeting_action_open', ['user_id', 'done_on', 'due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_meeting_action_meeting_id'), ['meeting_id'], unique=False)


def downgrade():
    with op.batch_alter_table('care_meeting_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_meeting_action_meeting_id'))
        batch_op.drop_index('ix_care_meeting_action_open')
    op.drop_table('care_meeting_action')
    with op.batch_alter_table('care_meeting_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_meeting_service_partner_id'))
        batch_op.drop_index(batch_op.f('ix_care_meeting_service_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_care_meeting_service_consent_id'))
    op.drop_table('care_meeting_service')
    with op.batch_alter_table('care_meeting_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_meeting_staff_user_id'))
    op.drop_table('care_meeting_staff')
    with op.batch_alter_table('care_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_meeting_held_at'))
        batch_op.drop_index(batch_op.f('ix_care_meeting_episode_id'))
        batch_op.drop_index(batch_op.f('ix_care_meeting_client_id'))
    op.drop_table('care_meeting')
    with op.batch_alter_table('supervision_schedule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_schedule_supervisor_id'))
    op.drop_table('supervision_schedule')
    with op.batch_alter_table('supervision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_supervision_second_supervisor_id_user'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_supervision_second_supervisor_id'))
        batch_op.drop_column('external_supervisor')
        batch_op.drop_column('second_supervisor_id')
