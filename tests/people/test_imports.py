"""plan_import / apply_import: what an import writes, what it refuses, and that a
refused import writes nothing at all."""

from __future__ import annotations

import random
from datetime import date

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.people.imports import ImportRefused, apply_import, plan_import
from hr.people.models import ContractType, Department, Employee, Site
from tests.factories import EmployeeFactory
from tests.people.helpers import (
    HEADER,
    audit_events,
    count,
    csv_bytes,
    employee,
    mapping_of,
    person,
    state,
    table_of,
    xlsx_bytes,
)

pytestmark = pytest.mark.usefixtures("english")  # messages asserted in English

TODAY = date(2025, 3, 14)


def plan(rows, full=False, header=HEADER, **mapping):
    table = table_of(csv_bytes(rows, header=header))
    return plan_import(table, mapping_of(table, **mapping), full_export=full)


def apply(rows, full=False, actor=None, header=HEADER, filename="export.csv", **mapping):
    content = csv_bytes(rows, header=header)
    if filename.endswith(".xlsx"):
        content = xlsx_bytes(rows, header=header)
    table = table_of(content, filename)
    return apply_import(
        actor,
        table,
        mapping_of(table, **mapping),
        full_export=full,
        today=TODAY,
        source="test import",
    )


def refused(rows, full=False, header=HEADER, **mapping):
    """Apply a file that must be refused: return its errors as (line, message)."""
    before = state()
    with pytest.raises(ImportRefused):
        apply(rows, full=full, header=header, **mapping)
    assert state() == before, "a refused import changed something"
    result = plan(rows, full=full, header=header, **mapping)
    return [(e.line, e.message) for e in result.errors]


TEAM = [
    person(
        "S100",
        "Lefèvre",
        "Zoé",
        manager="S001",  # her manager comes later in the file
        Emploi="Apprentie RH",
        Service="Ressources humaines",
        **{
            "Type de contrat": "Apprentissage",
            "Date de fin de contrat": "31/08/2026",
            "Temps de travail": "80 %",
        },
    ),
    person(
        "S001",
        "Martin",
        "Hélène",
        Emploi="Directrice administrative",
        Service="Administration",
        Site="Nantes",
        **{
            "Date d'entrée": "02/01/2015",
            "Date de naissance": "17/05/1975",
            "Forfait jours": "oui",
        },
    ),
    person(
        "S101",
        "Durand",
        "Paul",
        manager="S001",
        Service="Administration",
        Site="Nantes",
        **{"Type de contrat": "CDD", "Date de fin de contrat": "30/06/2025"},
    ),
]


# --- Creating --------------------------------------------------------------------


def test_import_creates_employees_with_every_field_parsed(db):
    result = apply(TEAM)

    assert result.summary()["created"] == 3
    assert (result.updated, result.unchanged, len(result.leaving)) == (0, 0, 0)
    helene, zoe, paul = employee("S001"), employee("S100"), employee("S101")
    assert (helene.first_name, helene.last_name) == ("Hélène", "Martin")
    assert helene.email == "s001@exemple.fr"
    assert helene.job_title == "Directrice administrative"
    assert helene.hire_date == date(2015, 1, 2)
    assert helene.birth_date == date(1975, 5, 17)
    assert helene.forfait_jours is True
    assert helene.contract_type == ContractType.CDI
    assert helene.work_time_percent == 100
    assert helene.manager_id is None
    assert zoe.contract_type == ContractType.APPRENTICESHIP
    assert zoe.contract_end_date == date(2026, 8, 31)
    assert zoe.work_time_percent == 80
    assert zoe.forfait_jours is False
    assert paul.contract_type == ContractType.CDD
    assert paul.contract_end_date == date(2025, 6, 30)


def test_managers_are_linked_by_number_even_when_they_come_later_in_the_file(db):
    apply(TEAM)

    helene = employee("S001")
    assert employee("S100").manager_id == helene.id
    assert employee("S101").manager_id == helene.id


def test_an_existing_employee_can_be_the_manager(db, company):
    ceo = company.employees["ceo"]

    apply([person("N001", "Petit", "Jean", manager=ceo.employee_number)])

    assert employee("N001").manager_id == ceo.id


