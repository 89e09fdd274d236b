"""legal compliance inputs

Revision ID: 0007_compliance
Revises: 0006_audit
Create Date: 2026-11-26 07:55:00

"""
from alembic import op
import sqlalchemy as sa

import hr.db  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '0007_compliance'
down_revision = '0006_audit'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
