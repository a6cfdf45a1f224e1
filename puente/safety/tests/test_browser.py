"""A resident on a phone, with JavaScript on and off, makes a plan in Arabic and downloads its PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from puente.safety.tests import traces

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _reach(page, selector: str) -> None:
    """With the script on, click Next until the step holding the field is shown."""
    for _ in range(6):
        if page.locator(selector).is_visible():
            return
        page.locator(".step:not([data-hidden]) .next").click()
    raise AssertionError(f"{selector} never became visible")


def _fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        selector = f"[name={name}]"
        _reach(page, selector)
        if name == "card_a_number":
            page.check(selector)
        else:
            page.fill(selector, value)
    _reach(page, "button[value=show]")


def _carries(request, needles: list[bytes]) -> bool:
    body = request.post_data_buffer or b""
    return traces.search_bytes(request.url.encode() + body, needles)


def test_it_builds_the_plan_in_the_browser_and_posts_only_for_the_pdf(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    values = traces.markers()
    needles = traces.needles(values)
    page.goto(f"{live_server.url}/ar/safety/plan/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".step:visible").count() == 1

    _fill(page, values)
    page.click("button[value=show]")
    plan = page.locator("#plan-output .plan")
    plan.wait_for()
    assert values["full_name"] in plan.inner_text() and values["lawyer_name"] in plan.inner_text()
    assert plan.locator("[data-field=school_name]").count() == 0  # nothing typed there
    page.click("#plan-output [data-do=card]")
    card = page.locator("#card-output .wallet-card")
    assert values["a_number"] in card.inner_text() and values["contact1_name"] in card.inner_text()
    assert not any(_carries(r, needles) for r in requests)

    page.click("#card-output [data-do=show]")
    with page.expect_download() as download:
        page.click("#plan-output button[value=pdf]")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    carrying = [r for r in requests if _carries(r, needles)]
    assert [(r.method, r.url.removeprefix(live_server.url)) for r in carrying] == [
        ("POST", "/ar/safety/plan/")
    ]
    context.close()


def test_it_makes_the_plan_on_the_server_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    values = traces.markers()
    page.goto(f"{live_server.url}/ar/safety/plan/")
    assert page.locator("fieldset.step:visible").count() == 6  # one long form
    _fill(page, values)
    page.click("button[value=show]")
    plan = page.locator(".plan")
    assert values["full_name"] in plan.inner_text() and values["money"] in plan.inner_text()
    page.click("button[value=card]")
    assert values["a_number"] in page.locator(".wallet-card").inner_text()
    context.close()
