"""Earlier name of socialkpi.document, kept so that code importing it goes on working."""
from .document import *  # noqa: F401,F403
from .document import Document, Report  # noqa: F401
