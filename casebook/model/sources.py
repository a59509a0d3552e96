"""Facts about sources that pages, exports and rules share: how an undated source is shown, and
which addresses are not an original publication (a staging copy of a site, a document-sharing
or repost site, a machine-translation proxy). The one list of such hosts and their reasons is here.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

UNDATED = "undated"

# Host (or parent domain) -> why a page there is not the original publication.
_SHARING = "on a document-sharing site, which holds copies uploaded by anyone, not the publisher's page"
_TRANSLATED = "on a machine-translation proxy, which serves a translated copy, not the publisher's page"
_PROXY = "on a web proxy, which serves a copy of another site's page, not the publisher's page"
COPY_HOSTS = {
    "slideshare.net": _SHARING,
    "slideplayer.com": _SHARING,
    "scribd.com": _SHARING,
    "issuu.com": _SHARING,
    "docplayer.net": _SHARING,
    "yumpu.com": _SHARING,
    "studylib.net": _SHARING,
    "pdfslide.net": _SHARING,
    "documents.pub": _SHARING,
    "pdfslide.us": _SHARING,
    "slideserve.com": _SHARING,
    "docslides.com": _SHARING,
    "vdocument.in": _SHARING,
    "dokumen.tips": _SHARING,
    "vdocuments.site": _SHARING,
    "vdocuments.us": _SHARING,
    "vdocuments.mx": _SHARING,
    "docslib.org": _SHARING,
    "docsbay.net": _SHARING,
    "translate.goog": _TRANSLATED,
    "translate.google.com": _TRANSLATED,
    "translate.googleusercontent.com": _TRANSLATED,
    "translatoruser-int.com": _TRANSLATED,
    "nproxy.org": _PROXY,
}
# A host label naming a test copy of a site: staging.example.gov.uk, example-uat.example.com.
STAGING_LABEL = re.compile(r"^(.+[-.])?(staging|stage|stg|uat|pre-?prod|preview|dev|test|qa|sandbox)([-0-9].*)?$")
STAGING_REASON = "on a staging or test copy of a site, which may differ from the live page or vanish"


def copy_reason(url: str) -> str | None:
    """Why `url` is not the original publication, or None when nothing marks it so."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    for start in range(len(labels)):
        reason = COPY_HOSTS.get(".".join(labels[start:]))
        if reason:
            return reason
    # Only labels left of the registered name count: dev.to and test.com are real sites.
    if any(STAGING_LABEL.match(label) for label in labels[:-2]):
        return STAGING_REASON
    return None


def published_label(published: str, read_on: date | None) -> str:
    """A source's date as readers see it: as written, or 'undated, read on <date>'."""
    if published == UNDATED and read_on is not None:
        return f"{UNDATED}, read on {read_on.isoformat()}"
    return published
