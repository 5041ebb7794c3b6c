"""Migrations of the Teams and SharePoint adapters' own state."""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-teams")