def test_new_departments_and_sites_are_created_once(db):
    result = apply(TEAM)

    assert sorted(result.new_departments) == ["Administration", "Ressources humaines"]
    assert result.new_sites == ["Nantes"]
    admin = db.session.scalar(sa.select(Department).where(Department.name == "Administration"))
    nantes = db.session.scalar(sa.select(Site).where(Site.name == "Nantes"))
    assert employee("S001").department_id == admin.id == employee("S101").department_id
    assert employee("S001").site_id == nantes.id
    assert employee("S100").site_id is None


def test_department_spelled_differently_is_still_one_new_department(db):
    rows = [
        person("Q1", "Un", "A", Service="Qualité"),
        person("Q2", "Deux", "B", Service="QUALITE"),
        person("Q3", "Trois", "C", Service="qualité"),
    ]

    result = apply(rows)

    assert result.new_departments == ["Qualité"]
    departments = {employee(n).department_id for n in ("Q1", "Q2", "Q3")}
    assert len(departments) == 1 and None not in departments


def test_existing_departments_and_sites_match_by_name_or_code_ignoring_case(db, company):
    rows = [
        person("N1", "Un", "A", Service="production", Site="lyon"),
        person("N2", "Deux", "B", Service="RH", Site="LYO"),
    ]

    result = apply(rows)

    assert (result.new_departments, result.new_sites) == ([], [])
    assert employee("N1").department_id == company.department.id
    assert employee("N2").department.code == "RH"
    assert employee("N1").site_id == employee("N2").site_id == company.employees["ceo"].site_id


def test_each_created_employee_has_one_audit_event(db, company):
    hr_user = company.users["hr"]

    apply(TEAM, actor=hr_user)

    events = audit_events(AuditEvent.entity_type == "employee")
    assert sorted(e.entity_id for e in events) == sorted(
        str(employee(n).id) for n in ("S001", "S100", "S101")
    )
    assert {e.action for e in events} == {"create"}
    assert {(e.actor_id, e.reason) for e in events} == {(hr_user.id, "test import")}
    zoe = next(e for e in events if e.entity_id == str(employee("S100").id))
    assert zoe.changes["after"]["manager_id"] == employee("S001").id
    assert zoe.changes["after"]["contract_type"] == "apprentissage"
    created = audit_events(AuditEvent.action == "create", AuditEvent.entity_type != "employee")
    # "Ressources humaines" is the company's existing department: not created again.
    assert sorted((e.entity_type, e.changes["after"]["name"]) for e in created) == [
        ("department", "Administration"),
        ("site", "Nantes"),
    ]


def test_system_import_without_actor(db):
    apply(TEAM, actor=None)

    assert {e.actor_label for e in audit_events()} == {"system"}


def test_xlsx_import_with_typed_cells_then_reimport_changes_nothing(db):
    rows = [
        [1001, "Martin", "Hélène", "h.martin@exemple.fr", date(2015, 1, 2), 0.8, None, "CDI"],
        [1002, "Durand", "Paul", "p.durand@exemple.fr", date(2019, 9, 1), 1, 1001, "CDD"],
    ]
    header = ["Matricule", "Nom", "Prénom", "Email", "Date d'entrée", "Temps", "N+1", "Contrat"]
    mapping = {"work_time_percent": "Temps", "manager_number": "N+1"}

    first = apply(rows, header=header, filename="rh.xlsx", **mapping)
    events = count(AuditEvent)
    second = apply(rows, header=header, filename="rh.xlsx", **mapping)

    assert first.created == 2
    assert employee("1001").work_time_percent == 80
    assert employee("1001").hire_date == date(2015, 1, 2)
    assert employee("1002").manager_id == employee("1001").id
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert count(AuditEvent) == events


# --- Updating, re-importing, departures ------------------------------------------


def test_second_identical_import_changes_nothing_and_writes_no_audit_event(db):
    apply(TEAM)
    before = state()

    again = apply(TEAM)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert (again.new_departments, again.new_sites) == ([], [])
    assert state() == before


