"""The JSON API and the web pages over the store."""
