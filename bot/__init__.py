"""fvis-bot's core: channel-neutral, it imports no platform, storage or handler (only bot/app wires them)."""
