"""Migrations of the time side: milestones, decisions, reminders, the communication plan."""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-time")
