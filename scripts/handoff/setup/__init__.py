"""`handoff sheet init`: what the tracking sheet should hold, and setting it up."""
