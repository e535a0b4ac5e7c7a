"""Errors a user can cause and fix; the CLI and the UI show their message, never a traceback."""


class CxError(Exception):
    """A problem with the user's input or files, with a message fit to show as is."""


class WorkspaceError(CxError):
    """The workspace file cannot be opened or written (not a workspace, corrupt, too new, locked)."""


class ImportDataError(CxError):
    """Event data cannot be imported; the message names the file, row and column where known."""


class ValidationError(CxError):
    """A value the model does not accept (an emotion of +7, an unknown lane kind...)."""
