"""decisions register: an index in the register's order

Revision ID: 0009_decisions_order
Revises: 0008_performance
Create Date: 2026-11-26 16:40:00

The register lists decisions open before done, then by due date (none last), then
by id. An index on those expressions lets SQLite and PostgreSQL read a page in that
order instead of sorting the 10,000 actions of eight years on every request.
"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0009_decisions_order'
down_revision = '0008_performance'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_follow_up_actions_register_order',
        'follow_up_actions',
        [sa.text("(status = 'done')"), sa.text('(due_date IS NULL)'), 'due_date', 'id'],
    )


def downgrade():
    op.drop_index('ix_follow_up_actions_register_order', table_name='follow_up_actions')
