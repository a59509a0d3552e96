"""The channel-shift calculator and the readiness check, driven as a person would."""

from __future__ import annotations

import pytest
from browser_support import open_page, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_page(browser, base_url):
    context, page, errors = open_page(browser, base_url, {"width": 390, "height": 844})
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


def test_calculator_shows_defaults_with_their_working_and_range(page):
    page.goto("tools/channel-shift/")
    assert page.locator('[data-out="label"]').inner_text() == "Estimated annual saving"
    assert page.locator('[data-out="saving"]').inner_text() == "£83,750"
    assert page.locator('[data-out="working-f2f"]').inner_text() == (
        "50,000 face-to-face visits × 10% = 5,000 moved × (£12.43 − £2.40 a social reply) = £50,150"
    )
    assert [page.locator(f'[data-out="{name}"]').inner_text() for name in ("low", "central", "high")] == [
        "Saving £41,875",
        "Saving £83,750",
        "Saving £125,625",
    ]
    # Each share says which channel it belongs to.
    assert page.locator('[data-out="low-shares"]').inner_text() == "face to face 5%, phone 5%"
    assert not page.locator('[data-out="working-staff"]').is_visible()  # no "− £0" line
    text = page.locator("article").inner_text()
    assert "Socitm" in text and "239.4" in text and "345.2" in text and "£8.62" in text
    assert "70% more than email" in text


def test_calculator_updates_and_keeps_inputs_in_the_url(page):
    page.goto("tools/channel-shift/")
    page.fill('input[name="phone"]', "100000")
    page.fill('input[name="phone_share"]', "25")
    page.fill('input[name="cost_social"]', "0.5")
    # 5,000 x (12.43 - 0.5) + 25,000 x (4.08 - 0.5)
    assert page.locator('[data-out="saving"]').inner_text() == "£149,150"
    assert "phone=100000" in page.url and "phone_share=25" in page.url and "cost_social=0.5" in page.url
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert page.input_value('input[name="phone_share"]') == "25"
    assert page.locator('[data-out="saving"]').inner_text() == "£149,150"


@pytest.mark.parametrize(
    "field, typed", [("cost_phone", "£4.50"), ("cost_phone", "4.50"), ("phone", "200,000"), ("phone_share", "3%")]
)
def test_calculator_accepts_what_people_type(page, field, typed):
    page.goto("tools/channel-shift/")
    page.fill(f'input[name="{field}"]', typed)
    assert not page.locator(f"#err-{field}").is_visible()
    assert page.locator(".cb-calc__answer").is_visible()
    # The same result as the plain number: "£4.50" is 4.5, "200,000" is 200000, "3%" is 3.
    plain = {"£4.50": "4.5", "4.50": "4.5", "200,000": "200000", "3%": "3"}[typed]
    assert f"{field}={plain}&" in page.url + "&"


def test_calculator_leaves_out_a_channel_with_nothing_moved(page):
    page.goto("tools/channel-shift/")
    page.fill('input[name="f2f"]', "0")
    assert not page.locator('[data-out="working-f2f"]').is_visible()
    assert page.locator('[data-out="working-phone"]').is_visible()
    assert page.locator('[data-out="central-shares"]').inner_text() == "phone 10%"


def test_calculator_nets_off_staffing_and_calls_a_loss_a_cost(page):
    page.goto("tools/channel-shift/")
    page.fill('input[name="staff"]', "200000")
    assert page.locator('[data-out="label"]').inner_text() == "Estimated annual cost"
    assert page.locator('[data-out="saving"]').inner_text() == "£116,250"
    assert "−" not in page.locator(".cb-calc__headline").inner_text()
    assert page.locator('[data-out="central"]').inner_text() == "Cost £116,250"
    assert page.locator('[data-out="working-staff"]').inner_text() == (
        "Gross saving £83,750 − staffing the social channel £200,000 = a cost of £116,250"
    )


def test_calculator_result_sits_beside_the_inputs_on_a_desktop(page):
    page.goto("tools/channel-shift/")
    form = page.locator("#cb-calculator").bounding_box()
    result = page.locator("#cb-calc-result").bounding_box()
    assert result["x"] >= form["x"] + form["width"] - 1  # to the right, not below
    assert result["y"] < 900  # in the first screen
    assert page.locator("table.cb-calc__range").evaluate("t => getComputedStyle(t).borderCollapse") == "collapse"


def test_calculator_on_a_phone_shows_the_result_in_a_bar_until_it_is_in_view(phone_page):
    phone_page.goto("tools/channel-shift/")
    bar = phone_page.locator(".cb-calc__sticky")
    phone_page.fill('input[name="phone_share"]', "20")
    assert bar.is_visible() and "£117,350" in bar.inner_text()
    assert bar.bounding_box()["height"] >= 44
    bar.locator("a").click()
    wait_until(phone_page, "document.querySelector('.cb-calc__sticky').hidden")
    box = phone_page.locator('[data-out="saving"]').bounding_box()
    assert 0 <= box["y"] < 844