def test_cp1252_and_utf8_exports_of_the_same_data_are_the_same_import(db):
    table = table_of(csv_bytes(TEAM, encoding="cp1252"))
    apply_import(None, table, mapping_of(table), today=TODAY)

    again = plan(TEAM)  # UTF-8 now

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_changed_rows_are_updated_and_audited_with_the_changed_fields_only(db):
    apply(TEAM)
    helene_id = employee("S001").id
    events = count(AuditEvent)
    changed = [list(row) for row in TEAM]
    changed[1][HEADER.index("Emploi")] = "Directrice générale"
    changed[1][HEADER.index("Temps de travail")] = "90"

    result = apply(changed)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert employee("S001").job_title == "Directrice générale"
    assert employee("S001").work_time_percent == 90
    new_events = audit_events(AuditEvent.id > 0)[events:]
    assert [(e.action, e.entity_id) for e in new_events] == [("update", str(helene_id))]
    assert new_events[0].changes == {
        "before": {"job_title": "Directrice administrative", "work_time_percent": 100},
        "after": {"job_title": "Directrice générale", "work_time_percent": 90},
    }


def test_moving_an_employee_under_a_new_manager_from_the_same_file(db):
    apply(TEAM)
    rows = [*TEAM, person("S002", "Bernard", "Inès")]
    rows[2] = person("S101", "Durand", "Paul", manager="S002", Service="Administration")
    rows[2][HEADER.index("Site")] = "Nantes"
    rows[2][HEADER.index("Type de contrat")] = "CDD"
    rows[2][HEADER.index("Date de fin de contrat")] = "30/06/2025"

    result = apply(rows)

    assert (result.created, result.updated, result.unchanged) == (1, 1, 2)
    assert employee("S101").manager_id == employee("S002").id
    update = audit_events(AuditEvent.action == "update")
    assert [e.changes["after"] for e in update] == [{"manager_id": employee("S002").id}]


def test_existing_employee_with_an_empty_contract_cell_becomes_cdi_without_crashing(db):
    EmployeeFactory(employee_number="C1", email="c1@exemple.fr", contract_type=ContractType.CDD)
    row = person("C1", "Nom", "Prénom", email="c1@exemple.fr", **{"Type de contrat": ""})

    result = apply([row])

    assert result.updated == 1
    assert employee("C1").contract_type == ContractType.CDI


def test_partial_import_leaves_people_missing_from_the_file_alone(db, company):
    result = apply(TEAM)

    assert result.leaving == []
    assert all(e.left_on is None for e in company.employees.values())


def test_full_export_marks_missing_people_as_left_today(db, company):
    gone = company.employees["outsider"]
    EmployeeFactory(employee_number="OLD", left_on=date(2020, 1, 1))
    rows = [
        person(e.employee_number, e.last_name, e.first_name, email=e.email)
        for key, e in company.employees.items()
        if key != "outsider"
    ]

    result = apply(rows, full=True)

    assert [e.employee_number for e in result.leaving] == [gone.employee_number]
    assert result.summary()["left"] == 1
    assert employee(gone.employee_number).left_on == TODAY
    assert employee("OLD").left_on == date(2020, 1, 1)  # already gone: not counted again
    assert employee(company.employees["ceo"].employee_number).left_on is None
    leave = audit_events(AuditEvent.action == "leave")
    assert [(e.entity_type, e.entity_id) for e in leave] == [("employee", str(gone.id))]
    assert leave[0].changes == {"before": {"left_on": None}, "after": {"left_on": "2025-03-14"}}


def test_full_export_plan_lists_who_would_leave_without_writing(db, company):
    before = state()

    result = plan(TEAM, full=True)

    assert sorted(e.employee_number for e in result.leaving) == sorted(
        e.employee_number for e in company.employees.values()
    )
    assert state() == before
    assert all(e.left_on is None for e in company.employees.values())


def test_plan_has_no_side_effects(db, company):
    before = state()

    result = plan(TEAM)

    assert result.ok and result.created == 3
    assert not db.session.new and not db.session.dirty
    assert state() == before


# --- Refused imports: each error is specific, and nothing is written ---------------


def test_unknown_manager_number(db, company):
    rows = [*TEAM, person("S102", "Roux", "Léo", manager="S999")]

    errors = refused(rows)

    assert len(errors) == 1
    line, message = errors[0]
    assert line == 5
    assert "S999" in message and "manager" in message.lower()


