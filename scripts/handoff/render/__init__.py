"""Rendering the handoff documents and the Vitally note from the Jinja templates."""
