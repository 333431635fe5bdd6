"""Mentions -> entities: people, organisations, countries and places, merged, with titles and affiliations."""
from .entities import annotate_entities

__all__ = ["annotate_entities"]
