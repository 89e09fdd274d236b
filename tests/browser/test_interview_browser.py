"""An interview in a real browser: the employee prepares (autosave), the manager holds
the meeting, both sign; and two people editing the same shared answer at once.

The interviews are built through the services in the live server's database (fast
and independent of the demo history); everything the test checks is done as a user
would, with JavaScript on. Only Playwright's auto-waiting `expect` is used: no sleeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import DEMO_PASSWORD, HR_EMAIL, LiveServer, _context
from tests.browser.test_people_browser import log_in

EMPLOYEE_EMAIL = "salarie@demo.parcours.test"
MANAGER_EMAIL = "manager@demo.parcours.test"

GRID_NAME = "Annual review (interview browser test)"
SECTION = "The year under review"
ACHIEVEMENTS = "What went well this year?"  # both prepare, each their own answer
QUALITY = "Quality of the work delivered"  # the manager rates
NEXT_STEPS = "Next steps agreed together"  # written together during the meeting
LEVELS = ["Below expectations", "Partly meets", "Meets expectations", "Exceeds expectations"]

EMPLOYEE_TEXT = "Delivered the new assembly line on time and trained two colleagues."
MANAGER_TEXT = "Reliable delivery; the line started with no safety incident."
EMPLOYEE_COMMENT = "I would like more time for the quality certification next year."
SAVED = re.compile(r"^Saved at \S")


@dataclass(frozen=True)
class Account:
    email: str
    name: str


@dataclass(frozen=True)
class Cast:
    employee: Account
    manager: Account
    n2: Account  # the manager's own manager (N+2 of the employee)


@dataclass(frozen=True)
class Grid:
    version_id: int
    questions: dict[str, int]  # label → question id


def _account(user) -> Account:
    return Account(user.email, user.employee.full_name)


@pytest.fixture(scope="session")
def cast(server: LiveServer) -> Cast:
    """The demo employee, their manager, and an account for the manager's manager."""
    from hr.auth.models import User
    from hr.auth.passwords import hash_password
    from hr.db import db

    with server.app.app_context():
        employee = db.session.scalar(sa.select(User).where(User.email == EMPLOYEE_EMAIL))
        manager = db.session.scalar(sa.select(User).where(User.email == MANAGER_EMAIL))
        assert employee.employee.manager_id == manager.employee_id, "demo hierarchy changed"
        boss = manager.employee.manager
        assert boss is not None, "the demo manager has no manager"
        n2 = db.session.scalar(sa.select(User).where(User.employee_id == boss.id))
        if n2 is None:
            n2 = User(email=boss.email, employee=boss)
            db.session.add(n2)
        # This is the test's own database: make sure the N+2 can log in.
        n2.password_hash = hash_password(DEMO_PASSWORD)
        n2.active, n2.must_change_password = True, False
        db.session.commit()
        made = Cast(_account(employee), _account(manager), _account(n2))
        db.session.remove()
    return made


def build_grid(server: LiveServer, name: str, sections: list[tuple[str, list[dict]]]) -> Grid:
    """A published grid of the annual type, made with the grid services."""
    from hr.db import db
    from hr.grids import services
    from hr.grids.models import InterviewType

    with server.app.app_context():
        annual = db.session.scalar(sa.select(InterviewType).where(InterviewType.code == "annual"))
        grid = services.create_grid(None, annual, name)
        version = grid.versions[0]
        questions = {}
        for title, specs in sections:
            section = services.add_section(None, version, title)
            for spec in specs:
                questions[spec["label"]] = services.add_question(None, section, spec).id
        services.publish(None, version)
        db.session.commit()
        made = Grid(version.id, questions)
        db.session.remove()
    return made


def four_levels() -> dict:
    return {
        "name": "Four levels (interview browser test)",
        "levels": [{"value": i, "label": label} for i, label in enumerate(LEVELS, start=1)],
        "not_assessed": True,
    }


@pytest.fixture(scope="session")
def grid(server: LiveServer) -> Grid:
    return build_grid(
        server,
        GRID_NAME,
        [
            (
                SECTION,
                [
                    {"kind": "long_text", "label": ACHIEVEMENTS, "answered_by": "both"},
                    {
                        "kind": "rating",
                        "label": QUALITY,
                        "answered_by": "manager",
                        "options": {"scale": four_levels()},
                    },
                    {"kind": "long_text", "label": NEXT_STEPS, "answered_by": "together"},
                ],
            )
        ],
    )


