"""A user's search text as a full-text query, the same small language on both backends.

Words must all appear (stemmed: "sanction" finds "sanctions"); "double quotes" make a phrase; OR between
two terms accepts either; a trailing * matches a prefix. SQLite gets an FTS5 MATCH expression built here, with
every term quoted so that no user input is read as FTS5 syntax; PostgreSQL gets a tsquery expression built
from plainto/phraseto_tsquery with the terms as parameters. In both, AND binds tighter than OR.
"""
from __future__ import annotations

import re

from .filters import InvalidQuery

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def terms(text: str) -> list[tuple[str, bool]]:
    """(term, is_prefix) pairs and the bare word OR, in order."""
    found: list[tuple[str, bool]] = []
    for phrase, word in _TOKEN.findall(text):
        value = phrase if phrase else word
        prefix = bool(word) and word.endswith("*") and len(word) > 1
        value = value.rstrip("*") if prefix else value
        if not re.search(r"\w", value):
            continue
        found.append((value, prefix))
    return found


def fts5_query(text: str) -> str:
    parts: list[str] = []
    for value, prefix in terms(text):
        if value == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        parts.append('"' + value.replace('"', '""') + '"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    if parts and parts[0] == "OR":
        parts.pop(0)
    if not parts:
        raise InvalidQuery(f"search needs at least one word, not {text!r}")
    return " ".join(parts)


def pg_tsquery(text: str, config: str = "english") -> tuple[str, list[str]]:
    """A SQL tsquery expression (with ? placeholders) and its parameters."""
    groups: list[list[str]] = [[]]
    params: list[str] = []
    for value, prefix in terms(text):
        if value == "OR":
            if groups[-1]:
                groups.append([])
            continue
        if prefix:
            lexeme = re.sub(r"\W+", "", value)
            if not lexeme:
                continue
            groups[-1].append(f"to_tsquery('{config}', ?)")
            params.append(lexeme + ":*")
        else:
            function = "phraseto_tsquery" if " " in value.strip() else "plainto_tsquery"
            groups[-1].append(f"{function}('{config}', ?)")
            params.append(value)
    groups = [g for g in groups if g]
    if not groups:
        raise InvalidQuery(f"search needs at least one word, not {text!r}")
    return "(" + " || ".join("(" + " && ".join(g) + ")" for g in groups) + ")", params
