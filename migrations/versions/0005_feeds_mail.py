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
    op.create_table('feed_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.Enum('mine', 'team', 'all', name='feed_scope', native_enum=False, length=30), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', hr.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', hr.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_reason', sa.String(length=20), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('content_changed_at', hr.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_feed_tokens_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_feed_tokens_token_hash'))
    )
    with op.batch_alter_table('feed_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('mail_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('invitation', 'cancellation', name='mail_kind', native_enum=False, length=30), nullable=False),
    sa.Column('status', sa.Enum('pending', 'sent', 'failed', 'skipped', 'superseded', name='mail_status', native_enum=False, length=30), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=True),
    sa.Column('recipient_employee_id', sa.Integer(), nullable=True),
    sa.Column('recipient_name', sa.String(length=200), nullable=False),
    sa.Column('recipient_email', sa.String(length=254), nullable=True),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('message', sa.LargeBinary(), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', hr.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('claimed_until', hr.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('sent_at', hr.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_mail_outbox_interview_id_interviews')),
    sa.ForeignKeyConstraint(['recipient_employee_id'], ['employees.id'], name=op.f('fk_mail_outbox_recipient_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_outbox'))
    )
    with op.batch_alter_table('mail_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_outbox_interview_id'), ['interview_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_outbox_next_attempt_at'), ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_outbox_status'), ['status'], unique=False)


def downgrade():
    op.drop_table('mail_outbox')
    op.drop_table('feed_tokens')