def test_manager_whose_own_row_has_an_error_is_not_reported_unknown(db):
    rows = [
        person("M1", "Chef", "Ana", **{"Date d'entrée": "32/01/2020"}),
        person("M2", "Equipe", "Bob", manager="M1"),
    ]

    errors = refused(rows)

    assert [line for line, _message in errors] == [2]
    assert "32/01/2020" in errors[0][1]


def test_duplicate_employee_number_names_both_lines(db):
    rows = [*TEAM, person("S100", "Autre", "Personne", email="autre@exemple.fr")]

    errors = refused(rows)

    assert errors == [(5, errors[0][1])]
    assert "S100" in errors[0][1]
    assert "lines 2 and 5" in errors[0][1]


def test_duplicate_email_in_the_file(db):
    rows = [*TEAM, person("S102", "Roux", "Léo", email="S001@Exemple.fr")]

    errors = refused(rows)

    assert len(errors) == 1
    assert errors[0][0] == 5
    assert "s001@exemple.fr" in errors[0][1] and "lines 3 and 5" in errors[0][1]


def test_email_already_used_by_another_employee_number(db, company):
    taken = company.employees["employee"]
    rows = [person("N001", "Nouveau", "Nom", email=taken.email.upper())]

    errors = refused(rows)

    assert len(errors) == 1
    assert errors[0][0] == 2
    assert taken.email in errors[0][1] and taken.employee_number in errors[0][1]


def test_manager_cycle_in_the_file(db):
    rows = [
        person("A", "Alpha", "Anne", manager="B"),
        person("B", "Bravo", "Bob", manager="A"),
        person("C", "Charlie", "Chloé", manager="A"),
    ]

    errors = refused(rows)

    assert len(errors) == 1
    line, message = errors[0]
    assert line == 2
    assert "A → B → A" in message


def test_manager_cycle_through_an_employee_already_in_the_database(db, company):
    """The CEO, not in the file, would end up managed by someone below her."""
    ceo, manager = company.employees["ceo"], company.employees["manager"]
    rows = [
        person("N1", "Nouveau", "Nina", manager=manager.employee_number),
        person(ceo.employee_number, ceo.last_name, ceo.first_name, email=ceo.email, manager="N1"),
    ]

    errors = refused(rows)

    assert len(errors) == 1
    assert errors[0][0] == 2
    assert "N1" in errors[0][1] and ceo.employee_number in errors[0][1]
    assert "cycle" in errors[0][1].lower()


def test_employee_cannot_be_their_own_manager(db):
    errors = refused([person("A", "Alpha", "Anne", manager="A")])

    assert len(errors) == 1 and errors[0][0] == 2
    assert "own manager" in errors[0][1]


def test_deep_hierarchy_is_checked_quickly_and_a_long_cycle_is_found(db):
    chain = [person(f"P{i:04d}", "Nom", "Prénom", manager=f"P{i - 1:04d}") for i in range(1, 3000)]
    chain.insert(0, person("P0000", "Chef", "Ana", manager="P2999"))

    errors = plan(chain).errors

    assert len(errors) == 1
    assert errors[0].message.count("→") == 3000


def test_impossible_date(db):
    rows = [person("A", "Alpha", "Anne", **{"Date d'entrée": "31/02/2024"})]

    errors = refused(rows)

    assert len(errors) == 1
    line, message = errors[0]
    assert line == 2
    assert "31/02/2024" in message and "Hire date" in message


@pytest.mark.parametrize("email", ["", "   "])
def test_missing_email(db, email):
    errors = refused([*TEAM, person("N", "Nom", "Prénom", email=email)])

    assert errors == [(5, "Work e-mail is missing.")]


def test_invalid_email(db):
    errors = refused([person("N", "Nom", "Prénom", email="jean.dupont@")])

    assert len(errors) == 1
    assert errors[0][0] == 2
    assert "jean.dupont@" in errors[0][1] and "e-mail" in errors[0][1]


def test_unknown_contract_type(db):
    errors = refused([person("N", "Nom", "Prénom", **{"Type de contrat": "CDII"})])

    assert len(errors) == 1 and errors[0][0] == 2
    assert "CDII" in errors[0][1]


