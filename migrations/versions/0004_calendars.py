"""calendar settings and scheduling

Revision ID: 0004_calendars
Revises: 0003_interviews
Create Date: 2026-11-26 07:55:00

"""
from alembic import op
import sqlalchemy as sa

import hr.db  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '0004_calendars'
down_revision = '0003_interviews'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
