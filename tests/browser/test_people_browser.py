"""The people directory in a real browser: log in, search as you type, open a person.

Only Playwright's auto-waiting `expect` is used: no sleeps, no timing assertions.
"""

from __future__ import annotations

import re
from urllib.parse import quote_plus

from playwright.sync_api import Page, expect

from tests.browser.conftest import DEMO_PASSWORD, HR_EMAIL, LiveServer

PAGE_SIZE = 25


def log_in(page: Page, email: str = HR_EMAIL, password: str = DEMO_PASSWORD) -> None:
    page.goto("/login")
    form = page.locator("main form")
    form.locator("#email").fill(email)
    form.locator("#password").fill(password)
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("header .who")).to_be_visible()


def q_in_url(term: str) -> re.Pattern:
    return re.compile(rf"/people\?(.*&)?q={re.escape(quote_plus(term))}(&|$)")


def results(page: Page):
    return page.locator("#people-results")


def expect_only_matches(page: Page, server: LiveServer) -> None:
    rows = results(page).locator("tbody tr")
    expect(rows).to_have_count(len(server.matches))
    for match in server.matches:
        expect(
            results(page).get_by_role("link", name=f"{match.last_name} {match.first_name}")
        ).to_be_visible()


def expect_person_page(page: Page, server: LiveServer) -> None:
    person = server.person
    expect(page).to_have_url(re.compile(rf"/people/{person.id}$"))
    expect(page.locator("h1")).to_contain_text(person.full_name)
    expect(page.locator("dl.facts").first).to_contain_text(person.employee_number)


def open_person(page: Page, server: LiveServer) -> None:
    person = server.person
    results(page).get_by_role("link", name=f"{person.last_name} {person.first_name}").click()
    expect_person_page(page, server)


def test_search_as_you_type_updates_results_without_reloading(page: Page, server: LiveServer):
    log_in(page)
    page.get_by_role("navigation", name="Main menu").locator('a[href="/people"]').click()
    expect(page).to_have_url(re.compile(r"/people$"))
    expect(results(page).locator("tbody tr")).to_have_count(PAGE_SIZE)
    # A full page load would wipe this; htmx swaps the results in place.
    page.evaluate("window.__sameDocument = 'yes'")

    page.locator("#q").press_sequentially(server.term)

    expect(page).to_have_url(q_in_url(server.term))
    expect_only_matches(page, server)
    assert page.evaluate("window.__sameDocument") == "yes", "the search reloaded the page"
    expect(page.locator("#q")).to_have_value(server.term)

    open_person(page, server)


def test_search_works_without_javascript_on_enter(nojs_page: Page, server: LiveServer):
    page = nojs_page
    log_in(page)
    page.goto("/people")
    expect(results(page).locator("tbody tr")).to_have_count(PAGE_SIZE)

    page.locator("#q").fill(server.term)
    page.locator("#q").press("Enter")

    expect(page).to_have_url(q_in_url(server.term))
    expect(page.locator("#q")).to_have_value(server.term)
    expect_only_matches(page, server)
    open_person(page, server)


def test_search_works_without_javascript_with_the_button(nojs_page: Page, server: LiveServer):
    page = nojs_page
    log_in(page)
    page.goto("/people")

    page.locator("#q").fill(server.term)
    page.locator("form.filters button[type=submit]").click()

    expect(page).to_have_url(q_in_url(server.term))
    expect_only_matches(page, server)
