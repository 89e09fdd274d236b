"""Forms of the people domain."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, RadioField
from wtforms.fields.choices import SelectChoice


class EmptyForm(FlaskForm):
    """A CSRF-protected form whose fields are read by the view (column mapping)."""


class ImportUploadForm(FlaskForm):
    file = FileField(
        _l("HR export file (CSV or XLSX)"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["csv", "txt", "xlsx"], _l("Upload a .csv or .xlsx file.")),
        ],
    )
    mode = RadioField(
        _l("What the file holds"),
        choices=[
            SelectChoice(
                "partial",
                _l(
                    "Part of the staff: create and update these employees, leave the others as they are"
                ),
            ),
            SelectChoice(
                "full", _l("The full export: employees missing from it will be marked as departed")
            ),
        ],
        default="partial",
    )


class ImportApplyForm(FlaskForm):
    confirm_full = BooleanField(
        _l("I confirm that the employees listed will be marked as departed today.")
    )
