"""Everything that knows MkDocs, Material or Python-Markdown, beside hooks/ (the MkDocs hooks).

    buildcache      `mkdocs serve`: replays pages whose inputs did not change (MkDocs page internals)
    serveindex      `mkdocs serve`: the search index rebuilt in the background
    prerender       generated pages' HTML and toc without Python-Markdown's parse (toc's anchors)
    problem_page    `mkdocs serve` with content errors: the problem list as the site
    theme           Material's HTML: the selector of a page's own text
    markdown_engine the one caller of Python-Markdown, which casebook/ reaches only through it

A move to another site generator rewrites this package and hooks/, and leaves casebook/ alone.
"""