def test_calculator_sends_its_result_to_the_briefing_and_local_storage(page):
    page.goto("tools/channel-shift/")
    page.fill('input[name="cost_phone"]', "£5")
    stored = page.evaluate("JSON.parse(localStorage.getItem('cb-calculator-result'))")
    assert (stored["costPerCall"], stored["costPerSocial"], stored["costPerFaceToFace"]) == (5, 2.4, 12.43)
    assert stored["netSaving"] == 102150 and stored["defaultsChanged"] is True
    assert [s["url"].split("/")[2] for s in stored["sources"]] == ["www.wired-gov.net", "www.ccma.org.uk"]
    page.get_by_role("link", name="Send to my briefing").click()
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    local = page.locator(".cb-briefing__case--local")
    assert local.locator(".cb-briefing__figure").inner_text() == "£102,150"
    assert local.locator(".cb-briefing__measure").inner_text() == (
        "Estimated annual saving of moving contacts to social media"
    )
    assert "10% of 200,000 calls at £5" in local.locator(".cb-briefing__org").inner_text()
    assert page.input_value('input[name="f1"]') == "£102,150"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone_share", "150", "A share is between 0 and 100 %."),
        ("f2f", "", "Enter a number."),
        ("cost_phone", "-2", "Cannot be negative."),
    ],
)
def test_calculator_shows_what_is_wrong_instead_of_replacing_it(page, field, value, message):
    page.goto("tools/channel-shift/")
    page.fill(f'input[name="{field}"]', value)
    error = page.locator(f"#err-{field}")
    assert error.is_visible() and error.inner_text() == message
    assert page.locator(f'input[name="{field}"]').get_attribute("aria-invalid") == "true"
    assert page.input_value(f'input[name="{field}"]') == value  # kept as typed, never swapped
    assert page.locator(".cb-calc__invalid").is_visible()
    assert not page.locator(".cb-calc__answer").is_visible()
    page.fill(f'input[name="{field}"]', "10")
    assert not error.is_visible() and page.locator(".cb-calc__answer").is_visible()


def test_calculator_switches_between_2011_and_adjusted_prices(page):
    page.goto("tools/channel-shift/")
    page.get_by_role("button", name="Use the 2011 prices as published").click()
    assert page.input_value('input[name="cost_f2f"]') == "8.62"
    assert page.input_value('input[name="cost_social"]') == "1.66"
    # 5,000 x (8.62 - 1.66) + 20,000 x (2.83 - 1.66)
    assert page.locator('[data-out="saving"]').inner_text() == "£58,200"
    page.get_by_role("button", name="Use the adjusted prices").click()
    assert page.input_value('input[name="cost_f2f"]') == "12.43"


def test_calculator_ignores_junk_in_a_shared_link(page):
    page.goto("tools/channel-shift/?f2f=lots&phone_share=900&cost_f2f=10")
    assert page.input_value('input[name="f2f"]') == "50000"
    assert page.input_value('input[name="phone_share"]') == "10"
    assert page.input_value('input[name="cost_f2f"]') == "10"


def test_readiness_sign_points_to_a_kit_and_the_summary_names_it(page):
    page.goto("tools/readiness/")
    sign = page.locator('.cb-sign[data-sign="team-leaders"]')
    link = sign.locator(".cb-sign__help a", has_text="customer service kit")
    assert not link.is_visible()
    sign.locator("input").check()
    assert link.is_visible()
    assert "signs=team-leaders" in page.url
    summary = page.locator("#cb-readiness-summary")
    assert "You ticked 1 of 7 warning signs." in summary.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/kits/customer-service/")


def test_readiness_ticks_survive_a_reload(page):
    page.goto("tools/readiness/?signs=silos,slow")
    assert page.locator('.cb-sign[data-sign="silos"] input').is_checked()
    assert page.locator('.cb-sign[data-sign="slow"] input').is_checked()
    kits = page.locator(".cb-readiness__kits li").all_inner_texts()
    assert kits and all("kit" in k for k in kits)


def test_readiness_result_is_a_printable_shareable_plan(browser, base_url):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("tools/readiness/?signs=silos,no-proof")
    steps = page.locator(".cb-readiness__steps > li")
    assert steps.count() == 2
    assert (
        steps.first.locator("strong").inner_text()
        == page.locator('.cb-sign[data-sign="silos"] .cb-sign__label strong').inner_text()
    )
    hrefs = steps.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(base_url) for h in hrefs)
    page.get_by_role("button", name="Copy link to this plan").click()
    page.locator(".cb-readiness__status").wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()").endswith("?signs=silos,no-proof")
    page.emulate_media(media="print")
    assert page.locator(".cb-readiness__steps").is_visible()
    assert not page.locator("form.cb-readiness").is_visible()
    assert not page.get_by_role("button", name="Print this plan").is_visible()
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Print this plan").click()
    assert page.evaluate("window.__printed") == 1
    context.close()
