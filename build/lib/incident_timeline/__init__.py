"""Incident timeline: reconstruct an outage from public sources.

The installed package ``incident_timeline`` is this folder; its ``spiders``, ``pipelines`` and
``web`` subpackages are the checkout's top-level folders of those names (pyproject.toml maps
them), so the project's layout stays as its design card draws it.
"""
