"""audit trail additions

Revision ID: 0006_audit
Revises: 0005_feeds_mail
Create Date: 2026-11-26 07:55:00

"""
from alembic import op
import sqlalchemy as sa

import hr.db  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '0006_audit'
down_revision = '0005_feeds_mail'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
