"""Administration forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length


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
