"""The message catalogue: every user-facing text in Swedish and English; adapters register their own texts."""
