"""Reading the project's own data tables (src/communique/data): tab-separated lines, '#' comments."""
from __future__ import annotations

import functools
import unicodedata
from importlib import resources
from typing import Iterator


def rows(name: str) -> Iterator[list[str]]:
    """The rows of a data file, split on tabs, without comments and blank lines."""
    text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def forms(cell: str) -> list[str]:
    """A comma-separated cell as a list; '-' means none."""
    return [form.strip() for form in cell.split(",") if form.strip() and form.strip() != "-"]


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Priština' and 'pristina' match; 'the' in front and dots inside are dropped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    text = text.replace("\u2019", "'").replace(".", "").strip()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def is_acronym(form: str) -> bool:
    """'US', 'WHO', 'U.S.': forms that must match with their case, since 'us' and 'who' are ordinary words."""
    letters = form.replace(".", "").replace("-", "")
    return letters.isalnum() and letters.upper() == letters and len(letters) <= 6
