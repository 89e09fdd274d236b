"""Interview blocks: objectives (review and new), training requests, decisions and
follow-up actions; their routes (htmx fragment or no-JS redirect), the follow-up pages,
permissions and the audit trail."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from hr.audit.models import AuditEvent
from hr.grids import services as grid_services
from hr.grids.models import QuestionKind
from hr.interviews import blocks, services
from hr.interviews.models import (
    ActionStatus,
    FollowUpAction,
    Objective,
    ObjectiveStatus,
    Status,
    TrainingStatus,
)
from hr.interviews.services import InterviewError
from tests.grids.helpers import interview_type, make_grid, text
from tests.query_counter import count_queries

HX = {"HX-Request": "true", "Accept-Language": "en"}
EN = {"Accept-Language": "en"}
LATER = date.today() + timedelta(days=200)


# --- building interviews ---------------------------------------------------------------


@pytest.fixture(autouse=True)
def english(app):
    """Service messages (made outside a request) in English."""
    with force_locale("en"):
        yield


@pytest.fixture
def grids(db, company):
    """A published grid with the four blocks for the interview types used here."""
    hr = company.users["hr"]
    for code in ("annual", "mobility", "corrective"):
        grid = make_grid(
            hr,
            code,
            sections=[
                (
                    "Suivi",
                    False,
                    [
                        text(
                            "Revue des objectifs", kind="objectives_review", answered_by="together"
                        ),
                        text("Nouveaux objectifs", kind="new_objectives", answered_by="together"),
                        text("Formations souhaitées", kind="training_requests"),
                        text("Décisions", kind="decisions", answered_by="manager"),
                    ],
                )
            ],
        )
        grid_services.publish(hr, grid.versions[0])
    db.session.commit()


def question(interview, kind: QuestionKind):
    return next(
        q
        for s in interview.grid_version.sections
        for q in s.questions
        if QuestionKind(q.kind) == kind
    )


def interview(company, code="annual", status=Status.HELD, employee="employee"):
    """An interview of `code` for the employee, conducted by their manager, brought to
    `status` (to_schedule, scheduled or held) through the services."""
    hr = company.users["hr"]
    iv = services.create_interview(hr, company.employees[employee], interview_type(code))
    if status in (Status.SCHEDULED, Status.HELD):
        start = datetime.now(UTC) + timedelta(days=1)
        services.schedule(hr, iv, start, start + timedelta(hours=1), location="Salle 2")
    if status == Status.HELD:
        services.start(hr, iv)
    return iv


def lock(company, iv) -> None:
    manager, employee = company.users["manager"], company.users["employee"]
    services.request_signatures(manager, iv)
    services.sign_as_interviewer(manager, iv)
    services.sign_as_employee(employee, iv)
    assert iv.status == Status.SIGNED


def events(db, action: str, entity_type: str) -> list[AuditEvent]:
    return db.session.scalars(
        sa.select(AuditEvent)
        .where(AuditEvent.action == action, AuditEvent.entity_type == entity_type)
        .order_by(AuditEvent.id)
    ).all()


# --- objectives: the review block ------------------------------------------------------


def test_open_objectives_of_a_locked_interview_come_back_in_the_next_one_of_its_type(
    db, company, grids
):
    manager = company.users["manager"]
    first = interview(company)
    a = blocks.add_objective(manager, first, "Réduire les délais", indicator="délai moyen")
    b = blocks.add_objective(manager, first, "Former un apprenti", target_date=LATER, weight=40)
    lock(company, first)
    mobility = interview(company, "mobility")
    m = blocks.add_objective(manager, mobility, "Prendre le poste")
    lock(company, mobility)
    unlocked = interview(company)  # held, never signed: its objectives are not set yet
    blocks.add_objective(manager, unlocked, "Objectif pas encore signé")
    services.cancel(manager, unlocked, "Reporté")
    db.session.commit()

    nxt = interview(company)
    loaded = blocks.load_for(nxt)
    assert [o.id for o in loaded["previous_objectives"]] == [a.id, b.id]
    assert loaded["objectives"] == [] and loaded["trainings"] == [] and loaded["actions"] == []
    assert set(loaded["origins"]) == {first.id}
    assert [
        o.id for o in blocks.load_for(interview(company, "mobility"))["previous_objectives"]
    ] == [m.id]


def test_a_review_changes_the_objective_only_when_the_interview_is_locked(db, company, grids):
    manager = company.users["manager"]
    first = interview(company)
    a = blocks.add_objective(manager, first, "Réduire les délais")
    b = blocks.add_objective(manager, first, "Former un apprenti")
    lock(company, first)
    second = interview(company)
    blocks.review_objective(manager, second, a, "achieved", "  Délais divisés par deux ")
    blocks.review_objective(manager, second, b, "dropped", None)
    assert (a.status, a.review_status, a.review_comment) == (
        ObjectiveStatus.OPEN,
        ObjectiveStatus.ACHIEVED,
        "Délais divisés par deux",
    )
    blocks.review_objective(manager, second, b, "", None)  # withdrawn
    assert b.review_status is None and b.reviewed_in_id is None
    blocks.review_objective(manager, second, b, "not_achieved", "Pas de candidat")
    services.request_signatures(manager, second)
    with pytest.raises(InterviewError, match="no longer be changed"):
        blocks.review_objective(manager, second, b, "achieved", None)
    assert a.status == ObjectiveStatus.OPEN  # awaiting signature: not yet
    services.sign_as_interviewer(manager, second)
    services.sign_as_employee(company.users["employee"], second)
    assert (a.status, b.status) == (ObjectiveStatus.ACHIEVED, ObjectiveStatus.NOT_ACHIEVED)
    # The locked interview's report still shows what it reviewed; the next has nothing left.
    assert [o.id for o in blocks.load_for(second)["previous_objectives"]] == [a.id, b.id]
    assert blocks.load_for(interview(company))["previous_objectives"] == []
    applied = events(db, "apply_review", "objective")
    assert [(e.entity_id, e.changes["after"]["status"]) for e in applied] == [
        (str(a.id), "achieved"),
        (str(b.id), "not_achieved"),
    ]
    assert len(events(db, "review", "objective")) == 4


def test_applying_reviews_at_lock_keeps_the_signed_fingerprint(db, company, grids):
    manager = company.users["manager"]
    first = interview(company)
    objective = blocks.add_objective(manager, first, "Réduire les délais")
    lock(company, first)
    second = interview(company)
    blocks.review_objective(manager, second, objective, "achieved", "Fait")
    lock(company, second)
    assert all(s.content_hash == services.content_hash(second) for s in second.signatures)


def test_only_earlier_objectives_of_the_employee_may_be_reviewed(db, company, grids):
    manager = company.users["manager"]
    mobility = interview(company, "mobility")
    m = blocks.add_objective(manager, mobility, "Prendre le poste")
    lock(company, mobility)
    annual = interview(company)
    own = blocks.add_objective(manager, annual, "Objectif de cet entretien")
    for objective in (m, own):
        with pytest.raises(InterviewError, match="not one to review"):
            blocks.review_objective(manager, annual, objective, "achieved", None)
    first = interview(company)
    a = blocks.add_objective(manager, first, "Réduire les délais")
    lock(company, first)
    with pytest.raises(InterviewError, match="how far"):
        blocks.review_objective(manager, annual, a, "open", None)
    with pytest.raises(PermissionError):
        blocks.review_objective(company.users["outsider"], annual, a, "achieved", None)


# --- objectives: new ones --------------------------------------------------------------


def test_who_may_set_objectives_and_when(db, company, grids):
    manager, employee = company.users["manager"], company.users["employee"]
    scheduled = interview(company, status=Status.SCHEDULED)
    blocks.add_objective(manager, scheduled, "Préparé par le manager")
    with pytest.raises(PermissionError):  # the employee's side, before the meeting
        blocks.add_objective(employee, scheduled, "Par la salariée")
    held = interview(company)
    objective = blocks.add_objective(employee, held, "Ensemble pendant l'entretien")
    assert objective.employee_id == company.employees["employee"].id
    for actor in ("outsider", "admin"):
        with pytest.raises(PermissionError):
            blocks.add_objective(company.users[actor], held, "Intrus")
    with pytest.raises(InterviewError, match="title"):
        blocks.add_objective(manager, held, "   ")
    with pytest.raises(InterviewError, match="past"):
        blocks.add_objective(manager, held, "Hier", target_date=date.today() - timedelta(days=1))
    blocks.add_objective(manager, held, "Soixante", weight=60)
    with pytest.raises(InterviewError, match="total 110"):
        blocks.add_objective(manager, held, "Cinquante", weight=50)
    blocks.delete_objective(manager, held, objective)
    lock(company, held)
    with pytest.raises(InterviewError, match="no longer be changed"):
        blocks.add_objective(manager, held, "Trop tard")
    created, deleted = events(db, "create", "objective"), events(db, "delete", "objective")
    assert len(created) == 3 and deleted[0].changes["before"]["title"] == objective.title


# --- training requests -----------------------------------------------------------------


def test_training_requests_from_either_side_and_hr_moves_them_on(db, company, grids):
    manager, employee, hr = (company.users[r] for r in ("manager", "employee", "hr"))
    scheduled = interview(company, status=Status.SCHEDULED)
    mine = blocks.add_training_request(employee, scheduled, "Anglais B2", "develop_skills", 1)
    theirs = blocks.add_training_request(
        manager, scheduled, "Habilitation électrique", "adapt_to_job", 1, "mars", mandatory=True
    )
    with pytest.raises(InterviewError, match="purpose"):
        blocks.add_training_request(manager, scheduled, "Excel", "whatever", 2)
    with pytest.raises(PermissionError):
        blocks.add_training_request(company.users["outsider"], scheduled, "Excel", "adapt_to_job")
    assert mine.employee_id == theirs.employee_id == company.employees["employee"].id

    with pytest.raises(PermissionError):
        blocks.set_training_status(manager, mine, "approved", None)
    with pytest.raises(InterviewError, match="cannot become"):
        blocks.set_training_status(hr, mine, "done", None, date.today())
    with pytest.raises(InterviewError, match="why"):
        blocks.set_training_status(hr, mine, "refused", "  ")
    blocks.set_training_status(hr, mine, "approved", "Budget 2026")
    with pytest.raises(InterviewError, match="stays on record"):
        blocks.delete_training_request(employee, scheduled, mine)
    blocks.set_training_status(hr, mine, "planned", None)
    with pytest.raises(InterviewError, match="date"):
        blocks.set_training_status(hr, mine, "done", None)
    with pytest.raises(InterviewError, match="future"):
        blocks.set_training_status(hr, mine, "done", None, date.today() + timedelta(days=1))
    blocks.set_training_status(hr, mine, "done", None, date.today())
    assert (mine.status, mine.done_on, mine.status_note) == (
        TrainingStatus.DONE,
        date.today(),
        "Budget 2026",
    )
    with pytest.raises(InterviewError, match="already"):
        blocks.set_training_status(hr, mine, "done", None, date.today())
    with pytest.raises(InterviewError, match="cannot become"):
        blocks.set_training_status(hr, mine, "approved", None)
    blocks.set_training_status(hr, theirs, "refused", "Hors budget")
    with pytest.raises(InterviewError, match="cannot become"):
        blocks.set_training_status(hr, theirs, "approved", None)
    moves = events(db, "set_status", "training_request")
    assert [e.changes["after"]["status"] for e in moves] == [
        "approved",
        "planned",
        "done",
        "refused",
    ]
    assert moves[-1].reason == "Hors budget"
    spare = blocks.add_training_request(employee, scheduled, "Excel", "adapt_to_job")
    blocks.delete_training_request(manager, scheduled, spare)
    assert len(events(db, "create", "training_request")) == 3
    assert len(events(db, "delete", "training_request")) == 1


# --- actions ---------------------------------------------------------------------------


def test_actions_are_completed_by_their_owner_the_interviewer_or_hr(db, company, grids):
    manager, employee, hr = (company.users[r] for r in ("manager", "employee", "hr"))
    iv = interview(company)
    for_employee = blocks.add_action(
        manager, iv, "Suivre le MOOC", company.employees["employee"], LATER
    )
    for_manager = blocks.add_action(
        manager, iv, "Réserver la formation", company.employees["manager"], None
    )
    decision = blocks.add_action(manager, iv, "Passage au coefficient 250", None, None)
    with pytest.raises(PermissionError):  # decisions are the manager side's
        blocks.add_action(employee, interview(company, status=Status.SCHEDULED), "x", None, None)
    with pytest.raises(InterviewError, match="Describe"):
        blocks.add_action(manager, iv, "", None, None)
    blocks.delete_action(manager, iv, decision)
    lock(company, iv)
    with pytest.raises(PermissionError):
        blocks.complete_action(employee, for_manager)
    with pytest.raises(PermissionError):
        blocks.complete_action(company.users["outsider"], for_employee)
    blocks.complete_action(employee, for_employee)
    assert for_employee.status == ActionStatus.DONE and for_employee.done_by_id == employee.id
    with pytest.raises(InterviewError, match="already done"):
        blocks.complete_action(hr, for_employee)
    blocks.complete_action(manager, for_manager)
    assert [e.entity_id for e in events(db, "complete", "follow_up_action")] == [
        str(for_employee.id),
        str(for_manager.id),
    ]
    assert len(events(db, "create", "follow_up_action")) == 3
    assert len(events(db, "delete", "follow_up_action")) == 1


def test_load_for_takes_a_fixed_number_of_queries(db, company, grids):
    manager = company.users["manager"]
    first = interview(company)
    for i in range(3):
        blocks.add_objective(manager, first, f"Ancien {i}")
    lock(company, first)
    iv = interview(company)

    def grow():
        blocks.add_objective(manager, iv, "Nouveau")
        blocks.add_training_request(manager, iv, "Formation", "adapt_to_job")
        blocks.add_action(manager, iv, "Action", company.employees["employee"], None)
        db.session.commit()
        db.session.expire_all()

    counts = []
    for _ in range(2):
        grow()
        blocks.owner_choices(iv)  # the participants, loaded once by the page anyway
        with count_queries() as statements:
            blocks.load_for(iv)
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4


# --- routes: the blocks ----------------------------------------------------------------


@pytest.fixture
def held(db, company, grids):
    iv = interview(company)
    db.session.commit()
    return iv


def test_adding_an_objective_answers_the_block_for_htmx(client, login_as, held, db):
    login_as("manager")
    q = question(held, QuestionKind.NEW_OBJECTIVES)
    response = client.post(
        f"/interviews/{held.id}/objectives",
        headers=HX,
        data={"question": q.id, "title": "Réduire les délais", "weight": "40"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<div class="block" id="block-{q.id}"')
    assert "<html" not in body and "Réduire les délais" in body
    assert 'hx-swap-oob="true"' in body and "Objective added." in body
    assert "HX-Request" in response.headers["Vary"]
    objective = db.session.scalar(sa.select(Objective).where(Objective.interview_id == held.id))
    assert objective.weight == 40 and objective.employee_id == held.employee_id


def test_without_javascript_a_block_change_redirects_to_the_conduct_page(
    client, login_as, held, db
):
    login_as("manager")
    q = question(held, QuestionKind.TRAINING_REQUESTS)
    response = client.post(
        f"/interviews/{held.id}/trainings",
        headers=EN,
        data={"question": q.id, "subject": "Anglais", "reason": "develop_skills", "priority": "1"},
    )
    assert response.status_code == 303
    assert response.location.endswith(f"/interviews/{held.id}/conduct#block-{q.id}")
    page = client.get(response.location, headers=EN).get_data(as_text=True)
    assert "Anglais" in page and "Training request added." in page


def test_bad_input_comes_back_in_place(client, login_as, held, db):
    login_as("manager")
    q = question(held, QuestionKind.NEW_OBJECTIVES)
    data = {"question": q.id, "title": "", "indicator": "Taux de retour", "weight": "abc"}
    fragment = client.post(f"/interviews/{held.id}/objectives", headers=HX, data=data)
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and body.lstrip().startswith('<div class="block"')
    assert "Give the objective a title." in body and 'value="Taux de retour"' in body
    page = client.post(f"/interviews/{held.id}/objectives", headers=EN, data=data)
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "<html" in body and "Back to the interview" in body
    assert "Give the objective a title." in body
    # A rule of the service (a past date) is shown the same way, with what was typed.
    past = (date.today() - timedelta(days=3)).isoformat()
    refused = client.post(
        f"/interviews/{held.id}/objectives",
        headers=HX,
        data={"question": q.id, "title": "Hier", "target_date": past},
    )
    assert refused.status_code == 200 and "already past" in refused.get_data(as_text=True)
    assert 'value="Hier"' in refused.get_data(as_text=True)
    bad_date = client.post(
        f"/interviews/{held.id}/actions",
        headers=HX,
        data={
            "question": question(held, QuestionKind.DECISIONS).id,
            "what": "x",
            "due_date": "32/13",
        },
    )
    assert bad_date.status_code == 200 and "Not a valid date" in bad_date.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Objective.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(FollowUpAction.id))) == 0


def test_review_delete_and_done_routes(client, login_as, db, company, grids):
    manager = company.users["manager"]
    first = interview(company)
    old = blocks.add_objective(manager, first, "Réduire les délais")
    lock(company, first)
    iv = interview(company)
    own = blocks.add_objective(manager, iv, "À supprimer")
    action = blocks.add_action(
        manager, iv, "Envoyer le catalogue", company.employees["manager"], None
    )
    db.session.commit()
    login_as("manager")
    review_q = question(iv, QuestionKind.OBJECTIVES_REVIEW)
    response = client.post(
        f"/interviews/objectives/{old.id}/review",
        headers=HX,
        data={
            "interview": iv.id,
            "question": review_q.id,
            "status": "partially_achieved",
            "comment": "Presque",
        },
    )
    assert response.status_code == 200 and f'id="block-{review_q.id}"' in response.get_data(
        as_text=True
    )
    db.session.refresh(old)
    assert old.review_status == ObjectiveStatus.PARTIALLY and old.reviewed_in_id == iv.id
    bad = client.post(
        f"/interviews/objectives/{old.id}/review",
        headers=HX,
        data={"interview": iv.id, "question": review_q.id, "status": "bogus"},
    )
    assert bad.status_code == 200 and "Choose how far" in bad.get_data(as_text=True)
    response = client.post(
        f"/interviews/objectives/{own.id}/delete",
        data={"question": question(iv, QuestionKind.NEW_OBJECTIVES).id},
    )
    assert response.status_code == 303 and db.session.get(Objective, own.id) is None
    decisions_q = question(iv, QuestionKind.DECISIONS)
    response = client.post(
        f"/interviews/actions/{action.id}/delete", headers=HX, data={"question": decisions_q.id}
    )
    assert response.status_code == 200 and "Envoyer le catalogue" not in response.get_data(
        as_text=True
    )
    assert client.post("/interviews/objectives/999999/delete").status_code == 404
    assert client.post("/interviews/actions/999999/done").status_code == 404
    assert client.post("/interviews/999999/objectives", data={"title": "x"}).status_code == 404


def test_changes_refused_once_awaiting_signature_are_explained(client, login_as, held, db, company):
    services.request_signatures(company.users["manager"], held)
    db.session.commit()
    login_as("manager")
    q = question(held, QuestionKind.NEW_OBJECTIVES)
    response = client.post(
        f"/interviews/{held.id}/objectives", headers=HX, data={"question": q.id, "title": "Tard"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "no longer be changed" in body
    assert "Add an objective" not in body  # read-only now
    assert db.session.scalar(sa.select(sa.func.count(Objective.id))) == 0


def test_block_permissions(client, login_as, db, company, grids):
    scheduled = interview(company, status=Status.SCHEDULED)
    corrective = interview(company, "corrective")
    annual = interview(company)
    db.session.commit()

    def add(iv):
        q = question(iv, QuestionKind.NEW_OBJECTIVES)
        return client.post(
            f"/interviews/{iv.id}/objectives",
            headers=HX,
            data={"question": q.id, "title": "Objectif"},
        ).status_code

    login_as("outsider")
    assert add(annual) == 404
    login_as("employee")  # may see the interview, not set objectives before the meeting
    assert add(scheduled) == 403
    assert add(annual) == 200  # together, during the meeting
    login_as("skip")  # above the manager: may stand in, except on a corrective interview
    assert add(annual) == 200
    assert add(corrective) == 404
    login_as("hr")
    assert add(corrective) == 200


# --- routes: training requests list ----------------------------------------------------


@pytest.fixture
def requests_made(db, company, grids):
    """Three requests: two for the employee, one for the manager (from his own review)."""
    manager, skip = company.users["manager"], company.users["skip"]
    iv = interview(company)
    english = blocks.add_training_request(manager, iv, "Anglais B2", "develop_skills", 1)
    safety = blocks.add_training_request(
        manager, iv, "Habilitation électrique", "adapt_to_job", 2, "mars", mandatory=True
    )
    own = services.create_interview(skip, company.employees["manager"], interview_type("annual"))
    start = datetime.now(UTC) + timedelta(days=2)
    services.schedule(skip, own, start, start + timedelta(hours=1))
    services.start(skip, own)
    management = blocks.add_training_request(skip, own, "Management", "develop_skills", 3)
    blocks.set_training_status(company.users["hr"], english, "approved", None)
    db.session.commit()
    return english, safety, management


def _subjects(body: str) -> list[str]:
    return [s for s in ("Anglais B2", "Habilitation électrique", "Management") if s in body]


def test_hr_filters_the_training_requests(client, login_as, requests_made, company):
    login_as("hr")
    page = client.get("/interviews/trainings", headers=EN).get_data(as_text=True)
    assert _subjects(page) == ["Anglais B2", "Habilitation électrique", "Management"]
    assert "3 requests" in page and page.count('name="status"') >= 3
    cases = {
        "?status=approved": ["Anglais B2"],
        "?priority=2": ["Habilitation électrique"],
        "?mandatory=1": ["Habilitation électrique"],
        "?mandatory=0": ["Anglais B2", "Management"],
        "?q=salariee": ["Anglais B2", "Habilitation électrique"],
        "?q=manage": ["Management"],
        f"?department={company.department.id}": [
            "Anglais B2",
            "Habilitation électrique",
            "Management",
        ],
        "?status=done": [],
        "?status=nonsense&priority=9": ["Anglais B2", "Habilitation électrique", "Management"],
    }
    for query, expected in cases.items():
        response = client.get(f"/interviews/trainings{query}", headers=HX)
        body = response.get_data(as_text=True)
        assert response.status_code == 200 and body.lstrip().startswith(
            '<section id="trainings-results"'
        )
        assert _subjects(body) == expected, query


def test_training_requests_as_csv(client, login_as, requests_made):
    login_as("hr")
    response = client.get("/interviews/trainings?format=csv&mandatory=0", headers=EN)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and 'filename="training-requests-' in disposition
    text_ = response.get_data(as_text=True)
    assert text_.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text_.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:5] == ["Employee number", "Last name", "First name", "Department", "Training"]
    assert sorted(r[4] for r in rows[1:]) == ["Anglais B2", "Management"]
    english = next(r for r in rows if r[4] == "Anglais B2")
    assert english[9] == "Approved" and english[13] == "Annual evaluation"


def test_others_see_their_own_and_their_reports_requests_without_forms(
    client, login_as, requests_made
):
    login_as("manager")
    page = client.get("/interviews/trainings", headers=EN).get_data(as_text=True)
    assert _subjects(page) == ["Anglais B2", "Habilitation électrique", "Management"]
    assert "Move on" not in page
    login_as("employee")
    assert _subjects(client.get("/interviews/trainings", headers=EN).get_data(as_text=True)) == [
        "Anglais B2",
        "Habilitation électrique",
    ]
    for role in ("outsider", "admin"):
        login_as(role)
        assert (
            _subjects(client.get("/interviews/trainings", headers=EN).get_data(as_text=True)) == []
        )
        csv_body = client.get("/interviews/trainings?format=csv").get_data(as_text=True)
        assert "Anglais" not in csv_body


def test_hr_changes_a_request_status_from_the_list(client, login_as, requests_made, db):
    english, safety, _management = requests_made
    login_as("manager")
    assert (
        client.post(
            f"/interviews/trainings/{safety.id}/status", data={"status": "approved"}
        ).status_code
        == 403
    )
    login_as("hr")
    assert (
        client.post("/interviews/trainings/999999/status", data={"status": "approved"}).status_code
        == 404
    )
    response = client.post(
        f"/interviews/trainings/{safety.id}/status",
        headers=HX,
        data={"status": "refused", "note": ""},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith(
        f'<tr id="training-row-{safety.id}"'
    )
    assert "Say why the request is refused" in body
    db.session.refresh(safety)
    assert safety.status == TrainingStatus.REQUESTED
    response = client.post(
        f"/interviews/trainings/{english.id}/status",
        headers=EN,
        data={"status": "planned", "next": "/interviews/trainings?status=approved"},
    )
    assert response.status_code == 303 and response.location.endswith(
        "/interviews/trainings?status=approved"
    )
    response = client.post(
        f"/interviews/trainings/{english.id}/status",
        data={
            "status": "done",
            "done_on": date.today().isoformat(),
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 303 and response.location.endswith("/interviews/trainings")
    db.session.refresh(english)
    assert english.status == TrainingStatus.DONE and english.done_on == date.today()


# --- routes: my follow-up actions ------------------------------------------------------


@pytest.fixture
def actions(db, company, grids):
    manager = company.users["manager"]
    iv = interview(company)
    mooc = blocks.add_action(manager, iv, "Suivre le MOOC", company.employees["employee"], LATER)
    booking = blocks.add_action(
        manager, iv, "Réserver la formation", company.employees["manager"], LATER
    )
    late = blocks.add_action(
        manager, iv, "Mettre à jour la fiche de poste", company.employees["employee"], LATER
    )
    late.due_date = date.today() - timedelta(days=5)  # decided long ago
    lock(company, iv)
    db.session.commit()
    return iv, mooc, booking, late


def test_my_actions_until_done(client, login_as, actions, db):
    iv, mooc, booking, late = actions
    login_as("employee")
    page = client.get("/interviews/actions", headers=EN).get_data(as_text=True)
    assert "Suivre le MOOC" in page and "Mettre à jour la fiche de poste" in page
    assert "Réserver la formation" not in page and "overdue" in page
    # Someone else's action: visible interview, so forbidden rather than unknown.
    assert client.post(f"/interviews/actions/{booking.id}/done").status_code == 403
    response = client.post(
        f"/interviews/actions/{mooc.id}/done",
        headers=EN,
        data={"next": "/interviews/actions?overdue=1"},
    )
    assert response.status_code == 303 and response.location.endswith(
        "/interviews/actions?overdue=1"
    )
    page = client.get("/interviews/actions", headers=EN).get_data(as_text=True)
    assert "Suivre le MOOC" not in page and "Action marked as done." in page
    response = client.post(f"/interviews/actions/{late.id}/done", headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith(
        f'<tr id="action-row-{late.id}"'
    )
    assert "Completed" in body and "<form" not in body
    assert "No open action." in client.get("/interviews/actions", headers=EN).get_data(as_text=True)
    login_as("outsider")
    assert client.post(f"/interviews/actions/{booking.id}/done").status_code == 404
    assert "Réserver" not in client.get("/interviews/actions", headers=EN).get_data(as_text=True)


def test_hr_sees_every_open_action_by_owner_and_overdue(client, login_as, actions, company):
    _iv, _mooc, _booking, _late = actions
    login_as("hr")
    page = client.get("/interviews/actions", headers=EN).get_data(as_text=True)
    assert all(w in page for w in ("Suivre le MOOC", "Réserver la formation", "Mettre à jour"))
    manager_id = company.employees["manager"].id
    body = client.get(f"/interviews/actions?owner={manager_id}", headers=HX).get_data(as_text=True)
    assert "Réserver la formation" in body and "Suivre le MOOC" not in body
    body = client.get("/interviews/actions?overdue=1", headers=HX).get_data(as_text=True)
    assert "Mettre à jour" in body and "Suivre le MOOC" not in body


def test_done_from_the_interview_block(client, login_as, actions):
    iv, _mooc, booking, _late = actions
    login_as("manager")
    q = question(iv, QuestionKind.DECISIONS)
    response = client.post(
        f"/interviews/actions/{booking.id}/done", headers=HX, data={"question": q.id}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith(
        f'<div class="block" id="block-{q.id}"'
    )
    assert "done on" in body
    response = client.post(f"/interviews/actions/{booking.id}/done", data={"question": q.id})
    assert response.status_code == 303 and response.location.endswith(f"/conduct#block-{q.id}")


# --- routes: objectives over time ------------------------------------------------------


def test_objectives_page(client, login_as, db, company, grids):
    manager = company.users["manager"]
    first = interview(company)
    blocks.add_objective(manager, first, "Réduire les délais", target_date=LATER, weight=50)
    lock(company, first)
    current = interview(company)
    blocks.add_objective(manager, current, "Nouvel objectif proposé")
    corrective = interview(company, "corrective")
    blocks.add_objective(manager, corrective, "Respecter les horaires")
    db.session.commit()
    url = f"/interviews/objectives/{company.employees['employee'].id}"
    for role in ("employee", "manager", "hr"):
        login_as(role)
        page = client.get(url, headers=EN).get_data(as_text=True)
        assert "Réduire les délais" in page and "Nouvel objectif proposé" in page, role
        assert "Respecter les horaires" in page and "not signed yet" in page, role
    login_as("skip")  # above the manager: not the corrective interview
    page = client.get(url, headers=EN).get_data(as_text=True)
    assert "Réduire les délais" in page and "Respecter les horaires" not in page
    for role in ("outsider", "admin"):
        login_as(role)
        assert client.get(url).status_code == 404
    assert client.get("/interviews/objectives/999999").status_code == 404


def test_the_manager_side_preparation_stays_private_until_the_meeting(
    client, login_as, db, company, grids
):
    manager, employee = company.users["manager"], company.users["employee"]
    first = interview(company)
    old = blocks.add_objective(manager, first, "Réduire les délais")
    lock(company, first)
    iv = interview(company, status=Status.SCHEDULED)
    blocks.add_objective(manager, iv, "Objectif préparé")
    blocks.review_objective(manager, iv, old, "not_achieved", "Avis du manager")
    blocks.add_action(manager, iv, "Action préparée", company.employees["employee"], LATER)
    db.session.commit()
    seen = blocks.load_for(iv, employee)
    assert seen["manager_side_hidden"] and seen["objectives"] == [] and seen["actions"] == []
    assert seen["previous_objectives"] == [old]  # her own objectives, without the review
    assert not blocks.load_for(iv, manager)["manager_side_hidden"]
    login_as("employee")
    history = client.get(f"/interviews/objectives/{iv.employee_id}", headers=EN)
    assert "Objectif préparé" not in history.get_data(as_text=True)
    assert "Action préparée" not in client.get("/interviews/actions", headers=EN).get_data(
        as_text=True
    )
    services.start(manager, iv)
    db.session.commit()
    seen = blocks.load_for(iv, employee)
    assert not seen["manager_side_hidden"] and [o.title for o in seen["objectives"]] == [
        "Objectif préparé"
    ]
    assert "Action préparée" in client.get("/interviews/actions", headers=EN).get_data(as_text=True)


def test_follow_up_pages_take_a_fixed_number_of_queries(client, login_as, db, company, grids):
    manager = company.users["manager"]
    iv = interview(company)
    login_as("hr")

    def grow_and_count():
        for i in range(3):
            blocks.add_training_request(manager, iv, f"Formation {i}", "adapt_to_job")
            blocks.add_action(manager, iv, f"Action {i}", company.employees["employee"], LATER)
        db.session.commit()
        counts = []
        for url in ("/interviews/trainings", "/interviews/actions"):
            with count_queries() as statements:
                assert client.get(url, headers=EN).status_code == 200
            counts.append(len(statements))
        return counts

    assert grow_and_count() == grow_and_count()
