"""The CI gate: a policy and a baseline applied to a scan's findings (`fingertip gate`).

policy.py (what fails), baseline.py (what a lab accepted, until when), evaluate.py (the pure
decision), report.py (a JSON report as input), output.py (summary, decision JSON, SARIF).
"""
