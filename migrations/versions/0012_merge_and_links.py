"""One person, one file (issue 17): a merged file points to the file kept; files linked to
each other (partners, family); children who are not clients, on a parent's file.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_client_merged_into_id'), ['merged_into_id'], unique=False, sqlite_where=sa.text('merged_into_id IS NOT NULL'), postgresql_where=sa.text('merged_into_id IS NOT NULL'))
        batch_op.create_foreign_key(batch_op.f('fk_client_merged_into_id_client'), 'client', ['merged_into_id'], ['id'])

    op.create_table('client_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('other_client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('removed_reason', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_client_link_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_client_link_created_by_id_user')),
    sa.ForeignKeyConstraint(['other_client_id'], ['client.id'], name=op.f('fk_client_link_other_client_id_client')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_link'))
    )
    with op.batch_alter_table('client_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_link_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_link_other_client_id'), ['other_client_id'], unique=False)

    op.create_table('client_child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('born_year', sa.Integer(), nullable=True),
    sa.Column('age_text', sa.String(length=40), nullable=True),
    sa.Column('lives_with', sa.String(length=200), nullable=True),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('removed_reason', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_client_child_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_client_child_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_child'))
    )
    with op.batch_alter_table('client_child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_child_client_id'), ['client_id'], unique=False)


def downgrade():
    with op.batch_alter_table('client_child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_child_client_id'))

    op.drop_table('client_child')
    with op.batch_alter_table('client_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_link_other_client_id'))
        batch_op.drop_index(batch_op.f('ix_client_link_client_id'))

    op.drop_table('client_link')
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_client_merged_into_id_client'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_client_merged_into_id'))
        batch_op.drop_column('merged_into_id')
