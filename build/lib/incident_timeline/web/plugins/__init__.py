"""Datasette plugins of the published site (Datasette loads every module here by path)."""
