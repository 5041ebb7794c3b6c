"""Microsoft Teams (Microsoft 365 Agents SDK). Import `integrations.teams.adapter` only when
Teams is configured: it pulls in the SDK."""