STEPS = ["scheduled", "in_preparation", "held", "awaiting_signature", "signed"]


def build_interview(
    server: LiveServer,
    version_id: int,
    until: str = "in_preparation",
    answers: dict[tuple[int, str], object] | None = None,
    comment: str | None = None,
    in_meeting: Callable | None = None,
) -> int:
    """An interview of the demo employee with their manager, taken through the life
    cycle up to `until`. `answers` ((question id, party) → value) are saved when their
    party may write them: preparations before the meeting, shared ones during it.
    `in_meeting(interview, manager)` adds what else is done during the meeting."""
    from hr.auth.models import User
    from hr.db import db
    from hr.grids.models import GridQuestion, GridVersion
    from hr.interviews import services
    from hr.interviews.models import Party

    answers = answers or {}
    with server.app.app_context():
        users = {
            email: db.session.scalar(sa.select(User).where(User.email == email))
            for email in (HR_EMAIL, EMPLOYEE_EMAIL, MANAGER_EMAIL)
        }
        hr, employee, manager = users[HR_EMAIL], users[EMPLOYEE_EMAIL], users[MANAGER_EMAIL]
        version = db.session.get(GridVersion, version_id)
        interview = services.create_interview(
            hr, employee.employee, version.grid.interview_type, version
        )
        start = (datetime.now(UTC) + timedelta(days=3)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        services.schedule(hr, interview, start, start + timedelta(hours=1), "Room B12")

        def save(parties: set[str]) -> None:
            for (question_id, party), value in answers.items():
                if party in parties:
                    actor = employee if party == "employee" else manager
                    question = db.session.get(GridQuestion, question_id)
                    services.save_answer(actor, interview, question, Party(party), value, 0)

        steps = STEPS[: STEPS.index(until) + 1]
        if "in_preparation" in steps:
            services.open_preparation(hr, interview)
            save({"employee", "manager"})
        if "held" in steps:
            services.start(manager, interview)
            save({"shared"})
            if in_meeting is not None:
                in_meeting(interview, manager)
        if "awaiting_signature" in steps:
            services.request_signatures(manager, interview)
        if "signed" in steps:
            services.sign_as_interviewer(manager, interview)
            services.sign_as_employee(employee, interview, comment=comment)
        db.session.commit()
        interview_id = interview.id
        db.session.remove()
    return interview_id


def stored_answer(server: LiveServer, interview_id: int, question_id: int, party: str):
    from hr.db import db
    from hr.interviews.models import Answer, Party

    with server.app.app_context():
        value = db.session.scalar(
            sa.select(Answer.value).where(
                Answer.interview_id == interview_id,
                Answer.question_id == question_id,
                Answer.party == Party(party),
            )
        )
        db.session.remove()
    return value


# --- page helpers --------------------------------------------------------------------


def answer(page: Page, question_id: int, party: str):
    return page.locator(f"#answer-{question_id}-{party}")


def save_status(page: Page, question_id: int, party: str):
    return page.locator(f"#status-{question_id}-{party}")


def flashes(page: Page):
    return page.locator("#flashes")


@pytest.fixture
def new_context(chromium: Browser, server: LiveServer):
    """Open more browser contexts (one per person), all closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options) -> Page:
        context = _context(chromium, server, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def open_conduct(page: Page, interview_id: int, heading: str) -> None:
    page.goto(f"/interviews/{interview_id}")
    page.locator("main").get_by_role(
        "link", name=re.compile(r"^(Prepare|Fill in the report)$")
    ).click()
    expect(page).to_have_url(re.compile(rf"/interviews/{interview_id}/conduct$"))
    expect(page.locator("h1")).to_have_text(heading)


# --- the tests -----------------------------------------------------------------------


def test_interview_from_preparation_to_signed_report(
    new_context, server: LiveServer, cast: Cast, grid: Grid
):
    interview_id = build_interview(server, grid.version_id, until="in_preparation")
    achievements, quality = grid.questions[ACHIEVEMENTS], grid.questions[QUALITY]

    # (a) The employee prepares: the answer saves itself as they type.
    employee = new_context()
    log_in(employee, EMPLOYEE_EMAIL)
    open_conduct(employee, interview_id, "Prepare my interview")
    expect(employee.locator("main .lead")).to_contain_text(
        "Your preparation stays private until the meeting starts."
    )
    # The manager's side of the question is not shown to the employee yet.
    expect(answer(employee, achievements, "manager")).to_contain_text(
        "Not shared before the meeting."
    )
    expect(answer(employee, quality, "manager")).to_have_count(1)
    expect(answer(employee, quality, "manager").get_by_role("radio")).to_have_count(0)
    employee.evaluate("window.__sameDocument = 'yes'")  # a page load would wipe this
    field = answer(employee, achievements, "employee").get_by_role("textbox", name=ACHIEVEMENTS)
    field.press_sequentially(EMPLOYEE_TEXT)
    expect(save_status(employee, achievements, "employee")).to_have_text(SAVED)
    assert employee.evaluate("window.__sameDocument") == "yes", "the autosave reloaded the page"
    employee.reload()
    expect(field).to_have_value(EMPLOYEE_TEXT)

    # (b) The manager cannot read the employee's preparation before the meeting…
    manager = new_context()
    log_in(manager, MANAGER_EMAIL)
    open_conduct(manager, interview_id, "Prepare the interview")
    expect(answer(manager, achievements, "employee")).to_contain_text(
        "Not shared before the meeting."
    )
    expect(manager.locator("main")).not_to_contain_text(EMPLOYEE_TEXT)
    # … starts the meeting, and then can.
    manager.get_by_role("link", name="Back to the interview").click()
    manager.get_by_role("button", name="Start the meeting").click()
    expect(flashes(manager)).to_contain_text("The meeting has started")
    expect(manager.locator("main .lead .status")).to_have_text("Held")
    open_conduct(manager, interview_id, "Conduct the interview")
    expect(answer(manager, achievements, "employee").locator(".answer-value")).to_have_text(
        EMPLOYEE_TEXT
    )
    manager.evaluate("window.__sameDocument = 'yes'")
    answer(manager, achievements, "manager").get_by_role("textbox").fill(MANAGER_TEXT)
    expect(save_status(manager, achievements, "manager")).to_have_text(SAVED)
    answer(manager, quality, "manager").get_by_label(LEVELS[2]).check()
    expect(save_status(manager, quality, "manager")).to_have_text(SAVED)
    assert manager.evaluate("window.__sameDocument") == "yes", "the autosave reloaded the page"
    assert stored_answer(server, interview_id, achievements, "manager") == MANAGER_TEXT
    assert stored_answer(server, interview_id, quality, "manager") == 3

    manager.get_by_role("link", name="Back to the interview").click()
    manager.get_by_role("button", name="Finish and ask for signatures").click()
    expect(flashes(manager)).to_contain_text("The report is ready for signatures")
    expect(manager.locator("main .lead .status")).to_have_text("Awaiting signature")
    manager.get_by_role("button", name="Sign the report").click()
    expect(flashes(manager)).to_contain_text("You have signed.")
    expect(manager.locator("main")).to_contain_text(re.compile(r"Interviewer: signed on \S"))

    # (c) The employee signs, with a comment.
    employee.goto(f"/interviews/{interview_id}")
    employee.get_by_label("My final comment (optional)").fill(EMPLOYEE_COMMENT)
    expect(employee.get_by_label("My signature")).to_have_value("sign")
    employee.get_by_role("button", name="Confirm").click()
    expect(flashes(employee)).to_contain_text("You have signed. Your copy of the report")
    expect(employee.locator("main .lead .status")).to_have_text("Signed")

    # (d) The report shows both answers, the comment and both signatures.
    employee.get_by_role("link", name="Read the report").click()
    expect(employee).to_have_url(re.compile(rf"/interviews/{interview_id}/report$"))
    report = employee.locator("article.report")
    expect(report.locator("h1")).to_have_text("Annual evaluation")
    question = report.locator(".guide-question", has_text=ACHIEVEMENTS)
    expect(question.locator(".report-answer")).to_have_text(
        [f"Employee: {EMPLOYEE_TEXT}", f"Manager: {MANAGER_TEXT}"]
    )
    expect(report.locator(".guide-question", has_text=QUALITY)).to_contain_text(LEVELS[2])
    rows = report.locator(".signatures tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(cast.manager.name)
    expect(rows.nth(1)).to_contain_text(cast.employee.name)
    expect(rows.nth(1)).to_contain_text(f"Comment: {EMPLOYEE_COMMENT}")
    expect(rows.locator("td.hash")).to_have_text([re.compile(r"^[0-9a-f]{64}$")] * 2)


def test_two_people_editing_a_shared_answer_see_the_conflict(
    new_context, server: LiveServer, cast: Cast, grid: Grid
):
    interview_id = build_interview(server, grid.version_id, until="held")
    next_steps = grid.questions[NEXT_STEPS]
    first_text = "Plan the certification for March."
    second_text = "Certification in March, with a mentor from quality."

    # The manager and the N+2 both open the report being filled in during the meeting.
    manager, n2 = new_context(), new_context()
    log_in(manager, MANAGER_EMAIL)
    log_in(n2, cast.n2.email)
    for page in (manager, n2):
        open_conduct(page, interview_id, "Conduct the interview")
        expect(answer(page, next_steps, "shared").get_by_role("textbox")).to_have_value("")
    n2.evaluate("window.__sameDocument = 'yes'")

    # The manager saves first…
    answer(manager, next_steps, "shared").get_by_role("textbox").fill(first_text)
    expect(save_status(manager, next_steps, "shared")).to_have_text(SAVED)

    # … so the N+2's save, based on the empty answer they loaded, is refused and both
    # versions are shown, theirs still in the field.
    answer(n2, next_steps, "shared").get_by_role("textbox").fill(second_text)
    conflict = answer(n2, next_steps, "shared").get_by_role("alert")
    expect(conflict).to_contain_text("Someone else saved this answer while you were typing.")
    expect(conflict.locator("blockquote")).to_have_text(first_text)
    field = answer(n2, next_steps, "shared").get_by_role("textbox")
    expect(field).to_have_value(second_text)
    assert stored_answer(server, interview_id, next_steps, "shared") == first_text

    # Keeping their version saves it over the manager's.
    answer(n2, next_steps, "shared").get_by_role("button", name="Keep my version").click()
    expect(save_status(n2, next_steps, "shared")).to_have_text(SAVED)
    expect(conflict).to_have_count(0)
    assert n2.evaluate("window.__sameDocument") == "yes", "the conflict reloaded the page"
    assert stored_answer(server, interview_id, next_steps, "shared") == second_text

    # The manager sees it after a reload.
    manager.reload()
    expect(answer(manager, next_steps, "shared").get_by_role("textbox")).to_have_value(second_text)


def test_without_javascript_the_conflict_is_shown_and_resolved_by_saving(
    new_context, server: LiveServer, cast: Cast, grid: Grid
):
    interview_id = build_interview(server, grid.version_id, until="held")
    next_steps = grid.questions[NEXT_STEPS]
    manager = new_context(java_script_enabled=False)
    n2 = new_context(java_script_enabled=False)
    log_in(manager, MANAGER_EMAIL)
    log_in(n2, cast.n2.email)
    for page in (manager, n2):
        page.goto(f"/interviews/{interview_id}/conduct")
        expect(page.locator("h1")).to_have_text("Conduct the interview")
        expect(page.get_by_text("Answers are saved as you type.")).to_be_hidden()

    answer(manager, next_steps, "shared").get_by_role("textbox").fill("Plan it for March.")
    manager.get_by_role("button", name="Save my answers").click()
    expect(flashes(manager)).to_contain_text("Answers saved.")

    answer(n2, next_steps, "shared").get_by_role("textbox").fill("Plan it for April.")
    n2.get_by_role("button", name="Save my answers").click()
    expect(flashes(n2)).to_contain_text("Some answers were not saved")
    conflict = answer(n2, next_steps, "shared").get_by_role("alert")
    expect(conflict.locator("blockquote")).to_have_text("Plan it for March.")
    expect(answer(n2, next_steps, "shared").get_by_role("textbox")).to_have_value(
        "Plan it for April."
    )
    conflict.get_by_role("button", name="Keep my version").click()
    expect(flashes(n2)).to_contain_text("Answers saved.")
    expect(answer(n2, next_steps, "shared").get_by_role("alert")).to_have_count(0)
    expect(answer(n2, next_steps, "shared").get_by_role("textbox")).to_have_value(
        "Plan it for April."
    )
    assert stored_answer(server, interview_id, next_steps, "shared") == "Plan it for April."
