"""Forms of the interview blocks (objectives, training requests, actions) and of the
follow-up pages. The services check the rules; these check the shapes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from hr.interviews.blocks import (
    PRIORITY_LABELS,
    REVIEW_STATUSES,
    TRAINING_REASON_LABELS,
    TRAINING_STATUS_LABELS,
)
from hr.interviews.models import OBJECTIVE_STATUS_LABELS, TrainingReason


class ObjectiveForm(FlaskForm):
    title = StringField(
        _l("Objective"),
        validators=[DataRequired(_l("Give the objective a title.")), Length(max=300)],
    )
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    indicator = StringField(
        _l("Indicator (how it will be measured)"), validators=[Optional(), Length(max=300)]
    )
    target_date = DateField(_l("Target date"), validators=[Optional()])
    weight = IntegerField(_l("Weight (%)"), validators=[Optional(), NumberRange(min=0, max=100)])


class ReviewForm(FlaskForm):
    status = SelectField(
        _l("Result"),
        choices=[SelectChoice("", _l("Not reviewed yet"))]
        + [SelectChoice(s.value, OBJECTIVE_STATUS_LABELS[s]) for s in REVIEW_STATUSES],
    )
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=4000)])


class TrainingForm(FlaskForm):
    subject = StringField(
        _l("Training wished"),
        validators=[DataRequired(_l("Say which training is wished.")), Length(max=300)],
    )
    reason = SelectField(
        _l("Purpose"),
        choices=[SelectChoice(r.value, label) for r, label in TRAINING_REASON_LABELS.items()],
        default=TrainingReason.DEVELOP.value,
    )
    priority = SelectField(
        _l("Priority"),
        coerce=int,
        choices=[SelectChoice(p, label) for p, label in PRIORITY_LABELS.items()],
        default=2,
    )
    wished_period = StringField(_l("Wished period"), validators=[Optional(), Length(max=100)])
    mandatory = BooleanField(_l("Needed to hold the job (the employer's obligation)"))


class ActionForm(FlaskForm):
    what = TextAreaField(
        _l("Decision or action"),
        validators=[DataRequired(_l("Describe the decision or the action.")), Length(max=2000)],
    )
    owner = SelectField(_l("Owner"), coerce=int, validators=[Optional()])
    due_date = DateField(_l("Due date"), validators=[Optional()])

    def set_owners(self, owners) -> ActionForm:
        self.owner.choices = [SelectChoice(0, _l("Nobody (a decision)"))] + [
            SelectChoice(e.id, e.full_name) for e in owners
        ]
        return self


class TrainingStatusForm(FlaskForm):
    status = SelectField(
        _l("New status"),
        choices=[SelectChoice(s.value, label) for s, label in TRAINING_STATUS_LABELS.items()],
    )
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
    done_on = DateField(_l("Completed on"), validators=[Optional()])


BLOCK_FORMS = {"objective": ObjectiveForm, "training": TrainingForm, "action": ActionForm}
