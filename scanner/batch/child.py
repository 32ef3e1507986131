"""`python -m scanner.batch.child`: one job from stdin (JSON), its record to stdout (JSON).

Used where the batch's own process may not fork workers (a daemonic Dask worker)."""

from __future__ import annotations

import json
import os
import resource
import sys

from scanner.batch import job as jobs


def main() -> None:
    raw = json.loads(sys.stdin.read())
    record = jobs.run(jobs.Job.from_dict(raw))
    record["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    sys.stdout.write(json.dumps(record))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
