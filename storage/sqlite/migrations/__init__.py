"""The SQLite schema as versioned migration sets (sqlite-utils), one per feature; their names are recorded in every database."""
