"""Adapters to the outside world, one folder per platform or format (slack, teams, webchat, sharepoint, microsoft, word, calendar)."""
