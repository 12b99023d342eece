"""Incident timeline: reconstruct an outage from public sources."""

__version__ = "0.1.0"
