"""CLI commands beyond `scan`, one module each; scanner/cli.py registers them on its group."""
