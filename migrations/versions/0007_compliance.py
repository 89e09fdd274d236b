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
    op.create_table('mandates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=150), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('delegation_share', sa.Integer(), nullable=False),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('delegation_share >= 0 AND delegation_share <= 100', name=op.f('ck_mandates_delegation_share')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_mandates_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandates'))
    )
    with op.batch_alter_table('mandates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandates_employee_id'), ['employee_id'], unique=False)

    op.create_table('progressions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('salary_increase', 'job_change', 'classification_change', name='progression_kind', native_enum=False, length=30), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_progressions_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progressions'))
    )
    with op.batch_alter_table('progressions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progressions_employee_id'), ['employee_id'], unique=False)

    op.create_table('absences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('leave_type', sa.Enum('maternity', 'parental', 'parental_part_time', 'family_carer', 'adoption', 'sabbatical', 'secured_mobility', 'long_sick_leave', 'unpaid', 'other_suspension', name='leave_type', native_enum=False, length=30), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_absences_absence_dates')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_absences_created_by_id_users')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_absences_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absences'))
    )
    with op.batch_alter_table('absences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_absences_employee_id'), ['employee_id'], unique=False)

    op.create_table('penalty_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('review_date', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('due_by', sa.Date(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('payment_reference', sa.String(length=100), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_penalty_payments_employee_id_employees')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_penalty_payments_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penalty_payments')),
    sa.UniqueConstraint('employee_id', 'review_date', name='penalty_review')
    )
    with op.batch_alter_table('penalty_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_penalty_payments_employee_id'), ['employee_id'], unique=False)

    op.create_table('training_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('hours', sa.Numeric(precision=7, scale=2), nullable=True),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('certification', sa.Boolean(), nullable=False),
    sa.Column('certification_name', sa.String(length=300), nullable=True),
    sa.Column('training_request_id', sa.Integer(), nullable=True),
    sa.Column('created_at', hr.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_training_records_employee_id_employees')),
    sa.ForeignKeyConstraint(['training_request_id'], ['training_requests.id'], name=op.f('fk_training_records_training_request_id_training_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_records')),
    sa.UniqueConstraint('training_request_id', name=op.f('uq_training_records_training_request_id'))
    )
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_records_employee_id'), ['employee_id'], unique=False)

    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('career_info_given_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('mid_career_visit_on', sa.Date(), nullable=True))



def downgrade():
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_column('mid_career_visit_on')
        batch_op.drop_column('career_info_given_on')

    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_records_employee_id'))

    op.drop_table('training_records')
    with op.batch_alter_table('penalty_payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_penalty_payments_employee_id'))

    op.drop_table('penalty_payments')
    with op.batch_alter_table('absences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_absences_employee_id'))

    op.drop_table('absences')
    with op.batch_alter_table('progressions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progressions_employee_id'))

    op.drop_table('progressions')
    with op.batch_alter_table('mandates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandates_employee_id'))

    op.drop_table('mandates')
