"""The one writer of an open document: each operation is one transaction."""
from orgdesk.services.editor import DocumentService

__all__ = ["DocumentService"]
