"""Earlier name of socialkpi.document, kept so that code importing it goes on working."""
from typing import Any

from . import document
from .document import *  # noqa: F401,F403
from .document import Document  # noqa: F401


def __getattr__(name: str) -> Any:
    """Report, the earlier name of Document: it goes on working, with a DeprecationWarning."""
    return getattr(document, name)
