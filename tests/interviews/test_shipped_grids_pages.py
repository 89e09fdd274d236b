"""Every shipped grid works end to end on the interview pages (blocks included)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from hr.grids.models import Grid
from hr.grids.shipped import load_shipped
from hr.interviews import services
from tests.interviews.helpers import END, START


@pytest.fixture
def shipped(db):
    load_shipped("fr")
    db.session.commit()


@pytest.mark.parametrize(
    "code",
    [
        "annual-fr",
        "career-fr",
        "corrective-fr",
        "workload-fr",
        "career-review-fr",
        "probation-end-fr",
    ],
)
def test_prepare_conduct_and_read_the_report(client, login_as, company, db, shipped, code):
    grid = db.session.scalar(sa.select(Grid).where(Grid.code == code))
    interview = services.create_interview(
        company.users["hr"], company.employees["employee"], grid.interview_type, grid.versions[-1]
    )
    services.schedule(company.users["manager"], interview, START, END)
    db.session.commit()
    for role in ("employee", "manager"):
        login_as(role)
        assert client.get(f"/interviews/{interview.id}/conduct").status_code == 200, role
    services.start(company.users["manager"], interview)
    db.session.commit()
    page = client.get(f"/interviews/{interview.id}/conduct").get_data(as_text=True)
    assert 'id="conduct-form"' in page
    assert client.get(f"/interviews/{interview.id}/report").status_code == 200
    assert client.get(f"/interviews/{interview.id}/guide").status_code == 200
