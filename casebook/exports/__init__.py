"""Stage 5, exports: a `Casebook` in; files for other systems and for the pages' scripts out.

data (JSON, CSV, Atom), word (briefing .docx), slides (training .pptx), explorer (the case
explorer's index) and builder (the briefing builder's JSON).
"""
