"""The life of an interview, from planned to signed and kept, for every type."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.grids.models import BUILTIN_TYPES
from hr.interviews import services
from hr.interviews.models import Party, Status
from tests.interviews.helpers import END, START, new_interview, published_grid, question


def _hold_and_fill(company, interview):
    manager, employee = company.users["manager"], company.users["employee"]
    services.schedule(manager, interview, START, END, "Salle 2")
    services.open_preparation(manager, interview)
    services.save_answer(
        employee,
        interview,
        question(interview, "Réalisations"),
        Party.EMPLOYEE,
        "Projet X livré",
        0,
    )
    services.start(manager, interview)
    services.save_answer(
        manager,
        interview,
        question(interview, "Réalisations"),
        Party.MANAGER,
        "Très bon travail",
        0,
    )


@pytest.mark.parametrize("type_code", sorted(BUILTIN_TYPES))
def test_full_life_for_every_type(db, company, type_code):
    from tests.grids.helpers import text

    sections = [("Bilan", False, [text("Réalisations", required=True)])]
    version = published_grid(company.users["hr"], type_code, sections)
    interview = new_interview(company, type_code, version)
    assert interview.status == Status.TO_SCHEDULE
    assert interview.interviewer_id == company.employees["manager"].id  # the manager by default
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    services.sign_as_interviewer(company.users["manager"], interview)
    services.sign_as_employee(company.users["employee"], interview, "Lu.", False)
    assert interview.status == Status.SIGNED and interview.locked
    assert interview.locked_at is not None and interview.copy_available_on == date.today()
    signatures = {s.role: s for s in interview.signatures}
    assert len(signatures["interviewer"].content_hash) == 64
    assert signatures["employee"].content_hash == signatures["interviewer"].content_hash
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(
            AuditEvent.entity_type == "interview", AuditEvent.entity_id == str(interview.id)
        )
    ).all()
    for action in (
        "create",
        "schedule",
        "open_preparation",
        "start",
        "answer",
        "request_signatures",
        "sign_interviewer",
        "sign_employee",
    ):
        assert action in actions


def test_illegal_transitions_are_refused_with_a_message(db, company):
    interview = new_interview(company)
    manager = company.users["manager"]
    with pytest.raises(services.InterviewError, match="not possible"):
        services.request_signatures(manager, interview)
    with pytest.raises(services.InterviewError):
        services.sign_as_interviewer(manager, interview)
    services.schedule(manager, interview, START, END)
    with pytest.raises(services.InterviewError, match="end after"):
        services.schedule(manager, interview, END, START)
    services.start(manager, interview)
    with pytest.raises(services.InterviewError, match="Required answers"):
        services.request_signatures(manager, interview)
    with pytest.raises(services.InterviewError):
        services.decline(manager, interview, date(2026, 12, 1))
    assert interview.status == Status.HELD


def test_rescheduling_bumps_the_sequence_and_keeps_the_status(db, company):
    interview = new_interview(company)
    manager = company.users["manager"]
    services.schedule(manager, interview, START, END)
    services.open_preparation(manager, interview)
    sequence = interview.sequence
    services.schedule(manager, interview, START.replace(hour=14), END.replace(hour=15), "Visio")
    assert interview.status == Status.IN_PREPARATION
    assert interview.sequence == sequence + 1


def test_cancel_needs_a_reason_and_decline_keeps_the_offer_date(db, company):
    manager = company.users["manager"]
    cancelled = new_interview(company)
    with pytest.raises(services.InterviewError):
        services.cancel(manager, cancelled, "  ")
    services.cancel(manager, cancelled, "Départ du salarié")
    assert cancelled.status == Status.CANCELLED and cancelled.cancel_reason == "Départ du salarié"
    from tests.grids.helpers import text

    career = published_grid(company.users["hr"], "career", [("Projet", False, [text("Souhaits")])])
    offered = new_interview(company, "career", career)
    services.decline(manager, offered, date(2026, 12, 2), "Ne souhaite pas d'entretien")
    assert offered.status == Status.DECLINED
    assert offered.declined_on == date(2026, 12, 2) and offered.offered_on is not None


def test_employee_refuses_to_sign_and_the_interview_is_closed(db, company):
    interview = new_interview(company)
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    with pytest.raises(services.InterviewError, match="signs first"):
        services.sign_as_employee(company.users["employee"], interview)
    services.sign_as_interviewer(company.users["manager"], interview)
    services.sign_as_employee(
        company.users["employee"], interview, "Je conteste le bilan.", refuse=True
    )
    assert interview.status == Status.CLOSED and interview.locked
    refusal = [s for s in interview.signatures if s.role == "employee"][0]
    assert refusal.refused and refusal.comment == "Je conteste le bilan."


def test_hr_force_closes_after_the_deadline(db, company):
    interview = new_interview(company)
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    with pytest.raises(PermissionError):
        services.force_close(company.users["manager"], interview, "Délai", date(2027, 1, 15))
    services.force_close(
        company.users["hr"], interview, "Délai de signature dépassé", date(2027, 1, 15)
    )
    assert interview.status == Status.CLOSED
    assert interview.copy_available_on == date(2027, 1, 15)


def test_reopen_drops_the_signatures_given(db, company):
    interview = new_interview(company)
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    services.sign_as_interviewer(company.users["manager"], interview)
    services.reopen(company.users["manager"], interview, "Oubli d'un point")
    db.session.expire(interview, ["signatures"])
    assert interview.status == Status.HELD and interview.signatures == []


def test_addendum_after_lock_never_edits(db, company):
    interview = new_interview(company)
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    with pytest.raises(services.InterviewError):
        services.add_addendum(company.users["manager"], interview, "Trop tôt")
    services.sign_as_interviewer(company.users["manager"], interview)
    services.sign_as_employee(company.users["employee"], interview)
    with pytest.raises(PermissionError):
        services.save_answer(
            company.users["manager"],
            interview,
            question(interview, "Réalisations"),
            Party.MANAGER,
            "Modifié",
            1,
        )
    addendum = services.add_addendum(
        company.users["manager"], interview, "Correction : le projet X a été livré en avril."
    )
    db.session.flush()
    db.session.expire(interview, ["signatures"])
    signed = [s for s in interview.signatures if s.addendum_id == addendum.id]
    assert len(signed) == 1 and len(signed[0].content_hash) == 64
    answer = [a for a in interview.answers if a.party == Party.MANAGER][0]
    assert answer.value == "Très bon travail"


def test_extra_validation_by_hr(db, company):
    from tests.grids.helpers import interview_type

    interview_type("annual").extra_validation = "hr"
    interview = new_interview(company)
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    services.sign_as_interviewer(company.users["manager"], interview)
    services.sign_as_employee(company.users["employee"], interview)
    assert interview.status == Status.AWAITING_VALIDATION and not interview.locked
    with pytest.raises(PermissionError):
        services.validate(company.users["skip"], interview)
    services.validate(company.users["hr"], interview)
    assert interview.status == Status.SIGNED and interview.locked


def test_creating_needs_a_published_grid_and_a_right_to_act(db, company):
    from tests.grids.helpers import interview_type

    with pytest.raises(services.InterviewError, match="No published grid"):
        services.create_interview(
            company.users["hr"], company.employees["employee"], interview_type("mobility")
        )
    with pytest.raises(PermissionError):
        services.create_interview(
            company.users["employee"], company.employees["peer"], interview_type("annual")
        )


def test_hr_closes_only_after_the_campaigns_signature_deadline(db, company):
    from datetime import timedelta

    from hr.campaigns.models import Campaign

    interview = new_interview(company)
    campaign = Campaign(
        name="Annuel",
        interview_type_id=interview.interview_type_id,
        grid_version_id=interview.grid_version_id,
        opens_on=date(2026, 1, 5),
        interview_deadline=date(2026, 12, 31),
        signature_deadline=date.today() + timedelta(days=3),
    )
    db.session.add(campaign)
    db.session.flush()
    interview.campaign_id = campaign.id
    _hold_and_fill(company, interview)
    services.request_signatures(company.users["manager"], interview)
    with pytest.raises(services.InterviewError, match="has not passed"):
        services.force_close(
            company.users["hr"], interview, "Relances restées vaines", date.today()
        )
    campaign.signature_deadline = date.today() - timedelta(days=1)
    services.force_close(company.users["hr"], interview, "Relances restées vaines", date.today())
    assert interview.status == Status.CLOSED
