"""Forced actions (reopen, force close, cancel, closing a campaign with interviews
still open) need a reason: refused with a clear message without one, and the
reason is kept in the audit event."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.campaigns import services as campaigns
from hr.campaigns.services import CampaignError
from hr.extensions import db
from hr.interviews import services
from hr.interviews.models import Status
from hr.interviews.services import InterviewError
from tests.campaigns import make_campaign, published_version
from tests.grids.helpers import text
from tests.interviews.helpers import END, START, new_interview, published_grid

EN = {"Accept-Language": "en"}


@pytest.fixture
def awaiting(db, company):
    """An interview awaiting signatures (no campaign, so no signature deadline)."""
    version = published_grid(company.users["hr"], "annual", [("Bilan", False, [text("Libre")])])
    interview = new_interview(company, version=version)
    manager = company.users["manager"]
    services.schedule(manager, interview, START, END)
    services.start(manager, interview)
    services.request_signatures(manager, interview)
    db.session.commit()
    return interview


def _last(interview, action):
    return db.session.scalar(
        sa.select(AuditEvent)
        .where(AuditEvent.entity_id == str(interview.id), AuditEvent.action == action)
        .order_by(AuditEvent.id.desc())
    )


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("reason", ["", "   ", None])
def test_services_refuse_forced_actions_without_a_reason(awaiting, company, reason):
    hr = company.users["hr"]
    with pytest.raises(InterviewError, match="Give the reason for reopening"):
        services.reopen(hr, awaiting, reason)
    with pytest.raises(InterviewError, match="Give the reason for closing"):
        services.force_close(hr, awaiting, reason, date.today())
    with pytest.raises(InterviewError, match="Give the reason for cancelling"):
        services.cancel(hr, awaiting, reason)
    db.session.rollback()
    assert awaiting.status == Status.AWAITING_SIGNATURE


def test_the_reason_is_kept_in_the_event(awaiting, company):
    services.force_close(company.users["hr"], awaiting, "  Salarié injoignable ", date.today())
    db.session.commit()
    event = _last(awaiting, "force_close")
    assert event.reason == "Salarié injoignable"
    assert event.on_behalf_of_id is None  # HR's own decision, not for the manager


def test_forms_say_a_reason_is_needed_and_change_nothing(client, login_as, awaiting):
    login_as("hr")
    response = client.post(f"/interviews/{awaiting.id}/reopen", data={"reason": " "}, headers=EN)
    assert response.status_code == 303
    page = client.get(response.location, headers=EN).get_data(as_text=True)
    assert "Give the reason for reopening." in page
    response = client.post(
        f"/interviews/{awaiting.id}/force-close",
        data={"reason": "", "copy_available_on": date.today().isoformat()},
        headers=EN,
    )
    assert response.status_code == 200
    db.session.refresh(awaiting)
    assert awaiting.status == Status.AWAITING_SIGNATURE
    assert _last(awaiting, "reopen") is None and _last(awaiting, "force_close") is None


@pytest.mark.usefixtures("english")
def test_a_campaign_closed_with_open_interviews_needs_a_reason(db, company):
    hr = company.users["hr"]
    campaign = make_campaign(hr, published_version(hr))
    campaigns.launch(hr, campaign)
    with pytest.raises(CampaignError, match="Give the reason"):
        campaigns.close(hr, campaign, "  ", force=True)
    campaigns.close(hr, campaign, "Exercice clos", force=True)
    db.session.commit()
    event = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.entity_type == "campaign", AuditEvent.action == "close"
        )
    )
    assert event.reason == "Exercice clos"
