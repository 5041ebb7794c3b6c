"""Migrations of the Slack adapter's own state."""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-slack")
