"""Merging sheet and TDD per field, the rules, and readiness."""
