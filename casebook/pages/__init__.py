"""Stage 5, pages: a `Casebook` in; the Markdown source of every generated page out (`SiteFile`s).

render owns the Jinja environment and the entry pages; audience, briefing, citation, statements,
contribute and training/training_pages make the other generated pages.
"""
