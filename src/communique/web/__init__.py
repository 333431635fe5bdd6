"""The JSON API and the web pages over the store."""
from .app import create_app

__all__ = ["create_app"]
