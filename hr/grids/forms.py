"""Grid editor forms. A question form turns its fields into the `options` dict."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from hr.grids.models import (
    ANSWERED_BY_LABELS,
    QUESTION_KIND_LABELS,
    AnsweredBy,
    QuestionKind,
)


class GridForm(FlaskForm):
    interview_type = SelectField(_l("Interview type"), coerce=int)
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=150)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])


class InterviewTypeForm(FlaskForm):
    type_name = StringField(
        _l("Name of the new interview type"), validators=[DataRequired(), Length(max=150)]
    )


class RenameForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=150)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])


class SectionForm(FlaskForm):
    title = StringField(_l("Section title"), validators=[DataRequired(), Length(max=200)])
    intro = TextAreaField(_l("Introduction"), validators=[Optional(), Length(max=4000)])
    scored = BooleanField(_l("Scored section (weighted score of its rated questions)"))


class QuestionForm(FlaskForm):
    kind = SelectField(
        _l("Kind"),
        choices=[SelectChoice(k.value, label) for k, label in QUESTION_KIND_LABELS.items()],
    )
    label = StringField(_l("Question"), validators=[DataRequired(), Length(max=500)])
    help_text = TextAreaField(
        _l("Guide for the interviewer"), validators=[Optional(), Length(max=4000)]
    )
    answered_by = SelectField(
        _l("Who answers"),
        choices=[SelectChoice(k.value, label) for k, label in ANSWERED_BY_LABELS.items()],
        default=AnsweredBy.BOTH.value,  # as the model: not the first choice (employee only)
    )
    required = BooleanField(_l("Required"))
    weight = IntegerField(
        _l("Weight (scored sections)"), validators=[Optional(), NumberRange(min=0, max=100)]
    )
    choices = TextAreaField(_l("Choices, one per line"), validators=[Optional(), Length(max=4000)])
    scale = SelectField(_l("Rating scale"), coerce=int, validators=[Optional()])
    skills = SelectMultipleField(_l("Skills to rate"), coerce=int, validators=[Optional()])
    number_min = IntegerField(_l("Minimum"), validators=[Optional()])
    number_max = IntegerField(_l("Maximum"), validators=[Optional()])
    unit = StringField(_l("Unit"), validators=[Optional(), Length(max=30)])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        kind = (
            QuestionKind(self.kind.data)
            if self.kind.data in QuestionKind._value2member_map_
            else None
        )
        if (
            kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
            and len(self.choice_list()) < 2
        ):
            self.choices.errors.append(_l("Give at least two choices, one per line."))
            ok = False
        if kind in (QuestionKind.RATING, QuestionKind.SKILLS_MATRIX) and not self.scale.data:
            self.scale.errors.append(_l("Choose a rating scale."))
            ok = False
        if kind == QuestionKind.SKILLS_MATRIX and not self.skills.data:
            self.skills.errors.append(_l("Choose at least one skill."))
            ok = False
        if (
            self.number_min.data is not None
            and self.number_max.data is not None
            and self.number_min.data > self.number_max.data
        ):
            self.number_max.errors.append(_l("The maximum is below the minimum."))
            ok = False
        return ok

    def choice_list(self) -> list[str]:
        return [line.strip() for line in (self.choices.data or "").splitlines() if line.strip()]


class ScaleForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=150)])
    levels = TextAreaField(
        _l("Levels, one per line as “value = label”"),
        validators=[InputRequired(), Length(max=2000)],
    )
    not_assessed = BooleanField(_l("Offer “not assessed”"))


class SkillForm(FlaskForm):
    name = StringField(_l("Skill"), validators=[DataRequired(), Length(max=150)])
    family = StringField(_l("Family"), validators=[Optional(), Length(max=100)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])


class LibraryForm(QuestionForm):
    tags = StringField(_l("Tags, separated by commas"), validators=[Optional(), Length(max=300)])
    interview_types = SelectMultipleField(_l("Interview types"), validators=[Optional()])
