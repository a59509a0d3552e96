"""Stage 6, search: a built site in; the Pagefind index and the maps the search box reads out.

The theme's page-body selector is passed in by the caller (mkdocs_adapter.theme), so this package
knows Pagefind but not Material.
"""
