"""Errors of the knowledge layer, each carrying a message fit to show a person."""


class KnowledgeError(Exception):
    """Base of every knowledge error; str() is the one line to show."""


class BuildError(KnowledgeError):
    """The article, the curated facts or their combination cannot make a valid knowledge file."""


class KnowledgeFileError(KnowledgeError):
    """A knowledge file is missing or invalid; the message names the file and the first problem."""
