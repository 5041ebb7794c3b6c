"""Keys made from what clients send (message ids, Slack action values, Teams activity ids).

They are stored to answer a retried request once, so whatever a client put in them must not be:
every such key is a keyed hash (HMAC-SHA256) under the installation's own secret. Without the
secret, a stored key cannot be checked against guesses (a personnummer has few enough values
to try them all against a plain hash).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


class KeyHasher:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the installation secret must be at least 16 bytes")
        self._secret = secret

    @classmethod
    def ephemeral(cls) -> KeyHasher:
        """A secret for this process only (an in-memory database, a test)."""
        return cls(secrets.token_bytes(32))

    def __call__(self, key: str) -> str:
        # surrogatepass: a lone surrogate from a client is hashed, not an exception.
        data = key.encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, data, hashlib.sha256).hexdigest()
