"""Buy-in Casebook's domain package: the content in, the site's files out. Never imports MkDocs.

    content/    YAML files -> Documents (lines kept) -> shape problems against the contract
    rules/      Documents -> cross-file problems (references, dates, duplicates, staleness)
    model/      valid Documents -> a Casebook (frozen entries, lookups, urls, evidence strength)
    pages/      a Casebook -> generated page sources (Markdown + front matter), SiteFile records
    exports/    a Casebook -> data files: JSON, CSV, Atom, Word, slides, explorer and builder JSON
    search/     a built site -> the Pagefind index and the maps the search box reads
    security/   a built site -> its Content-Security-Policy; contributor text made inert
    scheduled/  content -> link and staleness reports (network; never run by the build)

The two ends: `repository.load_casebook(root)` (content -> problems and Casebook) and
`site.site_files(book)` (Casebook -> every generated file). `problems` and `rule_registry` are the
problem record and the list of rule ids every stage reports with; `clock` is the one date.
Whatever knows MkDocs, Material or Python-Markdown lives in the `mkdocs_adapter` package.
"""
