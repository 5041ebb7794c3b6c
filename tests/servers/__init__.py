"""Real outside servers for tests, started from the project's own files.

- oidc.py: panva's oidc-provider (tests/node/oidc-provider.mjs), an OpenID-certified provider.
- playground.py: the Microsoft 365 Agents Playground, a Teams-like client with a mock connector.
- postgres.py: a throwaway PostgreSQL cluster (Debian's postgresql), a database per test.
- fixtures.py: the pytest fixtures (`pytest_plugins = ["tests.servers.fixtures"]`).
- _process.py: what they share: ThrowawayServer (a temporary folder, start that cleans up
  after a failure, stop, `with`), ServerProcess (ready line, kept output), free ports.

The npm packages are pinned in tests/node/package-lock.json and installed by `make test`.
"""
