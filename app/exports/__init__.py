"""Exports: the timeline's events in other formats, one module per format.

Every format is a function from a stream of ``ExportEvent`` (see ``stream``) to
chunks of text, so a response can send any number of events in constant memory.
``FORMATS`` maps the URL suffix (``/events.csv``) to its writer.
"""
