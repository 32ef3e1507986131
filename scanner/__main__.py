"""`python -m scanner` is the `fingertip` command."""

from scanner.cli import main

if __name__ == "__main__":
    main()
