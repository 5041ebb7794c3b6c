"""Backends of the core's ports: sqlite/ (the embedded default) and, beside it, any other database; files.py keeps generated files on disk."""
