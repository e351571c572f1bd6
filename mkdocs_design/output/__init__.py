"""Output: the catalog in, what readers see out: badges, views, marks, graphs and assets.

Pure and deterministic: every function takes what it needs and returns text, escaped for the
place it goes.
"""
