"""Stage 4, model: Documents that passed shape and rules in; a `Casebook` out.

entries holds the frozen dataclasses, index builds the Casebook and its lookups, urls says where
every page lives and how pages link, strength grades evidence, similar scores related cases, and
sources holds facts about sources shared by pages, exports and rules.
"""
