"""The catalog: every parsed design in, the catalog, its graph, lifecycle and checks out.

Pure: nothing here imports MkDocs or renders output; findings are values.
"""
