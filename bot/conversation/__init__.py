"""The conversation engine: one for every platform; handlers register with it, adapters call it with a neutral Incoming and render its Replies."""
