"""Administration forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from hr.calendars.holidays import SUBDIVISIONS

WEEKDAYS = [
    SelectChoice(1, _l("Monday")),
    SelectChoice(2, _l("Tuesday")),
    SelectChoice(3, _l("Wednesday")),
    SelectChoice(4, _l("Thursday")),
    SelectChoice(5, _l("Friday")),
    SelectChoice(6, _l("Saturday")),
    SelectChoice(7, _l("Sunday")),
]


class CreateAccountForm(FlaskForm):
    employee_number = StringField(
        _l("Employee number"), validators=[DataRequired(), Length(max=30)]
    )
    is_hr = BooleanField(_l("HR"))
    is_admin = BooleanField(_l("Administrator"))


class AccountForm(FlaskForm):
    is_hr = BooleanField(_l("HR"))
    is_admin = BooleanField(_l("Administrator"))
    active = BooleanField(_l("Active"))


class SettingsForm(FlaskForm):
    company_name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=150)])
    timezone = SelectField(
        _l("Time zone"),
        choices=[
            SelectChoice(tz)
            for tz in (
                "Europe/Paris",
                "America/Cayenne",
                "America/Martinique",
                "Indian/Reunion",
                "Pacific/Noumea",
            )
        ],
    )
    # Calendar scheduling warns outside these hours and days, and on public holidays.
    work_day_start = TimeField(_l("Working day starts at"), validators=[Optional()])
    work_day_end = TimeField(_l("Working day ends at"), validators=[Optional()])
    working_days = SelectMultipleField(
        _l("Working days"),
        choices=WEEKDAYS,
        coerce=int,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    holiday_subdivision = SelectField(
        _l("Public holidays"), choices=[SelectChoice(k, v) for k, v in SUBDIVISIONS.items()]
    )
    # Legal compliance (hr.compliance): thresholds, cadence and options of the rules.
    company_headcount = IntegerField(
        _l("Company headcount for the legal thresholds"),
        validators=[Optional(), NumberRange(min=1, max=1_000_000)],
    )
    career_interval_months = IntegerField(
        _l("Career interview interval (months)"),
        validators=[Optional(), NumberRange(min=1, max=48)],
    )
    return_always_offer_parental = BooleanField(
        _l("Always offer the career interview after maternity or parental leave")
    )
    mid_career_age = IntegerField(
        _l("Age of the mid-career occupational-health visit"),
        validators=[Optional(), NumberRange(min=40, max=55)],
    )

    def __init__(self, *args, data=None, **kwargs):
        data = dict(data or {})
        for key in ("work_day_start", "work_day_end"):
            if isinstance(data.get(key), str):
                from hr.calendars.scheduling import parse_hhmm

                data[key] = parse_hhmm(data[key], None)
        super().__init__(*args, data=data, **kwargs)

    def validate_work_day_end(self, field):
        if self.work_day_start.data and field.data and field.data <= self.work_day_start.data:
            raise ValidationError(_l("The working day must end after it starts."))

    def values(self) -> dict:
        """The settings to store, as plain JSON values. Fields left empty (or not sent,
        as by older clients and scripts) keep their current value."""
        values = {"company_name": self.company_name.data.strip(), "timezone": self.timezone.data}
        if self.work_day_start.data:
            values["work_day_start"] = self.work_day_start.data.strftime("%H:%M")
        if self.work_day_end.data:
            values["work_day_end"] = self.work_day_end.data.strftime("%H:%M")
        if self.working_days.data:
            values["working_days"] = sorted(set(self.working_days.data))
        if self.holiday_subdivision.raw_data:
            values["holiday_subdivision"] = self.holiday_subdivision.data
        if self.career_interval_months.raw_data is not None:  # the compliance fields were sent
            values["company_headcount"] = self.company_headcount.data
            values["return_always_offer_parental"] = self.return_always_offer_parental.data
            if self.career_interval_months.data:
                values["career_interval_months"] = self.career_interval_months.data
            if self.mid_career_age.data:
                values["mid_career_age"] = self.mid_career_age.data
        return values