def test_bad_working_time_and_forfait(db):
    rows = [
        person("N1", "Un", "A", **{"Temps de travail": "0,001"}),
        person("N2", "Deux", "B", **{"Temps de travail": "120 %"}),
        person("N3", "Trois", "C", **{"Forfait jours": "peut-être"}),
    ]

    errors = refused(rows)

    assert [line for line, _m in errors] == [2, 3, 4]
    assert "0,001" in errors[0][1] and "120 %" in errors[1][1] and "peut-être" in errors[2][1]


def test_every_problem_of_a_row_is_reported(db):
    rows = [person("N", "", "Prénom", email="pas-un-mail", **{"Date d'entrée": "2024-02-30"})]

    errors = refused(rows)

    assert [line for line, _m in errors] == [2, 2, 2]
    text = " | ".join(message for _l, message in errors)
    assert "Last name is missing." in text
    assert "pas-un-mail" in text and "2024-02-30" in text


def test_too_long_employee_number(db):
    errors = refused([person("X" * 31, "Nom", "Prénom", email="x@exemple.fr")])

    assert len(errors) == 1 and "30" in errors[0][1]


def test_shifted_columns_are_refused(db):
    content = (
        "Matricule,Nom,Prénom,Email,Emploi,Service\n"
        "A1,Martin,Léa,a1@exemple.fr,Chef de projet, R&D,Production\n"
    ).encode()
    table = table_of(content)
    before = state()

    with pytest.raises(ImportRefused):
        apply_import(None, table, mapping_of(table))

    errors = plan_import(table, mapping_of(table)).errors
    assert [(e.line, "7" in e.message and "6" in e.message) for e in errors] == [(2, True)]
    assert state() == before


def test_missing_required_column(db):
    header = [h for h in HEADER if h != "E-mail"]
    rows = [[v for h, v in zip(HEADER, row, strict=True) if h != "E-mail"] for row in TEAM]

    errors = refused(rows, header=header)

    assert errors == [(None, "Choose the column for “Work e-mail”.")]


def test_mapping_to_a_column_that_is_not_in_the_file(db):
    errors = refused(TEAM, email="Courriel")

    assert errors == [(None, "Column “Courriel” is not in the file.")]


def test_one_column_for_two_fields(db):
    errors = refused(TEAM, job_title="Service")

    assert errors == [(None, "Column “Service” is chosen for two fields.")]


def test_header_only_file(db):
    errors = refused([])

    assert len(errors) == 1 and errors[0][0] is None
    assert "no data rows" in errors[0][1]


def test_errors_refuse_the_whole_file_even_with_valid_rows(db, company):
    """All or nothing: 3 good rows and one bad one create nobody, not even departments."""
    rows = [*TEAM, person("S102", "Roux", "Léo", **{"Date de naissance": "31/02/1990"})]

    errors = refused(rows, full=True)

    assert [line for line, _m in errors] == [5]
    assert count(Employee, Employee.employee_number.in_(["S001", "S100", "S101"])) == 0
    assert count(Department, Department.name == "Administration") == 0
    assert count(Employee, Employee.left_on.is_not(None)) == 0


# --- Volume ---------------------------------------------------------------------


def test_five_thousand_rows(db):
    rng = random.Random(7)
    managers = [
        person(f"M{i:02d}", f"Chef{i}", "Ana", Service=f"Service {i % 7}") for i in range(20)
    ]
    rows = managers + [
        person(
            f"E{i:05d}",
            f"Nom{i}",
            rng.choice(["Hélène", "Zoé", "Loïc", "Théo"]),
            manager=f"M{rng.randrange(20):02d}",
            Service=f"Service {i % 7}",
            Site=rng.choice(["Lyon", "Nantes", "Lille"]),
            **{"Temps de travail": rng.choice(["100", "80 %", "0,5"])},
        )
        for i in range(4980)
    ]
    content = csv_bytes(rows, encoding="cp1252")

    table = table_of(content)
    result = apply_import(None, table, mapping_of(table), today=TODAY)

    assert result.created == 5000
    assert count(Employee, Employee.employee_number.like("E%")) == 4980
    assert count(AuditEvent, AuditEvent.entity_type == "employee") == 5000
    assert count(Employee, Employee.manager_id.is_(None), Employee.employee_number.like("E%")) == 0
    assert len(result.new_departments) == 7 and len(result.new_sites) == 3
    assert plan_import(table, mapping_of(table)).unchanged == 5000
