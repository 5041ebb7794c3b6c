"""Every interface the core needs from outside (stores, clock, notifier, files, scheduler), one module per family; storage/ and integrations/ implement them."""
