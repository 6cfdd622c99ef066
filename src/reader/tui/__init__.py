"""The Textual reading view: the only package that imports textual.

Import `ReaderApp` from `reader.tui.app`; this package's `__init__` stays empty of textual so
that importing `reader.tui` for its name alone costs nothing.
"""
