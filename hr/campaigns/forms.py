"""Campaign forms: the campaign itself (with its population criteria) and the small
forms of a running campaign."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from hr.campaigns import population
from hr.campaigns.models import Campaign
from hr.campaigns.population import Criteria
from hr.campaigns.services import date_order_problems
from hr.people.models import CONTRACT_LABELS, ContractType


class CheckboxesField(SelectMultipleField):
    """A multiple choice shown as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class CampaignForm(FlaskForm):
    name = StringField(
        _l("Name"), validators=[DataRequired(_l("Give the campaign a name.")), Length(max=200)]
    )
    interview_type = SelectField(
        _l("Interview type"), coerce=int, validators=[InputRequired(_l("Choose a type."))]
    )
    grid_version = SelectField(
        _l("Grid"),
        coerce=int,
        validators=[InputRequired(_l("Choose a grid."))],
        description=_l("Published versions only: a campaign never uses a draft."),
    )
    departments = SelectMultipleField(
        _l("Departments"),
        coerce=int,
        validators=[Optional()],
        description=_l("Their sub-departments and teams are included."),
    )
    sites = CheckboxesField(_l("Sites"), coerce=int, validators=[Optional()])
    contract_types = CheckboxesField(
        _l("Contracts"),
        choices=[SelectChoice(c.value, label) for c, label in CONTRACT_LABELS.items()],
        validators=[Optional()],
    )
    hired_before = DateField(
        _l("Hired before"),
        validators=[Optional()],
        description=_l("People hired on this date or later are not included."),
    )
    managers = TextAreaField(
        _l("Teams of these managers (employee numbers)"),
        validators=[Optional(), Length(max=5000)],
        description=_l(
            "One employee number per line (or separated by commas): everyone below these "
            "managers, directly or not."
        ),
    )
    opens_on = DateField(_l("Opening date"), validators=[InputRequired(_l("Give a date."))])
    preparation_deadline = DateField(_l("Preparation deadline"), validators=[Optional()])
    interview_deadline = DateField(
        _l("Interview deadline"), validators=[InputRequired(_l("Give a date."))]
    )
    signature_deadline = DateField(_l("Signature deadline"), validators=[Optional()])
    instructions_managers = TextAreaField(
        _l("Instructions for managers"), validators=[Optional(), Length(max=10000)]
    )
    instructions_employees = TextAreaField(
        _l("Instructions for employees"), validators=[Optional(), Length(max=10000)]
    )

    # Set by `prepare`: grid version id → interview type id; filled by validation.
    version_types: dict[int, int] = {}
    manager_ids: list[int] = []
    unknown_managers: list[str] = []

    def prepare(self, types, versions, departments, sites) -> CampaignForm:
        """Fill the choices (one list each, loaded by the caller)."""
        self.interview_type.choices = [(t.id, t.label) for t in types]
        labels = {t.id: t.label for t in types}
        groups: dict[str, list] = {}
        for v in versions:
            label = labels.get(v.grid.interview_type_id, "")
            groups.setdefault(label, []).append(
                (v.id, _l("%(grid)s — version %(n)d", grid=v.grid.name, n=v.number))
            )
        self.grid_version.choices = groups
        self.version_types = {v.id: v.grid.interview_type_id for v in versions}
        self.departments.choices = [(d.id, d.name) for d in departments]
        self.sites.choices = [(s.id, s.name) for s in sites]
        return self

    def validate_grid_version(self, field) -> None:
        type_id = self.version_types.get(field.data)
        if type_id is not None and type_id != self.interview_type.data:
            raise ValidationError(
                _l("This grid is for another kind of interview: choose one of its type's grids.")
            )

    def validate_managers(self, field) -> None:
        self.resolve_managers()
        if self.unknown_managers:
            raise ValidationError(
                _l(
                    "Unknown employee numbers: %(numbers)s",
                    numbers=", ".join(self.unknown_managers),
                )
            )

    def resolve_managers(self) -> None:
        found, self.unknown_managers = population.resolve_employee_numbers(
            population.split_numbers(self.managers.data)
        )
        self.manager_ids = list(found.values())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.opens_on.data and self.interview_deadline.data:
            problems = date_order_problems(
                self.opens_on.data,
                self.preparation_deadline.data,
                self.interview_deadline.data,
                self.signature_deadline.data,
            )
            for name, message in problems.items():
                getattr(self, name).errors.append(message)
                valid = False
        return valid

    def criteria(self) -> Criteria:
        """The population criteria as typed; unknown values are left out (validation
        reports them), so that a preview works on a half-filled form."""
        known_departments = {value for value, _label in self.departments.choices}
        known_sites = {value for value, _label in self.sites.choices}
        contracts = {c.value for c in ContractType}
        self.resolve_managers()
        return Criteria(
            department_ids=tuple(i for i in self.departments.data or () if i in known_departments),
            site_ids=tuple(i for i in self.sites.data or () if i in known_sites),
            contract_types=tuple(c for c in self.contract_types.data or () if c in contracts),
            hired_before=self.hired_before.data,
            manager_ids=tuple(self.manager_ids),
        )

    @staticmethod
    def initial(campaign: Campaign) -> dict:
        """The form's values for an existing campaign."""
        criteria = Criteria.from_json(campaign.population)
        return {
            "name": campaign.name,
            "interview_type": campaign.interview_type_id,
            "grid_version": campaign.grid_version_id,
            "departments": list(criteria.department_ids),
            "sites": list(criteria.site_ids),
            "contract_types": list(criteria.contract_types),
            "hired_before": criteria.hired_before,
            "managers": "\n".join(population.employee_numbers(criteria.manager_ids)),
            "opens_on": campaign.opens_on,
            "preparation_deadline": campaign.preparation_deadline,
            "interview_deadline": campaign.interview_deadline,
            "signature_deadline": campaign.signature_deadline,
            "instructions_managers": campaign.instructions_managers,
            "instructions_employees": campaign.instructions_employees,
        }


class PersonForm(FlaskForm):
    """Add or remove someone, by employee number."""

    employee_number = StringField(
        _l("Employee number"),
        validators=[DataRequired(_l("Give an employee number.")), Length(max=30)],
    )


class InterviewerForm(FlaskForm):
    interviewer_number = StringField(
        _l("Interviewer's employee number"),
        validators=[DataRequired(_l("Give an employee number.")), Length(max=30)],
    )


class VersionForm(FlaskForm):
    grid_version = SelectField(_l("Newer version"), coerce=int)


class CloseForm(FlaskForm):
    force = BooleanField(_l("Close even though some interviews are not finished"))
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=2000)])
