"""The publication layer: each public item's documents, rendered once when it changes.

`models` holds the store and the outbox; `render` makes an item's documents; `writer` is
the one function that writes the store; `dependants` finds what else must be rendered
again; `narrow` fits a stored document to a reader's scope; `consistency` compares the
store with the visibility rule and repairs drift.
"""
