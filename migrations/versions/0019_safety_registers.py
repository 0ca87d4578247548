"""Safety at the front desk and in the service (issue 15): incidents at the desk (reviewed,
closed with what was learned, a debrief offered), the complaints register with its steps,
and the critical incident register with who was told and when.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 19:09:02.440495

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('safety_complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('from_kind', sa.String(length=20), nullable=False),
    sa.Column('from_who', sa.String(length=120), nullable=True),
    sa.Column('about', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_safety_complaint_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_complaint'))
    )
    with op.batch_alter_table('safety_complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_complaint_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_complaint_status'), ['status'], unique=False)

    op.create_table('safety_critical_incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('happened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('what_happened', sa.Text(), nullable=False),
    sa.Column('response', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('learned', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['closed_by_id'], ['user.id'], name=op.f('fk_safety_critical_incident_closed_by_id_user')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_safety_critical_incident_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_critical_incident'))
    )
    with op.batch_alter_table('safety_critical_incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_critical_incident_happened_at'), ['happened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_critical_incident_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_critical_incident_status'), ['status'], unique=False)

    op.create_table('safety_incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('happened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=30), nullable=False),
    sa.Column('place_other', sa.String(length=120), nullable=True),
    sa.Column('what_happened', sa.Text(), nullable=False),
    sa.Column('who_involved', sa.Text(), nullable=False),
    sa.Column('de_escalation', sa.Text(), nullable=True),
    sa.Column('anyone_hurt', sa.Boolean(), nullable=False),
    sa.Column('first_aid', sa.Text(), nullable=True),
    sa.Column('told', sa.JSON(), nullable=False),
    sa.Column('told_other', sa.String(length=120), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('learned', sa.Text(), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('debrief_offered_on', sa.Date(), nullable=True),
    sa.Column('debrief_taken_up', sa.Boolean(), nullable=True),
    sa.Column('debrief_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_safety_incident_created_by_id_user')),
    sa.ForeignKeyConstraint(['debrief_by_id'], ['user.id'], name=op.f('fk_safety_incident_debrief_by_id_user')),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user.id'], name=op.f('fk_safety_incident_reviewed_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_incident'))
    )
    with op.batch_alter_table('safety_incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_incident_happened_at'), ['happened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_incident_status'), ['status'], unique=False)

    op.create_table('safety_complaint_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=20), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['by_id'], ['user.id'], name=op.f('fk_safety_complaint_step_by_id_user')),
    sa.ForeignKeyConstraint(['complaint_id'], ['safety_complaint.id'], name=op.f('fk_safety_complaint_step_complaint_id_safety_complaint')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_safety_complaint_step_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_complaint_step'))
    )
    with op.batch_alter_table('safety_complaint_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_complaint_step_complaint_id'), ['complaint_id'], unique=False)

    op.create_table('safety_critical_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('critical_incident_id', sa.Integer(), nullable=False),
    sa.Column('who', sa.String(length=30), nullable=False),
    sa.Column('who_other', sa.String(length=120), nullable=True),
    sa.Column('told_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_safety_critical_notice_created_by_id_user')),
    sa.ForeignKeyConstraint(['critical_incident_id'], ['safety_critical_incident.id'], name=op.f('fk_safety_critical_notice_critical_incident_id_safety_critical_incident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_critical_notice'))
    )
    with op.batch_alter_table('safety_critical_notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_critical_notice_critical_incident_id'), ['critical_incident_id'], unique=False)



def downgrade():
    with op.batch_alter_table('safety_critical_notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_critical_notice_critical_incident_id'))

    op.drop_table('safety_critical_notice')
    with op.batch_alter_table('safety_complaint_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_complaint_step_complaint_id'))

    op.drop_table('safety_complaint_step')
    with op.batch_alter_table('safety_incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_incident_status'))
        batch_op.drop_index(batch_op.f('ix_safety_incident_happened_at'))

    op.drop_table('safety_incident')
    with op.batch_alter_table('safety_critical_incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_critical_incident_status'))
        batch_op.drop_index(batch_op.f('ix_safety_critical_incident_kind'))
        batch_op.drop_index(batch_op.f('ix_safety_critical_incident_happened_at'))

    op.drop_table('safety_critical_incident')
    with op.batch_alter_table('safety_complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_complaint_status'))
        batch_op.drop_index(batch_op.f('ix_safety_complaint_received_on'))

    op.drop_table('safety_complaint')
