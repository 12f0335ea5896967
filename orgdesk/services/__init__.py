"""The one writer of an open document: each edit is one batch, one transaction."""
from orgdesk.services.batch import Batch
from orgdesk.services.editor import DocumentService

__all__ = ["Batch", "DocumentService"]
