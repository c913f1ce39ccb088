class BackupError(Exception):
    """A backup could not be written, or an archive cannot be restored; the message says why."""


class ServeError(Exception):
    """The register cannot be served as configured; the message says what to do."""
