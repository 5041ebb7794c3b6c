"""PostgreSQL migration sets, one per feature, with the names SQLite's sets have."""
