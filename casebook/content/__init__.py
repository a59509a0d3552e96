"""Stages 1-2, content: YAML files in; `Document`s (data + line of every key) and shape problems out.

load (with refuse's limits and yaml_hints' explanations) reads a file; contract holds the JSON
Schemas (field_docs explains every property); shape checks a Document against its schema. markup
checks and renders contributor Markdown; steps parses a training step's target; scaffold fills the
templates for a new entry.
"""
