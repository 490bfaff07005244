"""Executing a plan: the writes in order, create-exactly-once, and the sheet write-back."""
