"""The fields an HR export can fill, the column names French HR systems use for them,
and the parsers that turn a cell into a value (or a message saying why not)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hr.people.models import ContractType, normalize


class CellError(ValueError):
    """A cell's value cannot be used; the message says why."""


@dataclass(frozen=True)
class Field:
    name: str
    label: object  # lazy string
    required: bool
    synonyms: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field(
        "employee_number",
        _l("Employee number"),
        True,
        (
            "matricule",
            "matricule salarie",
            "n salarie",
            "numero salarie",
            "employee number",
            "employee id",
            "id salarie",
            "numero de matricule",
        ),
    ),
    Field("last_name", _l("Last name"), True, ("nom", "nom de famille", "nom usuel", "last name")),
    Field("first_name", _l("First name"), True, ("prenom", "first name")),
    Field(
        "email",
        _l("Work e-mail"),
        True,
        (
            "email",
            "e mail",
            "mail",
            "courriel",
            "email professionnel",
            "adresse email",
            "adresse e mail",
            "work email",
        ),
    ),
    Field(
        "job_title",
        _l("Job title"),
        False,
        (
            "emploi",
            "poste",
            "intitule de poste",
            "intitule du poste",
            "fonction",
            "job title",
            "libelle emploi",
        ),
    ),
    Field(
        "department",
        _l("Department"),
        False,
        ("service", "departement", "department", "unite", "code service"),
    ),
    Field(
        "site", _l("Site"), False, ("site", "etablissement", "lieu de travail", "site de travail")
    ),
    Field(
        "manager_number",
        _l("Manager's employee number"),
        False,
        (
            "matricule manager",
            "matricule du manager",
            "manager",
            "matricule n 1",
            "n 1",
            "matricule responsable",
            "responsable",
            "manager number",
            "manager employee number",
        ),
    ),
    Field(
        "hire_date",
        _l("Hire date"),
        False,
        (
            "date d entree",
            "date entree",
            "date d embauche",
            "date embauche",
            "hire date",
            "date d anciennete",
        ),
    ),
    Field(
        "birth_date",
        _l("Birth date"),
        False,
        ("date de naissance", "naissance", "birth date", "date of birth"),
    ),
    Field(
        "contract_type",
        _l("Contract type"),
        False,
        ("type de contrat", "contrat", "nature du contrat", "contract type", "contract"),
    ),
    Field(
        "contract_end_date",
        _l("Contract end date"),
        False,
        ("date de fin de contrat", "fin de contrat", "date fin contrat", "contract end date"),
    ),
    Field(
        "probation_end_date",
        _l("Probation end date"),
        False,
        (
            "fin de periode d essai",
            "date de fin de periode d essai",
            "fin periode essai",
            "probation end date",
        ),
    ),
    Field(
        "forfait_jours",
        _l("Days-based contract (forfait jours)"),
        False,
        ("forfait jours", "forfait jour", "forfait", "days based contract"),
    ),
    Field(
        "work_time_percent",
        _l("Working time (%)"),
        False,
        (
            "temps de travail",
            "taux d activite",
            "temps partiel",
            "taux temps partiel",
            "working time",
            "part time ratio",
        ),
    ),
    Field(
        "left_on",
        _l("Departure date"),
        False,
        ("date de sortie", "date de depart", "sortie", "left date", "departure date"),
    ),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}


def header_key(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", normalize(header)).split())


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """field name → header, for the headers whose name is a known synonym."""
    by_key = {header_key(h): h for h in headers if h}
    mapping = {}
    for field in FIELDS:
        for synonym in (field.name.replace("_", " "), *field.synonyms):
            if synonym in by_key and by_key[synonym] not in mapping.values():
                mapping[field.name] = by_key[synonym]
                break
    return mapping


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


def parse_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a valid date (expected DD/MM/YYYY).", value=value))


CONTRACTS = {
    "cdi": ContractType.CDI,
    "contrat a duree indeterminee": ContractType.CDI,
    "cdd": ContractType.CDD,
    "contrat a duree determinee": ContractType.CDD,
    "apprentissage": ContractType.APPRENTICESHIP,
    "apprenti": ContractType.APPRENTICESHIP,
    "contrat d apprentissage": ContractType.APPRENTICESHIP,
    "professionnalisation": ContractType.PROFESSIONALISATION,
    "contrat de professionnalisation": ContractType.PROFESSIONALISATION,
    "contrat pro": ContractType.PROFESSIONALISATION,
    "stage": ContractType.INTERNSHIP,
    "stagiaire": ContractType.INTERNSHIP,
    "interim": ContractType.TEMPORARY,
    "interimaire": ContractType.TEMPORARY,
}


def parse_contract(value) -> ContractType:
    if value is None:
        return ContractType.CDI  # as for a new employee; the column cannot be empty
    contract = CONTRACTS.get(header_key(str(value)))
    if contract is None:
        raise CellError(
            _(
                "Unknown contract type “%(value)s” (CDI, CDD, apprentissage, "
                "professionnalisation, stage, intérim).",
                value=value,
            )
        )
    return contract


TRUE_WORDS = {"oui", "o", "yes", "y", "1", "x", "vrai", "true"}
FALSE_WORDS = {"non", "n", "no", "0", "faux", "false"}


def parse_bool(value) -> bool:
    if value is None:
        return False
    key = header_key(str(value))
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError(_("“%(value)s” is not yes/no (oui/non).", value=value))


def parse_percent(value) -> int:
    if value is None:
        return 100
    text = str(value).replace("%", "").replace(",", ".").strip()
    try:
        number = float(text)
    except ValueError:
        raise CellError(_("“%(value)s” is not a working time percentage.", value=value)) from None
    if 0 < number <= 1:
        number *= 100
    if not 1 <= number <= 100:  # also rules out NaN and whatever would round to 0
        raise CellError(
            _("Working time must be between 1 and 100 %%, not “%(value)s”.", value=value)
        )
    return round(number)


def parse_email(value) -> str | None:
    if value is None:
        return None  # reported as missing, not as the invalid address "None"
    try:
        # test_environment: accept "@….test" addresses, as the demo company's are.
        result = validate_email(str(value), check_deliverability=False, test_environment=True)
        return result.normalized.lower()
    except EmailNotValidError:
        raise CellError(_("“%(value)s” is not a valid e-mail address.", value=value)) from None


def parse_text(limit: int):
    def parser(value) -> str | None:
        if value is None:
            return None
        text = str(value).strip()
        if len(text) > limit:
            raise CellError(_("Too long (%(n)d characters at most).", n=limit))
        return text

    return parser


PARSERS = {
    "employee_number": parse_text(30),
    "last_name": parse_text(100),
    "first_name": parse_text(100),
    "email": parse_email,
    "job_title": parse_text(150),
    "department": parse_text(150),
    "site": parse_text(150),
    "manager_number": parse_text(30),
    "hire_date": parse_date,
    "birth_date": parse_date,
    "contract_type": parse_contract,
    "contract_end_date": parse_date,
    "probation_end_date": parse_date,
    "forfait_jours": parse_bool,
    "work_time_percent": parse_percent,
    "left_on": parse_date,
}
