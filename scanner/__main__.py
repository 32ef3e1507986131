"""`python -m scanner` is the `fingertip` command."""

from scanner.cli import run

if __name__ == "__main__":
    run()
