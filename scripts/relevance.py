"""What a manager types into the search, in one list: the relevance suite's queries.

`tests/browser/test_search_relevance.py` runs them over a fixture site with the expected top three
of each; `scripts/bench_search.py --relevance SITE` runs them over a built real site and reports
the share whose first result is one a manager would want (REAL_FIRST, judged by hand; a query
missing there is not counted). Both use the header box, which the home box matches page for page.
"""

from __future__ import annotations

QUERIES = (
    "reduce calls",
    "councillor abuse",
    "return on investment",
    "bin collection",
    "Facebook council 2023",
    "contact centre pilot",
    "gritting",
    "ROI",
    "Manchester",
    "winter",
    "flooding",
    "recruitment video",
    "missing person appeal",
    "live stream council meeting",
    "parking permits",
    "cost per call",
    "find a champion",
    "frame a pilot",
    "elected member",
    "response time",
    "police 2019",
    "channel shift calculator",
    "readiness",
    "customer service",
    "train staff",
    "school closures",
    "executives",
)

# Real site: the pages (urls from the site root) a manager would accept as the first result.
REAL_FIRST = {
    "reduce calls": (
        "/cases/lincolnshire-gritting-twitter/",
        "/cases/merseyside-police-social-media-desk/",
        "/cases/cotswold-district-council-telephone-hours-channel-choice/",
        "/cases/blackburn-with-darwen-winter-page/",
    ),
    "councillor abuse": (
        "/cases/lga-councillors-census-2022-abuse/",
        "/cases/nilga-councillor-abuse-survey-2023/",
        "/cases/lga-debate-not-hate-survey-2024/",
        "/benefits/most-councillors-face-abuse-so-support-matters/",
    ),
    "return on investment": ("/guides/channel-shift-economics/", "/kits/executives/"),
    "ROI": ("/guides/channel-shift-economics/", "/kits/executives/"),
    "bin collection": ("/cases/blackburn-with-darwen-winter-page/",),
    "Facebook council 2023": (
        "/cases/mission-bc-mayor-facebook-live/",
        "/cases/wealden-district-council-nextdoor-comparison/",
        "/cases/billingshurst-parish-council-facebook-broadcast/",
    ),
    "contact centre pilot": (
        "/kits/customer-service/",
        "/training/briefing-customer-service/",
        "/guides/frame-it-as-a-pilot/",
    ),
    "gritting": ("/cases/west-midlands-wmgrit-gritting-tweets/", "/cases/lincolnshire-gritting-twitter/"),
    "Manchester": ("/cases/greater-manchester-police-24-hour-tweets/",),
    "find a champion": ("/guides/find-a-champion/",),
    "frame a pilot": ("/guides/frame-it-as-a-pilot/",),
    "cost per call": (
        "/guides/channel-shift-economics/",
        "/tools/channel-shift/",
        "/benefits/inbound-call-costs-6-55-on-average/",
    ),
    "channel shift calculator": ("/tools/channel-shift/",),
    "readiness": ("/tools/readiness/",),
    "customer service": ("/kits/customer-service/",),
    "elected member": ("/kits/elected-members/",),
    "train staff": ("/guides/train-and-support/",),
    "live stream council meeting": (
        "/cases/warwick-district-council-youtube-meetings/",
        "/cases/billingshurst-parish-council-facebook-broadcast/",
        "/cases/scarborough-council-webcasts-to-social-media/",
    ),
    "recruitment video": ("/cases/west-memphis-police-tiktok-recruitment-video/",),
    "winter": (
        "/cases/blackburn-with-darwen-winter-page/",
        "/cases/lincolnshire-gritting-twitter/",
        "/cases/west-midlands-wmgrit-gritting-tweets/",
    ),
    "flooding": ("/cases/queensland-police-floods-facebook/",),
    "school closures": ("/cases/blackburn-with-darwen-winter-page/",),
    "missing person appeal": ("/cases/surrey-police-social-media-appeals/",),
    # Pages whose claim is a response time: expected (Edison), achieved (KLM, TfL).
    "response time": (
        "/benefits/social-complainers-expect-reply-within-an-hour/",
        "/benefits/klm-answers-social-questions-in-23-minutes-on-average/",
        "/cases/klm-social-customer-care/",
        "/cases/transport-for-london-twitter-travel-updates/",
    ),
    # Police forces' cases of 2018 to 2020 (a year typed means about that year).
    "police 2019": (
        "/cases/sedona-police-nextdoor-urgent-alert/",
        "/cases/northamptonshire-police-facebook-live-qa/",
        "/cases/vest-police-district-tiktok-online-patrol/",
    ),
    "executives": ("/kits/executives/",),
}
