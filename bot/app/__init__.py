"""The composition root: the only package in bot/ that imports handlers, integrations and storage, and wires them at start."""
