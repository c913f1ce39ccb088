class BackupError(Exception):
    """A backup could not be written, or an archive cannot be restored; the message says why."""
