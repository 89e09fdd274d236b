"""calendar feeds and mail outbox

Revision ID: 0005_feeds_mail
Revises: 0004_calendars
Create Date: 2026-11-26 07:55:00

"""
from alembic import op
import sqlalchemy as sa

import hr.db  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '0005_feeds_mail'
down_revision = '0004_calendars'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
