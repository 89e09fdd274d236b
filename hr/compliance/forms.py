"""Forms for the inputs HR enters and the penalty payments."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, DecimalField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from hr.compliance.models import LEAVE_LABELS, PROGRESSION_LABELS


def _end_after_start(form, field):
    if field.data and form.start_date.data and field.data < form.start_date.data:
        raise ValidationError(_l("The end date is before the start date."))


class AbsenceForm(FlaskForm):
    leave_type = SelectField(
        _l("Leave"), choices=[SelectChoice(k.value, label) for k, label in LEAVE_LABELS.items()]
    )
    start_date = DateField(_l("First day"), validators=[DataRequired()])
    end_date = DateField(
        _l("Last day (empty while away)"), validators=[Optional(), _end_after_start]
    )


class AbsenceEndForm(FlaskForm):
    end_date = DateField(_l("Last day"), validators=[DataRequired()])


class MandateForm(FlaskForm):
    label = StringField(_l("Mandate"), validators=[Optional(), Length(max=150)])
    start_date = DateField(_l("Start"), validators=[DataRequired()])
    end_date = DateField(_l("End"), validators=[Optional(), _end_after_start])
    delegation_share = IntegerField(
        _l("Delegation hours (percentage of working time)"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=100)],
    )


class TrainingForm(FlaskForm):
    title = StringField(_l("Training"), validators=[DataRequired(), Length(max=300)])
    start_date = DateField(_l("Start"), validators=[DataRequired()])
    end_date = DateField(_l("End"), validators=[Optional(), _end_after_start])
    hours = DecimalField(
        _l("Hours"), places=2, validators=[Optional(), NumberRange(min=0, max=9999)]
    )
    mandatory = BooleanField(_l("Mandatory: conditions the exercise of an activity (L6321-2)"))
    certification = BooleanField(_l("Certification obtained"))
    certification_name = StringField(
        _l("Which certification"), validators=[Optional(), Length(max=300)]
    )


class ProgressionForm(FlaskForm):
    on = DateField(_l("Date"), validators=[DataRequired()])
    kind = SelectField(
        _l("Progression"),
        choices=[SelectChoice(k.value, label) for k, label in PROGRESSION_LABELS.items()],
    )
    note = StringField(_l("Note"), validators=[Optional(), Length(max=300)])


class DatesForm(FlaskForm):
    career_info_given_on = DateField(
        _l("Information on the career interview given at hire on"), validators=[Optional()]
    )
    mid_career_visit_on = DateField(
        _l("Mid-career occupational-health visit on (date only)"), validators=[Optional()]
    )


class PaymentForm(FlaskForm):
    paid_on = DateField(_l("Paid on"), validators=[DataRequired()])
    payment_reference = StringField(
        _l("Payment reference"), validators=[DataRequired(), Length(max=100)]
    )


class AbsenceImportForm(FlaskForm):
    file = FileField(_l("Absences file (CSV or XLSX)"), validators=[FileRequired()])
    dry_run = BooleanField(_l("Check only, change nothing"))
