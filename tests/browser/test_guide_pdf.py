"""The printed interview guide: Chromium prints a published grid to an A4 PDF.

The grid is built through the services in the live server's database (fast), then the
guide page is printed as a user would (print stylesheet, @page rules) and the PDF's
text is read back with pypdf.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import LiveServer
from tests.browser.test_people_browser import log_in

COMPANY = "Rhône Mécanique (démo)"
TYPE_LABEL = "Annual evaluation"
GRID_NAME = "Annual review — printed guide (test)"
LEVELS = ["Insuffisant", "À améliorer", "Satisfaisant", "Excellent"]
NOT_ASSESSED = "Not assessed"

# 3 sections × 6 questions of mixed kinds, each with a guide for the interviewer.
SECTIONS = [
    {
        "title": "Review of the past year",
        "intro": "Look back on the twelve months since the last interview.",
        "scored": True,
        "questions": [
            ("rating", "Quality of the work delivered", 60),  # both rate
            ("rating", "Meeting deadlines agreed with the team", 40),  # the manager rates
            ("long_text", "Which achievements are you most proud of?", None),
            ("short_text", "Main project of the year", None),
            ("yes_no", "Were the resources needed available?", None),
            ("single_choice", "How was the workload over the year?", None),
        ],
    },
    {
        "title": "Working conditions",
        "intro": None,
        "scored": False,
        "questions": [
            ("long_text", "How do you organise your working week?", None),
            ("multiple_choice", "Which tools do you use every day?", None),
            ("number", "Days of remote work per week", None),
            ("yes_no", "Is the workload compatible with your private life?", None),
            ("short_text", "Person to contact about equipment", None),
            ("date", "Date of the last workstation review", None),
        ],
    },
    {
        "title": "Development and next steps",
        "intro": "Prepare the coming year together.",
        "scored": False,
        "questions": [
            ("long_text", "Which skills would you like to develop?", None),
            ("single_choice", "Preferred training format", None),
            ("short_text", "Position you would like in three years", None),
            ("yes_no", "Would you consider a mobility?", None),
            ("long_text", "Support expected from your manager", None),
            ("final_comment", "Employee's final comment", None),
        ],
    },
]
CHOICES = {
    "single_choice": ["Light", "Balanced", "Heavy"],
    "multiple_choice": ["Spreadsheet", "ERP", "CAD software"],
}


def guide_text(label: str) -> str:
    return f"Ask for one concrete example about: {label.lower().rstrip('?')}."


@dataclass(frozen=True)
class Guide:
    grid_id: int
    number: int


@pytest.fixture(scope="module")
def guide(server: LiveServer) -> Guide:
    """A published annual grid built directly in the live server's database."""
    import sqlalchemy as sa

    from hr.db import db
    from hr.grids import services
    from hr.grids.models import InterviewType, RatingScale

    with server.app.app_context():
        scale = RatingScale(
            name="Four levels (PDF test)",
            levels=[{"value": i, "label": label} for i, label in enumerate(LEVELS, start=1)],
            not_assessed=True,
        )
        db.session.add(scale)
        annual = db.session.scalar(sa.select(InterviewType).where(InterviewType.code == "annual"))
        grid = services.create_grid(None, annual, GRID_NAME)
        version = grid.versions[0]
        for spec in SECTIONS:
            section = services.add_section(
                None, version, spec["title"], spec["intro"], spec["scored"]
            )
            for kind, label, weight in spec["questions"]:
                options = {}
                if kind == "rating":
                    options["scale"] = scale.as_option()
                if kind in CHOICES:
                    options["choices"] = CHOICES[kind]
                services.add_question(
                    None,
                    section,
                    {
                        "kind": kind,
                        "label": label,
                        "help_text": guide_text(label),
                        "answered_by": "manager" if label.startswith("Meeting") else "both",
                        "weight": weight,
                        "options": options,
                    },
                )
        services.publish(None, version)
        db.session.commit()
        made = Guide(grid.id, version.number)
        db.session.remove()
    return made


def print_pdf(page: Page, guide: Guide) -> bytes:
    log_in(page)
    page.goto(f"/grids/{guide.grid_id}/v/{guide.number}/print")
    expect(page.locator("h1")).to_have_text(TYPE_LABEL)
    return page.pdf(format="A4")


def flat(text: str) -> str:
    """Comparable text: ligatures undone (ﬁ → fi), whitespace and line breaks collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_blank_guide_prints_to_a4_pdf(page: Page, guide: Guide):
    reader = PdfReader(io.BytesIO(print_pdf(page, guide)))
    pages = [flat(p.extract_text()) for p in reader.pages]
    text = " ".join(pages)

    # 18 questions with room to write: more than one sheet, but no runaway layout.
    # (4 pages with the fonts of Debian's chromium.)
    assert 3 <= len(pages) <= 6, f"{len(pages)} pages"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297), "not A4"

    # Page numbers from the @page margin box of print.css, on every page.
    for number, page_text in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page_text, f"no page number on page {number}"

    first = pages[0]
    assert flat(COMPANY) in first
    assert TYPE_LABEL in first
    assert GRID_NAME in first
    assert "version 1" in first
    for spec in SECTIONS:
        assert spec["title"] in text
        if spec["intro"]:
            assert spec["intro"] in text
        for _kind, label, _weight in spec["questions"]:
            assert flat(label) in text, label
            assert flat(f"Guide: {guide_text(label)}") in text, label
    # Sections and their questions in the grid's order.
    headings = [
        text.index(flat(item))
        for spec in SECTIONS
        for item in [spec["title"], *(label for _kind, label, _weight in spec["questions"])]
    ]
    assert headings == sorted(headings)

    # Ratings and choices print as boxes to tick, with the scale's own labels; when
    # both parties rate, each gets a row.
    rating_boxes = flat(" ".join(f"☐ {level}" for level in [*LEVELS, NOT_ASSESSED]))
    assert text.count(rating_boxes) == 3
    assert text.count(f"Employee: {rating_boxes}") == 1
    assert text.count(f"Manager: {rating_boxes}") == 1
    for choices in CHOICES.values():
        assert flat(" ".join(f"☐ {choice}" for choice in choices)) in text
    assert text.count("☐ Yes ☐ No") == 3

    assert "Signatures" in pages[-1]
    # The print stylesheet hides the screen's navigation and links.
    assert "Log out" not in text
    assert "Use your browser's Print command" not in text
