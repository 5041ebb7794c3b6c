"""SQLite (sqlite-utils) implementations of the core's ports, one module per port family, and the database's migrations."""
