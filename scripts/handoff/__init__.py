"""handoff: move a self-hosted Sourcegraph deployment from the implementation engineer to the TA."""

__version__ = "0.1.0"
