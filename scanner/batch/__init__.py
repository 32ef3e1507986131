"""`fingertip batch`: many packages, one isolated worker process each, resumable.

inputs   INPUT arguments -> package paths (folders, globs, list files)
job      what one package's worker does: scan, write its reports, return a record
limits   the worker process with its time and memory limits
state    finished records keyed by package sha256 (what makes a batch resumable)
outputs  batch.json, batch.csv and index.html over all records
run      the driver: local pool or a Dask cluster, progress, resume
"""
