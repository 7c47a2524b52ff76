"""Importing registration exports (Eventbrite, Luma, generic CSV): no Flask in here.

`analyse(path)` reads the header and guesses the mapping, `check` validates every row,
`commit` writes them all or nothing.
"""

from web.services.importing.importer import Plan, Report, analyse, check, commit, overrides_by_name
from web.services.importing.mapping import FIELDS
from web.services.importing.reading import ImportFileError

__all__ = [
    "FIELDS",
    "ImportFileError",
    "Plan",
    "Report",
    "analyse",
    "check",
    "commit",
    "overrides_by_name",
]
