"""Getting things out: exactly-once claims in the delivery log, routing to each platform's notifier, the scheduler that wakes the work."""
