"""The canned queries' SQL functions on every connection Datasette opens
(timeline/sql_functions.py)."""

from datasette import hookimpl
from incident_timeline.sql_functions import register


@hookimpl
def prepare_connection(conn):
    register(conn)
