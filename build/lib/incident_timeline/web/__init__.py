"""The published side: Datasette templates (custom pages in templates/pages), plugins, static
files, and the metadata (metadata.yml, the checkout's top-level file, linked here so that an
installed package carries it)."""
