"""Exceptions of the openg2g package."""


class OpenG2GError(Exception):
    """Something openg2g refused or could not do: bad input, a missing binary, a server that stopped."""


class ProtocolError(OpenG2GError):
    """The environment server refused a request; ``code`` is the protocol's error code (docs/python.md)."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


class SimulationError(OpenG2GError):
    """A simulation failed in an environment (the message names time and component); reset it to go on."""
