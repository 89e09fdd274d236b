"""The grid editor in a real browser: HR builds an annual grid with htmx, then publishes it.

Only Playwright's auto-waiting `expect` is used: no sleeps, no timing assertions.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import LiveServer
from tests.browser.test_people_browser import log_in

LEVELS = "1 = Insuffisant\n2 = À améliorer\n3 = Satisfaisant\n4 = Excellent"
SCALE = "Four levels (browser test)"
GRID = "Annual review (browser test)"
SECTION = "Results of the year"
RATING = "Quality of the work delivered"
LONG_TEXT = "What went well this year?"


def create_scale(page: Page) -> None:
    """The demo company may have no rating scale: make one, as HR would."""
    page.goto("/grids/scales")
    form = page.locator("main form")
    form.get_by_label("Name", exact=True).fill(SCALE)
    form.get_by_label("Levels, one per line").fill(LEVELS)
    form.get_by_role("button", name="Save").click()
    expect(page.locator("#flashes")).to_contain_text("Scale saved.")
    expect(page.locator("main").get_by_role("link", name=SCALE)).to_be_visible()


def create_grid(page: Page) -> None:
    menu = page.get_by_role("navigation", name="Main menu")
    menu.get_by_text("More").click()  # HR tools sit in the "More" menu
    menu.get_by_role("link", name="Grids").click()
    expect(page).to_have_url(re.compile(r"/grids/$"))
    form = page.locator("section.card", has=page.get_by_role("heading", name="New grid"))
    form.get_by_label("Interview type").select_option(label="Annual evaluation")
    form.get_by_label("Name", exact=True).fill(GRID)
    form.get_by_role("button", name="Create the grid").click()
    expect(page).to_have_url(re.compile(r"/grids/\d+/v/1$"))
    expect(page.locator("h1")).to_have_text(GRID)
    expect(page.locator("main .lead")).to_contain_text("Annual evaluation")
    expect(page.locator("main .lead .badge")).to_have_text("draft")


def section_card(page: Page, title: str) -> Locator:
    return page.locator("section.section", has=page.get_by_role("heading", name=title))


def add_section(page: Page, title: str) -> Locator:
    form = page.locator("section.card.add")
    form.get_by_label("Section title").fill(title)
    form.get_by_label("Scored section").check()
    form.get_by_role("button", name="Add the section").click()
    section = section_card(page, title)
    expect(section).to_be_visible()
    expect(section.locator(".badge")).to_have_text("scored")
    return section


def open_question_form(section: Locator) -> Locator:
    details = section.locator("details.add-question")
    details.get_by_text("Add a question", exact=True).click()
    expect(details).to_have_attribute("open", "")
    form = details.locator("form")
    expect(form.get_by_label("Question", exact=True)).to_be_visible()
    return form


def labels(section: Locator) -> Locator:
    return section.locator("li.question .question-label")


def expect_same_document(page: Page) -> None:
    assert page.evaluate("window.__sameDocument") == "yes", "the editor reloaded the page"


def test_hr_builds_and_publishes_an_annual_grid(page: Page, server: LiveServer):
    log_in(page)
    create_scale(page)
    create_grid(page)
    editor_url = page.url
    # A full page load would wipe this; htmx swaps the edited parts in place.
    page.evaluate("window.__sameDocument = 'yes'")

    section = add_section(page, SECTION)

    form = open_question_form(section)
    form.get_by_label("Question", exact=True).fill(RATING)
    form.get_by_label("Kind", exact=True).select_option(label="Rating on a scale")
    form.get_by_label("Guide for the interviewer").fill("Rely on facts from the whole year.")
    form.get_by_label("Rating scale").select_option(label=SCALE)
    form.get_by_label("Weight (scored sections)").fill("100")
    form.get_by_role("button", name="Add the question").click()
    expect(labels(section)).to_have_text([RATING])
    expect(section.locator("li.question").first).to_contain_text("weight 100")
    expect(section).to_contain_text("Weights of rated questions: 100 / 100")

    form = open_question_form(section)
    form.get_by_label("Question", exact=True).fill(LONG_TEXT)
    form.get_by_label("Kind", exact=True).select_option(label="Long text")
    form.get_by_role("button", name="Add the question").click()
    expect(labels(section)).to_have_text([RATING, LONG_TEXT])
    expect(section.locator("details.add-question")).not_to_have_attribute("open", "")
    assert page.url == editor_url
    expect_same_document(page)

    # A single choice needs two choices: the error shows in the open form, in place.
    form = open_question_form(section)
    form.get_by_label("Question", exact=True).fill("Preferred schedule")
    form.get_by_label("Kind", exact=True).select_option(label="Single choice")
    form.get_by_label("Choices, one per line").fill("Mornings")
    form.get_by_role("button", name="Add the question").click()
    details = section.locator("details.add-question")
    expect(details).to_have_attribute("open", "")
    expect(details.locator(".error")).to_have_text(["Give at least two choices, one per line."])
    choices = details.get_by_label("Choices, one per line")
    expect(choices).to_have_attribute("aria-invalid", "true")
    expect(choices).to_have_value("Mornings")
    expect(details.get_by_label("Question", exact=True)).to_have_value("Preferred schedule")
    expect(labels(section)).to_have_text([RATING, LONG_TEXT])
    assert page.url == editor_url
    expect_same_document(page)

    section.locator("li.question", has_text=LONG_TEXT).get_by_role(
        "button", name="Move the question up"
    ).click()
    expect(labels(section)).to_have_text([LONG_TEXT, RATING])
    expect_same_document(page)

    # Edit a question in place, with the "add" form open too: each form's labels
    # point at its own inputs.
    section.locator("li.question", has_text=RATING).get_by_role("link", name="Edit").click()
    editing = section.locator("li.question.editing")
    expect(editing.get_by_label("Question", exact=True)).to_have_value(RATING)
    expect(editing.get_by_label("Weight (scored sections)")).to_have_value("100")
    add_form = open_question_form(section)
    expect(add_form.get_by_label("Question", exact=True)).to_have_value("")
    editing.get_by_label("Guide for the interviewer").fill("Rely on facts, not impressions.")
    editing.get_by_role("button", name="Save").click()
    expect(editing).to_have_count(0)
    expect(section.locator("li.question", has_text=RATING).locator(".guide")).to_have_text(
        "Rely on facts, not impressions."
    )
    expect(labels(section)).to_have_text([LONG_TEXT, RATING])
    assert page.url == editor_url
    expect_same_document(page)

    page.get_by_role("link", name="Check and publish").click()
    expect(page).to_have_url(re.compile(r"/grids/\d+/v/1/publish$"))
    expect(page.locator("h1")).to_have_text("Check and publish version 1")
    expect(page.locator(".problems.blocking")).to_have_count(0)
    page.get_by_role("button", name="Publish version 1").click()

    expect(page).to_have_url(editor_url)
    expect(page.locator("#flashes")).to_contain_text("Version 1 published.")
    expect(page.locator("main .lead .badge")).to_have_text(re.compile(r"^published on "))
    expect(page.locator("main")).to_contain_text("Published versions never change")
    section = section_card(page, SECTION)
    expect(labels(section)).to_have_text([LONG_TEXT, RATING])
    # Published versions are frozen: none of the editor's controls are left.
    main = page.locator("main")
    expect(main.locator("details.add-question")).to_have_count(0)
    expect(main.locator("section.card.add")).to_have_count(0)
    expect(main.locator(".row-actions")).to_have_count(0)
    expect(main.get_by_role("button", name="Move the question up")).to_have_count(0)
    expect(main.get_by_role("link", name="Check and publish")).to_have_count(0)
    expect(main.get_by_role("button", name="Edit (starts a new draft)")).to_be_visible()

    # The list of grids now shows it in use.
    page.get_by_role("link", name="Grids and guides").click()
    row = page.locator("tr", has=page.get_by_role("link", name=GRID))
    expect(row).to_contain_text("version 1, published on")
    expect(row.get_by_role("link", name="Print the guide")).to_be_visible()
