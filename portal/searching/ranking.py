"""The re-ranking of a bounded candidate set: a small, documented scoring function.

The search backend (FTS5 on SQLite, GIN-indexed tsvectors on PostgreSQL) returns at
most ``CANDIDATES`` pages for the folded query; this module scores only those, in
Python, from text already at hand (the page's titles and its folded index entry).
Weights are explained in docs/SEARCH.md; all inputs are folded word lists.
"""

from dataclasses import dataclass, field

# Where the query's words are found, and how.
TITLE_PHRASE = 50  # the whole query, in order, in a title
TITLE_COVER = 30  # × share of the query's words found in a title
TITLE_SHARE = 30  # × share of the title's words that the query names
TITLE_START = 3  # the title starts with the query
KEY_PHRASE = 15  # the whole query in what the page is known by (key text)
KEY_COVER = 25  # × share of the query's words in the key text
BODY_PHRASE = 5
BODY_COVER = 5
ALL_WORDS = 10  # every word of the query found somewhere (body included)
ALL_KNOWN = 25  # every word found in the title or what the page is known by
# What kind of page it is: places and events about the query come before pages
# that only list or mention them. An index page whose title holds the query is
# the section the visitor named.
KIND_PRIOR = {
    "village": 20,
    "attraction": 18,
    "event": 14,
    "route": 12,
    "homestay": 10,
    "page": 3,
    "tool": 0,
    "index": -15,
    "home": -25,
}
SECTION_NAMED = 55  # an index page whose title holds the query: -15 + 55 = +40


@dataclass
class Candidate:
    """One page to score. ``titles``: folded word lists, one per language."""

    page: object
    kind: str
    titles: list
    key: list = field(default_factory=list)
    body: list = field(default_factory=list)
    position: int = 0  # the backend's own order, used to break ties
    score: float = 0.0


def word_matches(word, tokens, prefix=False):
    if word in tokens:
        return True
    return prefix and len(word) >= 2 and any(token.startswith(word) for token in tokens)


def _starts(last, token):
    """``token`` is the query's last word, or begins with it (2 letters or more)."""
    return token == last or (len(last) >= 2 and token.startswith(last))


def coverage(words, tokens):
    """Share (0–1) of ``words`` present in ``tokens``; the last word may be a prefix."""
    if not words:
        return 0.0
    tokens = set(tokens)
    last = len(words) - 1
    found = sum(word_matches(w, tokens, prefix=i == last) for i, w in enumerate(words))
    return found / len(words)


def phrase_at(words, tokens):
    """Index where ``words`` occur in a row in ``tokens`` (last word as prefix), or -1.

    Linear in ``len(tokens)``: only the places where the first word stands are
    compared further (bodies run to thousands of words)."""
    n = len(words)
    if not n or n > len(tokens):
        return -1
    head, last = words[:-1], words[-1]
    if not head:
        return next((i for i, token in enumerate(tokens) if _starts(last, token)), -1)
    first = head[0]
    for start in range(len(tokens) - n + 1):
        if (
            tokens[start] == first
            and tokens[start : start + n - 1] == head
            and _starts(last, tokens[start + n - 1])
        ):
            return start
    return -1


def title_score(words, title):
    if not title:
        return 0.0
    score = TITLE_COVER * coverage(words, title)
    start = phrase_at(words, title)
    if start >= 0:
        score += TITLE_PHRASE + (TITLE_START if start == 0 else 0)
    wordset, last = set(words), words[-1]
    named = sum(1 for t in title if t in wordset or _starts(last, t))
    return score + TITLE_SHARE * named / len(title)


def score(words, candidate):
    """The candidate's score for the folded query ``words`` (a list of str)."""
    best_title = max((title_score(words, t) for t in candidate.titles), default=0.0)
    in_title = any(phrase_at(words, t) >= 0 for t in candidate.titles)
    key = candidate.key
    key_coverage = coverage(words, key)
    total = best_title + KEY_COVER * key_coverage + BODY_COVER * coverage(words, candidate.body)
    if phrase_at(words, key) >= 0:
        total += KEY_PHRASE
    if phrase_at(words, candidate.body) >= 0:
        total += BODY_PHRASE
    if key_coverage == 1:
        total += ALL_KNOWN
    elif coverage(words, key + candidate.body) == 1:
        total += ALL_WORDS
    total += KIND_PRIOR.get(candidate.kind, 0)
    if candidate.kind == "index" and in_title:
        total += SECTION_NAMED
    return total


def rank(words, candidates):
    """``candidates`` scored and sorted best first (ties keep the backend's order)."""
    for candidate in candidates:
        candidate.score = score(words, candidate)
    return sorted(candidates, key=lambda c: (-c.score, c.position))
