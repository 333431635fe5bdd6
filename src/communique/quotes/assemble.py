"""From quotation marks and parse candidates to the article's quotes, each with its cue and speaker.

All lookups go through sorted offset lists and bisection, and every search window is capped in tokens, so the
work grows linearly with the article however many quotes or marks it holds.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..record import Quote, Record, Span
from .cues import Lexicon, load_lexicon
from .direct import DirectQuote, find_direct_quotes
from .indirect import Candidate, candidates
from .speakers import EntityNames, Speaker, SpeakerResolver, adjacent_speaker, subject_of

INSIDE_SHARE = 0.6  # a candidate this much inside quotation marks attributes the quote instead of being one
ABSORBED_SHARE = 0.5  # a quotation this much inside a candidate's content is part of that (mixed) quote
WINDOW_TOKENS = 40  # how far from a quotation its cue verb may stand
MIN_UNATTRIBUTED_WORDS = 5  # shorter quotations with nobody to say them are titles or scare quotes
MIN_FLOATING_WORDS = 3  # a paragraph of quotation continuing the previous speaker says something ("(Laughter.)")
SENTENCE_END = {".", "!", "?"}
LINE_BREAK = re.compile("\n")
PERSONAL = {"he", "she"}
# "WALLACE: Let's start ..." / "“Rubio: I was there”": a transcript line, its speaker named before a colon.
SPEAKER_LABEL = re.compile(r"^[ \t]*[\"“]?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}):[ \t]+(?=\S)", re.M)
NAME_COLON = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*$")


@dataclass
class Draft:
    start: int
    end: int
    kind: str
    paragraph: int
    cue: Span | None = None
    speaker: Speaker | None = None
    starts_paragraph: bool = False
    opening: int = -1  # the opening mark of a direct quote
    closed: bool = True  # False for a quotation its paragraph's end closed (it may go on in the next one)


class _Article:
    """Offsets of one article, for bisection."""

    def __init__(self, record: Record, doc: Doc, directs: list[DirectQuote]):
        self.text = record.text
        self.doc = doc
        self.token_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.breaks = [match.start() for match in LINE_BREAK.finditer(self.text)]
        self.directs = directs
        self.direct_starts = [q.opening for q in directs]

    def token_at(self, offset: int) -> int:
        return max(0, bisect_right(self.token_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        return bisect_left(self.breaks, offset)

    def inside_quote(self, offset: int) -> bool:
        index = bisect_right(self.direct_starts, offset) - 1
        return index >= 0 and self.directs[index].opening < offset < self.directs[index].end + 1

    def overlaps(self, start: int, end: int) -> list[tuple[int, int]]:
        """(index, shared characters) of the quotations overlapping [start, end)."""
        found = []
        index = max(0, bisect_right(self.direct_starts, start) - 1)
        while index < len(self.directs) and self.directs[index].start < end:
            quote = self.directs[index]
            shared = min(end, quote.end) - max(start, quote.start)
            if shared > 0:
                found.append((index, shared))
            index += 1
        return found


def text_quotes(record: Record, doc: Doc) -> list[Quote]:
    if not record.text or len(doc) == 0:
        return []
    lexicon = load_lexicon()
    resolver = SpeakerResolver(record, doc)
    article = _Article(record, doc, find_direct_quotes(record.text))
    labelled = _transcript_lines(article, record)
    drafts, attributed, absorbed = _parse_candidates(article, lexicon, resolver)
    for index, quote in enumerate(article.directs):
        if index in absorbed:
            continue
        label = labelled.pop(quote.start, None)
        if label is not None:  # a quoted transcript line: the label names the speaker, the words follow it
            quote.start = label.start
            attributed[index] = label
        draft = attributed.get(index) or Draft(quote.start, quote.end, "direct", article.paragraph_of(quote.start),
                                               starts_paragraph=quote.starts_paragraph, opening=quote.opening)
        if not quote.closed:
            draft.closed = False
            draft.end = _without_credit(article, lexicon, draft.start, draft.end)
        if draft.cue is None and draft.speaker is None:
            _attribute_nearby(article, lexicon, resolver, quote, draft)
        drafts.append(draft)
    drafts.extend(label for label in labelled.values()
                  if 2 * sum(n for _, n in article.overlaps(label.start, label.end)) < label.end - label.start)
    # A cue that attributes a quotation ("X said: “...”") reports nothing else before it.
    quoting_cues = {d.cue.start for d in drafts if d.kind == "direct" and d.cue is not None}
    drafts = [d for d in drafts if d.kind == "direct" or d.cue is None or d.cue.start not in quoting_cues
              or d.end > d.cue.start]
    drafts.sort(key=lambda d: d.start)
    return [_to_quote(record.text, d) for d in _continue_speakers(article, drafts)]


def _transcript_lines(article: _Article, record: Record) -> dict[int, Draft]:
    """Lines opened by the name of a person or organisation and a colon ("Pence: Flowers won't be there"),
    keyed by where the name starts."""
    found: dict[int, Draft] = {}
    names = None
    for match in SPEAKER_LABEL.finditer(article.text):
        name = match.group(1)
        names = names or EntityNames(record.entities)
        entity = names.get(name)
        if entity is None or entity.type not in ("PERSON", "ORG"):
            continue
        line_end = article.text.find("\n", match.end())
        line_end = len(article.text) if line_end < 0 else line_end
        end = line_end
        while end > match.end() and (article.text[end - 1].isspace() or article.text[end - 1] in "\"”"):
            end -= 1
        if end <= match.end():
            continue
        colon = match.end(1)
        speaker = Speaker(entity.name, entity.id, Span(match.start(1), colon, name))
        found[match.start(1)] = Draft(match.end(), end, "direct", article.paragraph_of(match.end()),
                                      Span(colon, colon + 1, ":"), speaker, True, match.start(1))
    return found


def _parse_candidates(article: _Article, lexicon: Lexicon, resolver: SpeakerResolver):
    """Indirect and mixed drafts, cues for quotations (by quotation index), and quotations swallowed by mixed ones."""
    drafts: list[Draft] = []
    attributed: dict[int, Draft] = {}
    distance: dict[int, int] = {}
    absorbed: set[int] = set()
    accepted = [c for c in candidates(article.doc, lexicon.lemmas) if lexicon.accepts(c.lemma, c.relation)
                and not article.inside_quote(c.cue.idx) and not _crosses_paragraph(article, c)]
    for candidate in _outermost(accepted):
        cue = Span(candidate.cue.idx, candidate.cue_end, article.text[candidate.cue.idx:candidate.cue_end])
        head = candidate.speaker or adjacent_speaker(candidate.cue)
        speaker = resolver.for_token(head) if head is not None else None
        shared = [hit for s, e in candidate.parts for hit in article.overlaps(s, e)]
        inside = sum(n for _, n in shared)
        if shared and inside >= INSIDE_SHARE * candidate.length:
            index = max(shared, key=lambda hit: hit[1])[0]
            quote = article.directs[index]
            gap = min(abs(candidate.cue.idx - quote.end), abs(candidate.cue.idx - quote.opening))
            if index not in distance or gap < distance[index]:
                distance[index] = gap
                attributed[index] = Draft(quote.start, quote.end, "direct", article.paragraph_of(quote.start), cue,
                                          speaker, quote.starts_paragraph, quote.opening)
            continue
        kind = "indirect"
        for index, n in shared:
            quote = article.directs[index]
            kind = "mixed"
            if n >= ABSORBED_SHARE * (quote.end - quote.start):
                absorbed.add(index)
        for start, end in candidate.parts:
            drafts.append(Draft(start, end, kind, article.paragraph_of(start), cue, speaker))
    return drafts, attributed, absorbed


def _outermost(found: list[Candidate]) -> list[Candidate]:
    """Candidates whose cue is not inside another's content: in "X urged Y to show flexibility", "show" is part
    of what X said, not a second statement."""
    parts = sorted((start, end) for c in found for start, end in c.parts)
    starts = [start for start, _ in parts]
    reach, furthest = [], 0
    for _, end in parts:
        furthest = max(furthest, end)
        reach.append(furthest)  # the furthest end of the parts starting at or before this one
    kept = []
    for candidate in found:
        index = bisect_right(starts, candidate.cue.idx) - 1
        if index < 0 or reach[index] <= candidate.cue.idx:
            kept.append(candidate)
    return kept


def _crosses_paragraph(article: _Article, candidate: Candidate) -> bool:
    """A cue and its content stand in one paragraph; a parse that joins paragraphs is wrong."""
    low, high = min(candidate.cue.idx, candidate.start), max(candidate.cue_end, candidate.end)
    index = bisect_left(article.breaks, low)
    return index < len(article.breaks) and article.breaks[index] < high


def _attribute_nearby(article: _Article, lexicon: Lexicon, resolver: SpeakerResolver, quote: DirectQuote,
                      draft: Draft) -> None:
    """A speech verb after the quotation in its sentence, else before it (across a colon ending the paragraph
    before), else a "Name:" right before it."""
    if _used_as_a_name(article, quote):
        return
    verb = _speech_verb_after(article, lexicon, quote) or _speech_verb_before(article, lexicon, quote)
    if verb is not None:
        head = subject_of(verb) or adjacent_speaker(verb)
        draft.cue = Span(verb.idx, verb.idx + len(verb.text), verb.text)
        draft.speaker = resolver.for_token(head) if head is not None else None
        return
    line_start = article.text.rfind("\n", 0, quote.opening) + 1
    named = NAME_COLON.search(article.text, max(line_start, quote.opening - 80), quote.opening)
    if named:
        draft.speaker = resolver.for_span(*named.span(1))


def _used_as_a_name(article: _Article, quote: DirectQuote) -> bool:
    """'appeared on “Morning Show”', 'the “reform”', 'CBS’s “Sunday Talk”', 'his “State of Things” speech': a quotation after a preposition or determiner names a thing."""
    index = article.token_at(quote.opening) - 1
    while index >= 0 and article.doc[index].is_space:
        index -= 1
    if index < 0 or "\n" in article.doc[index].whitespace_:
        return False
    before = article.doc[index]
    return before.pos_ in ("ADP", "DET") or before.tag_ in ("POS", "PRP$")


def _speech_verb_after(article: _Article, lexicon: Lexicon, quote: DirectQuote) -> Token | None:
    if not quote.closed:
        return None
    doc = article.doc
    index = bisect_left(article.token_starts, quote.end + 1)  # the first token after the closing mark
    stop = min(len(doc), index + WINDOW_TOKENS)
    while index < stop:
        token = doc[index]
        if "\n" in token.text or token.text in SENTENCE_END or article.inside_quote(token.idx):
            return None
        if token.pos_ == "VERB" and lexicon.is_speech_verb(token.lemma_.lower()):
            return token
        index += 1
    return None


def _speech_verb_before(article: _Article, lexicon: Lexicon, quote: DirectQuote) -> Token | None:
    doc = article.doc
    index = article.token_at(quote.opening) - 1
    stop = max(-1, index - WINDOW_TOKENS)
    seen_word = False
    while index > stop:
        token = doc[index]
        if token.is_space:
            if "\n" in token.text:
                # A paragraph break is crossed only by a quotation opening its paragraph after "... said:".
                before = index - 1
                while before >= 0 and doc[before].is_space:
                    before -= 1
                if seen_word or before < 0 or doc[before].text != ":":
                    return None
                seen_word = True
            index -= 1
            continue
        if token.text in SENTENCE_END or article.inside_quote(token.idx):
            return None
        seen_word = True
        if token.pos_ == "VERB" and lexicon.is_speech_verb(token.lemma_.lower()):
            return token
        index -= 1
    return None


def _without_credit(article: _Article, lexicon: Lexicon, start: int, end: int) -> int:
    """An unclosed quotation may run into the outlet's credit (", writes The Daily."): end it before that."""
    doc = article.doc
    last = article.token_at(max(start, end - 1))
    first = max(article.token_at(start), last - 8)
    for index in range(last, first, -1):
        token = doc[index]
        if token.text == "," and index + 2 <= last:
            verb = doc[index + 1]
            rest = [t for t in doc[index + 2:last + 1] if not t.is_punct]
            if verb.pos_ == "VERB" and lexicon.is_speech_verb(verb.lemma_.lower()) and rest and \
                    all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in rest):
                return token.idx
    return end


