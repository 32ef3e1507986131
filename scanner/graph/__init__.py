"""The whole-app code graph: a fast dex reader and the call graph built from it."""
