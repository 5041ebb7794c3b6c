"""The `fvis-bot` command line (`python -m bot`): thin commands over the same services the chat uses."""
