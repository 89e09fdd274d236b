"""performance: a covering index for campaign progress

Revision ID: 0008_performance
Revises: 0007_compliance
Create Date: 2026-11-26 08:30:00

A campaign's progress page counts its interviews per status, department and
interviewer, and finds the late ones: with (campaign_id, status, due_date,
interviewer_id, employee_id) SQLite and PostgreSQL answer from the index alone,
without reading the 5,000 interview rows of a large campaign.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0008_performance'
down_revision = '0007_compliance'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_interviews_campaign_progress',
        'interviews',
        ['campaign_id', 'status', 'due_date', 'interviewer_id', 'employee_id'],
    )


def downgrade():
    op.drop_index('ix_interviews_campaign_progress', table_name='interviews')
