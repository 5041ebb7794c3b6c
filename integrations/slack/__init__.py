"""Slack: slash command, modals, direct messages, a message shortcut, App Home and channel posts."""

# Importing any part of this adapter registers its texts in the catalogue.
from integrations.slack import texts as texts
from integrations.slack.adapter import SlackAdapter
from integrations.slack.notifier import SlackNotifier
from integrations.slack.settings import SlackSettings

__all__ = ["SlackAdapter", "SlackNotifier", "SlackSettings"]
