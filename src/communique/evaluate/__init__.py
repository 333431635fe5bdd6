"""Scorers against gold sets: article metadata and body, quotes, events."""