def _continue_speakers(article: _Article, drafts: list[Draft]) -> list[Draft]:
    """Quotations with no cue: the attribution before them in the paragraph, or the previous paragraph's speaker
    when they open their paragraph; short ones with neither are dropped."""
    following: Draft | None = None
    for draft in reversed(drafts):
        # A quotation running over paragraphs and attributed only at its end ("“A.\n\n“B,” she said."):
        # its open paragraphs take the speaker of the paragraph that closes it.
        if draft.kind == "direct" and not draft.closed and draft.cue is None and draft.speaker is None \
                and following is not None and following.kind == "direct" and following.speaker is not None \
                and following.starts_paragraph and _adjacent_paragraphs(article, draft, following):
            draft.speaker = Speaker(following.speaker.name, following.speaker.entity, None)
        following = draft
    kept: list[Draft] = []
    last_by_paragraph: dict[int, Draft] = {}
    previous: Draft | None = None
    for draft in drafts:
        if draft.kind == "direct" and draft.cue is None and draft.speaker is None:
            words = len(article.text[draft.start:draft.end].split())
            same = last_by_paragraph.get(draft.paragraph)
            if same is not None and same.speaker is not None:
                draft.cue, draft.speaker = same.cue, same.speaker
            elif draft.starts_paragraph and previous is not None and previous.speaker is not None \
                    and words >= MIN_FLOATING_WORDS and _adjacent_paragraphs(article, previous, draft):
                speaker = previous.speaker
                draft.speaker = Speaker(speaker.name, speaker.entity, None)
            elif words < MIN_UNATTRIBUTED_WORDS:
                continue
        kept.append(draft)
        if draft.speaker is not None:
            last_by_paragraph[draft.paragraph] = draft
            previous = draft
    return kept


def _adjacent_paragraphs(article: _Article, before: Draft, after: Draft) -> bool:
    """No words stand between the end of `before`'s paragraph and `after`."""
    if after.paragraph <= before.paragraph:
        return False
    end_of_paragraph = article.breaks[before.paragraph] if before.paragraph < len(article.breaks) else len(article.text)
    return not article.text[end_of_paragraph:after.opening].strip()


def _to_quote(text: str, draft: Draft) -> Quote:
    speaker = draft.speaker
    return Quote(
        content=Span(draft.start, draft.end, text[draft.start:draft.end]),
        kind=draft.kind,
        speaker=speaker.name if speaker else None,
        speaker_entity=speaker.entity if speaker else None,
        speaker_mention=speaker.mention if speaker else None,
        cue=draft.cue,
    )
