"""Drafts change, published versions never do; new drafts copy the latest version."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.grids import services
from hr.grids.models import GridQuestion, VersionStatus
from tests.grids.helpers import make_grid, rating, text


@pytest.fixture
def hr_user(company):
    return company.users["hr"]


def test_publish_freezes_the_version_for_good(db, hr_user):
    grid = make_grid(hr_user)
    v1 = grid.versions[0]
    services.publish(hr_user, v1)
    assert v1.status == VersionStatus.PUBLISHED and v1.published_at is not None
    question = v1.sections[0].questions[0]
    with pytest.raises(services.GridError):
        services.update_question(hr_user, question, text("Changed"))
    with pytest.raises(services.GridError):
        services.add_section(hr_user, v1, "Nouvelle")
    with pytest.raises(services.GridError):
        services.delete_question(hr_user, question)
    with pytest.raises(services.GridError):
        services.publish(hr_user, v1)
    assert question.label == "Réalisations"


def test_editing_a_published_grid_starts_a_copy_and_leaves_v1_intact(db, hr_user):
    grid = make_grid(
        hr_user,
        sections=[
            ("Bilan", True, [rating("Qualité", 60), rating("Délais", 40)]),
            ("Projets", False, [text("Souhaits")]),
        ],
    )
    v1 = grid.versions[0]
    services.publish(hr_user, v1)
    v2 = services.new_draft(hr_user, grid)
    assert v2.number == 2 and v2.is_draft
    assert [s.title for s in v2.sections] == ["Bilan", "Projets"]
    assert [q.label for q in v2.sections[0].questions] == ["Qualité", "Délais"]
    assert v2.sections[0].questions[0].weight == 60
    assert services.new_draft(hr_user, grid) is v2  # one draft at a time
    services.update_question(hr_user, v2.sections[0].questions[0], rating("Qualité du travail", 60))
    db.session.flush()
    db.session.expire_all()
    assert v1.sections[0].questions[0].label == "Qualité"  # old version still readable, unchanged
    v1_ids = {q.id for s in v1.sections for q in s.questions}
    v2_ids = {q.id for s in v2.sections for q in s.questions}
    assert not v1_ids & v2_ids


def test_discarding_a_draft_keeps_the_published_version(db, hr_user):
    grid = make_grid(hr_user)
    services.publish(hr_user, grid.versions[0])
    v2 = services.new_draft(hr_user, grid)
    services.discard_draft(hr_user, v2)
    db.session.expire_all()
    assert [v.number for v in grid.versions] == [1]
    with pytest.raises(services.GridError):
        services.discard_draft(hr_user, make_grid(hr_user, name="Autre").versions[0])


def test_duplicate_and_archive(db, hr_user):
    grid = make_grid(hr_user)
    copy = services.duplicate_grid(hr_user, grid, "Copie")
    assert copy.id != grid.id and copy.versions[0].is_draft
    assert [q.label for q in copy.versions[0].sections[0].questions] == ["Réalisations"]
    services.set_archived(hr_user, grid, True)
    assert grid.archived_at is not None


def test_moves_and_reorder_renumber_positions(db, hr_user):
    grid = make_grid(
        hr_user, sections=[("A", False, [text("q1"), text("q2"), text("q3")]), ("B", False, [])]
    )
    section_a, section_b = grid.versions[0].sections
    q1, q2, q3 = section_a.questions
    assert services.move_question(hr_user, q3, -1)
    assert not services.move_question(hr_user, q1, -1)  # already first
    db.session.flush()
    db.session.expire(section_a, ["questions"])
    assert [q.label for q in section_a.questions] == ["q1", "q3", "q2"]
    services.reorder_questions(hr_user, section_a, [q2.id, q1.id, q3.id])
    assert [q.label for q in section_a.questions] == ["q2", "q1", "q3"]
    with pytest.raises(services.GridError):
        services.reorder_questions(hr_user, section_a, [q1.id, q2.id])
    services.move_section(hr_user, section_b, -1)
    db.session.flush()
    db.session.expire(grid.versions[0], ["sections"])
    assert [s.title for s in grid.versions[0].sections] == ["B", "A"]


def test_every_change_is_audited(db, hr_user):
    before = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    grid = make_grid(hr_user)
    services.publish(hr_user, grid.versions[0])
    actions = db.session.execute(
        sa.select(AuditEvent.entity_type, AuditEvent.action).order_by(AuditEvent.id).offset(before)
    ).all()
    assert ("grid", "create") in actions
    assert ("grid_section", "create") in actions
    assert ("grid_question", "create") in actions
    assert ("grid_version", "publish") in actions


def test_only_hr_designs_grids(db, company):
    with pytest.raises(PermissionError):
        make_grid(company.users["manager"])
    assert db.session.scalar(sa.select(sa.func.count(GridQuestion.id))) == 0
