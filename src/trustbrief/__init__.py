"""trustbrief: news coverage of a bilateral relationship -> evidence tables -> briefs.

Stages (one module each): corpus -> extract (timex) -> dating -> events -> metrics,
then charts/findings for the notebooks and render for publishing.
"""

__version__ = "0.1.0"

import sys as _sys

# jsonschema (via altair) imports rfc3987_syntax when installed (jupyterlab pulls it in),
# which builds a grammar at import and costs ~3 s per process: every kernel start and CLI
# call. We never validate IRI formats, so we tell Python it is absent; jsonschema then
# simply skips that format checker.
_sys.modules.setdefault("rfc3987_syntax", None)
