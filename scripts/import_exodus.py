"""Import the Exodus Privacy tracker list into signatures/data/trackers/exodus.json.

Keeps the fields the scanner uses (id, name, code and network signatures, website, categories)
and records where the list came from, when it was imported and the sha256 of the input, so every
report can say which tracker data it used. Run: python scripts/import_exodus.py [SOURCE_JSON]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "trackers" / "exodus_trackers.json"
TARGET = ROOT / "signatures" / "data" / "trackers" / "exodus.json"
UPSTREAM = (
    "Exodus Privacy tracker API (ETIP), as copied by MobSF at "
    "mobsf/signatures/exodus_trackers, commit 62563ca429a75b3e5d47a13b958e1d2e7d5e2bbf"
)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    raw = source.read_bytes()
    trackers = json.loads(raw)["trackers"]
    entries = [
        {
            "id": f"exodus-{t['id']}",
            "exodus_id": t["id"],
            "name": t["name"],
            "categories": t.get("categories") or [],
            "code_signature": t.get("code_signature") or "",
            "network_signature": t.get("network_signature") or "",
            "website": t.get("website") or "",
            "creation_date": t.get("creation_date") or "",
        }
        for t in sorted(trackers.values(), key=lambda t: int(t["id"]))
    ]
    doc = {
        "source": {
            "upstream": UPSTREAM,
            "file": source.name,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "imported": dt.date.today().isoformat(),
            "newest_creation_date": max(e["creation_date"] for e in entries),
            "licence": "Exodus Privacy tracker database; see exodus-privacy.eu.org",
        },
        "trackers": entries,
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(entries)} trackers to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
