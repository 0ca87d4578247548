"""Signatures drawn on the screen, word game results, and shadow shifts (issue 17).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('consent_signature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.Column('png', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_consent_signature_consent_id_consent')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_consent_signature_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_signature')),
    sa.UniqueConstraint('consent_id', name=op.f('uq_consent_signature_consent_id'))
    )
    op.create_table('word_game_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('out_of', sa.Integer(), nullable=False),
    sa.Column('played_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_word_game_result_created_by_id_user')),
    sa.ForeignKeyConstraint(['module_id'], ['training_module.id'], name=op.f('fk_word_game_result_module_id_training_module')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_word_game_result_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_word_game_result'))
    )
    with op.batch_alter_table('word_game_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_word_game_result_module_id'), ['module_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_word_game_result_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='volunteer', nullable=False))
        batch_op.add_column(sa.Column('shadowing_with_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('declined_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_shift_shadowing_with_id'), ['shadowing_with_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_shift_shadowing_with_id_user'), 'user', ['shadowing_with_id'], ['id'])


def downgrade():
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_shift_shadowing_with_id_user'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_shift_shadowing_with_id'))
        batch_op.drop_column('declined_at')
        batch_op.drop_column('confirmed_at')
        batch_op.drop_column('shadowing_with_id')
        batch_op.drop_column('kind')
    with op.batch_alter_table('word_game_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_word_game_result_user_id'))
        batch_op.drop_index(batch_op.f('ix_word_game_result_module_id'))

    op.drop_table('word_game_result')
    op.drop_table('consent_signature')
