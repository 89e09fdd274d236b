"""The signed interview report printed by Chromium to an A4 PDF, read back with pypdf.

The interview is built through the services (the shipped French annual grid, every
question answered, an objective and a training request set during the meeting, both
signatures), then the report page is printed as a user would print it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import LiveServer
from tests.browser.test_guide_pdf import COMPANY, TYPE_LABEL, flat
from tests.browser.test_interview_browser import (
    EMPLOYEE_EMAIL,
    build_interview,
)
from tests.browser.test_people_browser import log_in

COMMENT = "I have read the report; the training plan matters most to me."
OBJECTIVE = "Qualify the new press line before the summer shutdown"
TRAINING = "Hydraulic systems maintenance, level 2"
# A long word with no break opportunity: it must wrap, not run off the page.
LONG_LINK = (
    "https://intranet.example/qualite/certification/iso9001/"
    "Plan_de_formation_atelier_presses_2027_version_validee_par_le_comite.pdf"
)
MAX_PAGES = 5


@dataclass(frozen=True)
class Report:
    interview_id: int
    employee: str
    interviewer: str
    answers: tuple[str, ...]  # every answer as the report displays it
    hashes: tuple[str, ...]  # the signatures' fingerprints


def _text_for(label: str, party: str, n: int) -> str:
    who = "The employee" if party == "employee" else "The manager"
    text = f"{who} on “{label[:40]}”: example {n}, with dates, figures and the people involved."
    if n == 1:
        text += f"\n\nSecond paragraph with the reference document: {LONG_LINK}"
    return text


@pytest.fixture(scope="module")
def report(server: LiveServer) -> Report:
    return build_signed_report(server)


def build_signed_report(server: LiveServer) -> Report:
    """A signed interview on the shipped annual grid, every question answered."""
    from hr.db import db
    from hr.grids.models import Grid, GridVersion, QuestionKind, VersionStatus
    from hr.interviews import blocks, services
    from hr.interviews.models import Interview, TrainingReason

    with server.app.app_context():
        version = db.session.scalar(
            sa.select(GridVersion)
            .join(Grid)
            .where(Grid.code == "annual-fr", GridVersion.status == VersionStatus.PUBLISHED)
        )
        assert version is not None, "the shipped annual grid is not loaded"
        answers, shown, n = {}, [], 0
        for section in version.sections:
            for q in section.questions:
                if QuestionKind(q.kind) in services.BLOCK_KINDS:
                    continue
                for party in services.parties_for(q.answered_by):
                    n += 1
                    kind = QuestionKind(q.kind)
                    if kind == QuestionKind.RATING:
                        level = q.options["scale"]["levels"][2]
                        value, text = level["value"], level["label"]
                    elif kind == QuestionKind.SKILLS_MATRIX:
                        levels = q.options["scale"]["levels"]
                        value = {
                            s["name"]: levels[i % len(levels)]["value"]
                            for i, s in enumerate(q.options["skills"])
                        }
                        text = "; ".join(
                            f"{s['name']}: {levels[i % len(levels)]['label']}"
                            for i, s in enumerate(q.options["skills"])
                        )
                    else:
                        assert kind in (QuestionKind.LONG_TEXT, QuestionKind.FINAL_COMMENT), kind
                        value = text = _text_for(q.label, party.value, n)
                    answers[(q.id, party.value)] = value
                    shown.append(text)
        version_id = version.id
        db.session.remove()

    def in_meeting(interview, manager):
        blocks.add_objective(manager, interview, OBJECTIVE, indicator="First good parts")
        blocks.add_training_request(manager, interview, TRAINING, TrainingReason.ADAPT.value)

    interview_id = build_interview(
        server,
        version_id,
        until="signed",
        answers=answers,
        comment=COMMENT,
        in_meeting=in_meeting,
    )
    with server.app.app_context():
        interview = db.session.get(Interview, interview_id)
        made = Report(
            interview_id,
            employee=interview.employee.full_name,
            interviewer=interview.interviewer.full_name,
            answers=tuple(shown),
            hashes=tuple(s.content_hash for s in interview.signatures),
        )
        assert interview.status == "signed"
        db.session.remove()
    return made


def print_report(page: Page, report: Report) -> bytes:
    log_in(page, EMPLOYEE_EMAIL)
    page.goto(f"/interviews/{report.interview_id}/report")
    expect(page.locator("h1")).to_have_text(TYPE_LABEL)
    # Lay the page out as printed, at the width of an A4 sheet inside its margins
    # (print.css: 14 mm on each side), for the checks made in the page.
    page.set_viewport_size({"width": round((210 - 28) / 25.4 * 96), "height": 1000})
    page.emulate_media(media="print")
    return page.pdf(format="A4")


def squeezed(text: str) -> str:
    """Text with every space and line break removed: for words the layout may break."""
    return re.sub(r"\s+", "", flat(text))


def test_signed_report_prints_to_a4_pdf(page: Page, report: Report):
    reader = PdfReader(io.BytesIO(print_report(page, report)))
    # Nothing in the report is wider than the paper.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('article.report *')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'auto')
            .map(e => e.tagName + '.' + e.className)"""
    )
    assert overflow == [], f"wider than the paper: {overflow}"
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    pages = [flat(p.extract_text()) for p in reader.pages]
    text = " ".join(pages)
    # (2 pages with the fonts of Debian's chromium.)
    assert 1 <= len(pages) <= MAX_PAGES, f"{len(pages)} pages"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297), "not A4"
    for number, page_text in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page_text, f"no page number on page {number}"

    first = pages[0]
    assert flat(COMPANY) in first
    assert TYPE_LABEL in first
    assert flat(report.employee) in first
    assert flat(report.interviewer) in first
    assert "Signed" in first

    for shown in report.answers:
        for paragraph in shown.split("\n\n"):
            if LONG_LINK in paragraph:
                assert squeezed(paragraph) in squeezed(text), paragraph
            else:
                assert flat(paragraph) in text, paragraph
    assert OBJECTIVE in text
    assert TRAINING in text

    signatures = text[text.rindex("Signatures") :]
    assert flat(report.interviewer) in signatures
    assert flat(report.employee) in signatures
    assert flat(f"Comment: {COMMENT}") in signatures
    assert len(report.hashes) == 2
    for fingerprint in report.hashes:
        assert re.fullmatch(r"[0-9a-f]{64}", fingerprint)
        assert fingerprint in squeezed(signatures), "a fingerprint is cut"
    # The screen's navigation and hints are not printed.
    assert "Log out" not in text
    assert "Back to the interview" not in text
