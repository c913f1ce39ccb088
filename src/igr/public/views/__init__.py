"""Public pages of the register: thin views over ``queries``, ``filters``, ``timeliness`` and ``search``."""

from .documents import edition_download, edition_page, source_download
from .meetings import home, language_root, meeting_detail, meeting_list
from .records import agreement_detail, agreement_list, body_detail, body_list, person_detail, person_list
from .reports import reporting, search

__all__ = [
    "agreement_detail",
    "agreement_list",
    "body_detail",
    "body_list",
    "edition_download",
    "edition_page",
    "home",
    "language_root",
    "meeting_detail",
    "meeting_list",
    "person_detail",
    "person_list",
    "reporting",
    "search",
    "source_download",
]
