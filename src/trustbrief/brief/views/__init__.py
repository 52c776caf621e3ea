"""Derived tables shared by findings and charts (no Altair, no HTML)."""
