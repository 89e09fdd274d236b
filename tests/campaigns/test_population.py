"""Population criteria, each on its own and combined, resolved in SQL with the reason
each person is in; people who left are out; people without a manager are listed."""

from __future__ import annotations

from datetime import date

import pytest

from hr.campaigns import population
from hr.campaigns.population import Criteria
from tests.campaigns import make_org
from tests.query_counter import count_queries


@pytest.fixture
def org(db, company):
    return make_org()


def _ids(criteria: Criteria) -> set[int]:
    return {emp for emp, _mgr in population.interview_rows(criteria)}


def _org_only(org, ids: set[int]) -> set[str]:
    names = {p.id: name for name, p in org.people.items()}
    return {names[i] for i in ids if i in names}


def test_department_includes_its_sub_departments(org):
    d = org.departments
    ids = _ids(Criteria(department_ids=(d["DIR"].id,)))
    assert ids == org.ids("boss", "m1", "a", "b", "c", "e", "nohire")  # "gone" has left
    assert _ids(Criteria(department_ids=(d["SVC"].id,))) == org.ids(
        "m1", "a", "b", "c", "e", "nohire"
    )
    assert _ids(Criteria(department_ids=(d["TEAM"].id,))) == org.ids("a", "b", "e", "nohire")
    both = _ids(Criteria(department_ids=(d["TEAM"].id, d["OTHER"].id)))
    assert both == org.ids("a", "b", "e", "nohire", "d", "orphan")


def test_site(org):
    ids = _ids(Criteria(site_ids=(org.sites["PAR"].id,)))
    assert ids == org.ids("b", "c")


def test_contract_type(org):
    ids = _ids(Criteria(contract_types=("cdd",)))
    assert _org_only(org, ids) == {"b"}
    assert org.ids("a", "c") <= _ids(Criteria(contract_types=("cdi",)))


def test_hired_before(org):
    ids = _ids(Criteria(hired_before=date(2019, 9, 2), department_ids=(org.departments["DIR"].id,)))
    # strictly before; unknown hire dates are not in (they are listed apart)
    assert ids == org.ids("boss", "m1", "a", "e")
    ids = _ids(Criteria(hired_before=date(2019, 9, 3), department_ids=(org.departments["DIR"].id,)))
    assert ids == org.ids("boss", "m1", "a", "c", "e")


def test_managers_take_their_whole_team_below_them(org):
    p = org.people
    assert _ids(Criteria(manager_ids=(p["m1"].id,))) == org.ids("a", "b", "c", "nohire", "e")
    assert _ids(Criteria(manager_ids=(p["boss"].id,))) == org.ids(
        "m1", "a", "b", "c", "d", "nohire", "e"
    )


def test_criteria_combine_with_and(org):
    d, s = org.departments, org.sites
    criteria = Criteria(
        department_ids=(d["SVC"].id,),
        site_ids=(s["LYO"].id,),
        contract_types=("cdi",),
        hired_before=date(2020, 1, 1),
        manager_ids=(org.people["m1"].id,),
    )
    assert _ids(criteria) == org.ids("a", "e")


def test_nobody_who_left_is_ever_in(org):
    gone = org.people["gone"].id
    assert gone not in _ids(Criteria())
    assert gone not in _ids(Criteria(department_ids=(org.departments["TEAM"].id,)))
    assert gone not in _ids(Criteria(manager_ids=(org.people["m1"].id,)))


def test_interviewer_is_the_manager_unless_none_or_gone(org):
    p = org.people
    rows = dict(population.interview_rows(Criteria(department_ids=(org.departments["DIR"].id,))))
    assert rows[p["a"].id] == p["m1"].id
    assert rows[p["m1"].id] == p["boss"].id
    assert rows[p["boss"].id] is None  # no manager
    assert rows[p["e"].id] is None  # manager has left


def test_preview_gives_counts_reasons_and_the_people_without_manager(org):
    d, p = org.departments, org.people
    criteria = Criteria(department_ids=(d["DIR"].id, d["OTHER"].id), hired_before=date(2020, 1, 1))
    result = population.preview(criteria)
    names = {r.id: r for r in result.rows}
    assert result.total == 7  # boss m1 a c d orphan e (no b: 2023; nohire: unknown)
    assert result.without_manager_count == 3
    assert {r.id for r in result.without_manager} == org.ids("boss", "orphan", "e")
    assert set(names) == org.ids("m1", "a", "c", "d")
    # why: the selected department they fall under, and their own unit
    assert names[p["a"].id].department_root_id == d["DIR"].id
    assert names[p["a"].id].department_name == "Équipe test"
    assert names[p["d"].id].department_root_id == d["OTHER"].id
    assert result.labels["departments"][d["DIR"].id] == "Direction test"
    e_row = next(r for r in result.without_manager if r.id == p["e"].id)
    assert e_row.manager_id == p["gone"].id  # shown as "manager has left"
    assert {r.id for r in result.missing_hire_date} == org.ids("nohire")


def test_preview_team_reason_names_the_manager(org):
    p = org.people
    result = population.preview(Criteria(manager_ids=(p["boss"].id,)))
    rows = {r.id: r for r in result.rows}
    assert rows[p["a"].id].team_root_id == p["boss"].id
    assert result.labels["managers"][p["boss"].id] == p["boss"].full_name


def test_preview_costs_the_same_number_of_queries_whatever_the_size(org):
    criteria = Criteria(department_ids=(org.departments["DIR"].id,), hired_before=date(2030, 1, 1))
    with count_queries() as small:
        population.preview(criteria)
    from tests.campaigns import make_staff

    make_staff(300, org.departments["TEAM"], org.people["m1"], "Q")
    make_staff(20, org.departments["TEAM"], None, "R")
    with count_queries() as big:
        result = population.preview(criteria)
    assert result.total > 320
    assert len(big) == len(small) <= 6


def test_employee_numbers_are_resolved_and_unknown_ones_reported(org):
    found, unknown = population.resolve_employee_numbers(
        population.split_numbers("C002, C001;\nNOPE  C002")
    )
    assert found == {"C002": org.people["m1"].id, "C001": org.people["boss"].id}
    assert unknown == ["NOPE"]


def test_criteria_round_trip_through_json():
    criteria = Criteria((3, 1), (2,), ("cdd",), date(2024, 1, 1), (9,))
    assert Criteria.from_json(criteria.to_json()) == Criteria(
        (1, 3), (2,), ("cdd",), date(2024, 1, 1), (9,)
    )
    assert Criteria.from_json({}).everyone
