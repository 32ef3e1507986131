"""The scan ledger and the green/blue/red code (issue 6; DOMAIN.md §3).

with open_ledger(url) as ledger:                 # None: the default SQLite file
    extra = ledger.identity_findings(doc)        # ID-FILING-002: re-key, package id changed
    rating = ledger.record(doc)                  # stores the scan; the code at that time
    doc["rating"] = rating.to_dict()             # the report's `rating` object
    ledger.rating("android", "cn.gov.x", now=…)  # the code at any time
    ledger.history("cn.gov.x")                   # versions, scans, added/fixed findings
"""

from scanner.ledger.config import RatingConfig, RatingConfigError, load_rating_config
from scanner.ledger.history import AppHistory
from scanner.ledger.rating import AuditEntry, Rating
from scanner.ledger.store import Ledger, LedgerError, default_path, open_ledger

__all__ = [
    "AppHistory",
    "AuditEntry",
    "Ledger",
    "LedgerError",
    "Rating",
    "RatingConfig",
    "RatingConfigError",
    "default_path",
    "load_rating_config",
    "open_ledger",
]
