"""The channel-shift calculator and the readiness check, driven as a person would."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_calculator_shows_defaults_with_their_working(page):
    page.goto("tools/channel-shift/")
    assert page.locator('[data-out="saving"]').inner_text() == "£95,950"
    assert page.locator('[data-out="working-f2f"]').inner_text() == (
        "50,000 face-to-face contacts × 10% = 5,000 moved × (£8.62 − £0.15) = £42,350")
    assert "Socitm" in page.locator("article").inner_text()


def test_calculator_updates_and_keeps_inputs_in_the_url(page):
    page.goto("tools/channel-shift/")
    page.fill('input[name="phone"]', "100000")
    page.fill('input[name="phone_share"]', "25")
    page.fill('input[name="cost_digital"]', "0.5")
    # 5,000 x (8.62 - 0.5) + 25,000 x (2.83 - 0.5)
    assert page.locator('[data-out="saving"]').inner_text() == "£98,850"
    assert "phone=100000" in page.url and "phone_share=25" in page.url and "cost_digital=0.5" in page.url
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert page.input_value('input[name="phone_share"]') == "25"
    assert page.locator('[data-out="saving"]').inner_text() == "£98,850"


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
