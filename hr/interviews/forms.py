"""Interview forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Length, Optional


class NewInterviewForm(FlaskForm):
    interview_type = SelectField(_l("Kind of interview"), coerce=int)
    interviewer_number = StringField(
        _l("Interviewer's employee number (empty: the employee's manager)"),
        validators=[Optional(), Length(max=30)],
    )
    second_number = StringField(
        _l("Second participant's employee number (HR, N+2…)"),
        validators=[Optional(), Length(max=30)],
    )
    due_date = DateField(_l("To hold by"), validators=[Optional()])


class ScheduleForm(FlaskForm):
    day = DateField(_l("Date"), validators=[DataRequired()])
    start = TimeField(_l("From"), validators=[DataRequired()])
    end = TimeField(_l("To"), validators=[DataRequired()])
    location = StringField(_l("Place"), validators=[Optional(), Length(max=300)])
    video_link = StringField(
        _l("Video link"), validators=[Optional(), Length(max=500), URL(require_tld=False)]
    )


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=2000)])


class DeclineForm(FlaskForm):
    declined_on = DateField(_l("Declined on"), validators=[DataRequired()])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=2000)])


class EmployeeSignForm(FlaskForm):
    comment = TextAreaField(
        _l("My final comment (optional)"), validators=[Optional(), Length(max=5000)]
    )
    disagreement = BooleanField(_l("I disagree with all or part of this report"))
    decision = SelectField(
        _l("My signature"),
        choices=[
            SelectChoice("sign", _l("I sign: I have read this report")),
            SelectChoice("refuse", _l("I do not sign")),
        ],
        default="sign",
    )


class ForceCloseForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=2000)])
    copy_available_on = DateField(
        _l("Copy made available to the employee on"), validators=[DataRequired()]
    )


class AddendumForm(FlaskForm):
    text = TextAreaField(_l("Addendum"), validators=[DataRequired(), Length(max=10_000)])
