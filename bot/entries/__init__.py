"""What people can do with entries (log, read, list, triage, comment), with permission checks, audit and feedback."""
