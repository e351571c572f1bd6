"""Reading: a page's source text in, its :class:`~mkdocs_design.model.DesignDoc` out.

Pure and host-free: nothing here imports MkDocs, logs or raises for bad input; problems become
:class:`~mkdocs_design.model.Finding` values on the model.
"""
