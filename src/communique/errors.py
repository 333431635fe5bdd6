"""One exception type per kind of failure. The CLI turns each into one line on stderr, never a traceback."""


class CommuniqueError(Exception):
    """Base of every error communique reports to a user."""


class BadInput(CommuniqueError):
    """An input that cannot become an article: empty, binary, undecodable, malformed, too large, no article."""

    def __init__(self, origin: str, problem: str):
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class StoreError(CommuniqueError):
    """The database cannot be opened or written."""


class FetchError(CommuniqueError):
    """A URL or feed could not be fetched."""
