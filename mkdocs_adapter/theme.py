"""What the code knows about Material's HTML: the one selector that finds a page's own text."""

from __future__ import annotations

# Material's page body: no header, nav or footer. Pagefind indexes only this element.
ROOT_SELECTOR = "article.md-content__inner"
