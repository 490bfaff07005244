"""Shared foundations: the data model, errors, settings, the field catalogue, units, state."""
