"""Microsoft Teams (Microsoft 365 Agents SDK). Import `integrations.teams.adapter` only when
Teams is configured: it pulls in the SDK."""

# Importing any part of this adapter registers its texts in the catalogue.
from integrations.teams import texts as texts
