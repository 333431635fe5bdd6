"""Event dates: a time expression near the event, resolved against the article's publication date.

Precision is kept with the date: `day` ("yesterday", "on Wednesday", "on 5 March"), `week` ("last week": the
date is the Monday of that week) or `month` ("this month": the first of the month). Weekdays name the latest
such day on or before publication ("on Tuesday" in a Tuesday article is that day). Expressions this module does
not understand give no date rather than a guess.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {name: i + 1 for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|week|month)s?\s+(ago|earlier|before)\b")


def publication_day(published: str | None) -> date | None:
    """The date part of the record's ISO 8601 `published`, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(expression: str, base: date) -> tuple[date, str] | None:
    """(date, precision) for a time expression relative to `base`, or None when it cannot be placed."""
    text = " ".join(expression.lower().replace(",", " , ").split())
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return base, "day"
    if re.search(r"\b(yesterday|last night)\b", text):
        return base - timedelta(days=1), "day"
    ago = _AGO.search(text)
    if ago:
        word = ago.group(1)
        count = int(word) if word.isdigit() else NUMBERS[word]
        if count > 400:
            return None
        unit = ago.group(2)
        if unit == "day":
            return base - timedelta(days=count), "day"
        if unit == "week":
            return _monday(base - timedelta(weeks=count)), "week"
        return _month_start(base, -count), "month"
    if re.search(r"\b(last|past|previous) week\b", text):
        return _monday(base - timedelta(weeks=1)), "week"
    if re.search(r"\bthis week\b", text):
        return _monday(base), "week"
    if re.search(r"\b(last|previous) month\b", text):
        return _month_start(base, -1), "month"
    if re.search(r"\bthis month\b", text):
        return _month_start(base, 0), "month"
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            back = (base.weekday() - number) % 7
            if re.search(r"\blast\b", text) and back == 0:
                back = 7
            return base - timedelta(days=back), "day"
    explicit = _explicit_day(text, base)
    if explicit:
        return explicit, "day"
    for word in re.findall(r"[a-z]+", text):
        if word in MONTHS and len(word) > 3 and word != "may":
            year = _year_for(MONTHS[word], 1, base, re.search(r"\b(\d{4})\b", text))
            return date(year, MONTHS[word], 1), "month"
    return None


def _explicit_day(text: str, base: date) -> date | None:
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group))
            if not month:
                continue
            day = int(match.group(day_group))
            year_text = match.group(3)
            try:
                year = int(year_text) if year_text else _year_for(month, day, base, None)
                return date(year, month, day)
            except ValueError:
                continue
    return None


def _year_for(month: int, day: int, base: date, year_match) -> int:
    """A day-month without a year is the latest one on or before publication (news reports the past)."""
    if year_match:
        return int(year_match.group(1))
    try:
        candidate = date(base.year, month, min(day, 28))
    except ValueError:
        return base.year
    return base.year if candidate <= base else base.year - 1


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_start(base: date, offset: int) -> date:
    month_index = base.year * 12 + (base.month - 1) + offset
    return date(month_index // 12, month_index % 12 + 1, 1)


# Links that open a new clause: a time expression below one of them dates that clause, not the event.
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis"}


def time_expressions_of(heads: list, sentence) -> list[str]:
    """The DATE/TIME entities of the sentence that hang off one of `heads` (the event's verb or noun) without
    crossing into another clause, nearest first."""
    wanted = {h.i for h in heads}
    found = []
    for ent in sentence.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        node = ent.root
        for _ in range(8):
            if node.i in wanted:
                found.append((abs(node.i - ent.root.i), ent.text))
                break
            if node.head == node or (node.dep_ in _CLAUSE_DEPS and node != ent.root):
                break
            node = node.head
    return [text for _, text in sorted(found)]


def event_date(heads: list, sentence, base: date | None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, precision) for an event. An explicit expression wins; an expression that cannot be placed
    ('in 1988', 'over three years') leaves the date unknown. Without one, the event is dated to the article's day
    (the convention of news event data) unless its verb is in the past perfect, which puts it before that day."""
    if base is None:
        return None, None
    expressions = time_expressions_of(heads, sentence)
    for text in expressions:
        resolved = resolve(text, base)
        if resolved:
            return resolved[0].isoformat(), resolved[1]
    if expressions:
        return None, None
    verb = heads[0]
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return None, None
    return base.isoformat(), "day"
