"""The web chat: the page, its JSON API and live messages, and sign-in through OpenID Connect."""

# Importing any part of this adapter registers its texts in the catalogue.
from integrations.webchat import texts as texts
