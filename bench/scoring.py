"""Scores for the extraction benchmark: pure functions of strings, no corpus and no extractor.

Body text follows scrapinghub/article-extraction-benchmark, ``evaluate.py`` (functions
``string_shingle_matching``, ``_ngrams``, ``_tokenize``, ``precision_score``, ``recall_score``,
``metrics_from_tp_fp_fns``), so our figures are comparable with the published ones:

- tokens are ``re.findall(r"\\w+", text)``: case is kept, punctuation dropped (soft hyphens
  are removed and both texts put in Unicode NFC first, see `comparable`: our one
  deviation). A run of CJK characters has no word separators, so it is a single token; a
  Chinese or Japanese body is scored on a few long "words" (coarse, but the same for every
  extractor). Followed as is.
- shingles are the 4-token windows of that list; a text of 1-3 tokens has exactly one,
  shorter shingle, an empty text has none.
- per page, shingles are counted as multisets: tp = sum of min(true, pred), fp = the
  predicted surplus, fn = the true surplus; then tp, fp and fn are divided by their sum, so
  a long article weighs no more than a short one.
- page precision = 1 when fp == fn == 0 (also when both texts are empty), 0 when
  tp == fp == 0, else tp / (tp + fp); recall likewise with fn.
- corpus precision is the mean over pages with tp + fp > 0 (the extractor returned some
  text), corpus recall the mean over pages with tp + fn > 0 (the truth has text), and F1 is
  the harmonic mean of those two means. Note the quirk: a page with empty output does not
  lower precision, only recall.
- "exact" is the reference's ``accuracy``: the token lists are identical.

Snippets (trafilatura's evaluation set) follow adbar/trafilatura ``tests/eval_common.py``
(``norm``, ``count_item``, ``ConfusionMatrix``): the output and each snippet are
whitespace-collapsed (and made `comparable`, see `norm_space`), a "with" snippet found
is a true positive, a "without" snippet found a false positive. A check *passes* when a "with"
snippet is present or a "without" snippet is absent; the pass rate is passed checks over all
checks (trafilatura's "accuracy").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


# --- body text: token 4-shingles ----------------------------------------------------------------


def comparable(text: str) -> str:
    """The text without soft hyphens (U+00AD) and in Unicode NFC: the one deviation from the
    references, applied to truth and output alike. Soft hyphens are invisible hyphenation
    hints inside words, and a decomposed "ü" (u + combining diaeresis; two fundus truths are in
    NFD) is not a word character run to ``\\w+``; a reader that removes the one and composes
    the other, as it must, would otherwise see every such word split in two in the truth."""
    text = (text or "").replace("\u00ad", "")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def tokenize(text: str) -> list[str]:
    """The reference tokeniser: runs of word characters, case kept, of the `comparable` text."""
    return _TOKEN.findall(comparable(text))


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of token windows; 1..size-1 tokens give one short shingle, no tokens none."""
    tokens = tokenize(text)
    return Counter(
        tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens
    )


@dataclass(frozen=True, slots=True)
class ShingleMatch:
    """One page's tp / fp / fn, normalised to sum to 1 (all 0 when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """Page precision, or None when the page does not count (no extracted shingles)."""
        return precision_score(self) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        """Page recall, or None when the page does not count (no true shingles)."""
        return recall_score(self) if self.tp + self.fn > 0 else None


def match_shingles(true: str, pred: str, size: int = SHINGLE_SIZE) -> ShingleMatch:
    """Compare an extracted body with the true body, as the reference does."""
    true_counts, pred_counts = shingles(true, size), shingles(pred, size)
    tp = fp = fn = 0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts[key], pred_counts[key]
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total == 0:
        return ShingleMatch(0.0, 0.0, 0.0)
    return ShingleMatch(tp / total, fp / total, fn / total)


def precision_score(m: ShingleMatch) -> float:
    if m.fp == m.fn == 0:
        return 1.0
    if m.tp == m.fp == 0:
        return 0.0
    return m.tp / (m.tp + m.fp)


def recall_score(m: ShingleMatch) -> float:
    if m.fp == m.fn == 0:
        return 1.0
    if m.tp == m.fn == 0:
        return 0.0
    return m.tp / (m.tp + m.fn)


def exact_tokens(true: str, pred: str) -> bool:
    """The reference's per-page accuracy: the same token sequence."""
    return tokenize(true) == tokenize(pred)


@dataclass(frozen=True, slots=True)
class BodyScore:
    f1: float
    precision: float
    recall: float
    precision_pages: int
    """Pages that entered the precision mean (non-empty output)."""
    recall_pages: int
    """Pages that entered the recall mean (non-empty truth)."""


def body_score(matches: Sequence[ShingleMatch]) -> BodyScore:
    """Corpus figures: mean precision, mean recall, F1 of the two means.

    Where the reference would raise (no page enters a mean) the mean is 0.
    """
    precisions = [p for m in matches if (p := m.precision) is not None]
    recalls = [r for m in matches if (r := m.recall) is not None]
    precision = math.fsum(precisions) / len(precisions) if precisions else 0.0
    recall = math.fsum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return BodyScore(f1, precision, recall, len(precisions), len(recalls))


# --- snippets: trafilatura's with / without checks --------------------------------------------


def norm_space(text: str) -> str:
    """Collapse every run of whitespace to one space and trim, of the `comparable` text (the
    one deviation from trafilatura's `norm`: some truth snippets carry soft hyphens, which a
    reader removes as a terminal would print them)."""
    return _SPACE.sub(" ", comparable(text)).strip()


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """tp: "with" found; fn: "with" missing; fp: "without" found; tn: "without" absent."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )

    @property
    def checks(self) -> int:
        return self.tp + self.fn + self.fp + self.tn

    @property
    def passed(self) -> int:
        return self.tp + self.tn

    @property
    def pass_rate(self) -> float:
        return self.passed / self.checks if self.checks else 0.0

    @property
    def with_rate(self) -> float:
        """Share of "with" snippets found (trafilatura's recall)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def without_rate(self) -> float:
        """Share of "without" snippets kept out."""
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0


def count_snippets(text: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """Score one page's output against its must / must-not snippets."""
    haystack = norm_space(text)
    found_with = [norm_space(s) in haystack for s in with_]
    found_without = [norm_space(s) in haystack for s in without]
    return SnippetCounts(
        tp=sum(found_with),
        fn=len(found_with) - sum(found_with),
        fp=sum(found_without),
        tn=len(found_without) - sum(found_without),
    )


# --- metadata ---------------------------------------------------------------------------------


def same_title(true: str, pred: str | None) -> bool:
    """Exact match after whitespace normalisation (case and punctuation count)."""
    return bool(pred) and norm_space(true) == norm_space(pred or "")


_AUTHOR_SPLIT = re.compile(r"\s*[,;&|/]\s*|\s+(?:and|und|et)\s+", re.I)
_BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+", re.I)


def author_names(value: str | Sequence[str] | None) -> frozenset[str]:
    """A byline as a set of names, so "A und B", "A; B" and ("A", "B") compare equal.

    Parts are split on , ; & | / and the words and / und / et, stripped of a leading
    "By" (von, par, por, di, door, av, af), NFKC-normalised, whitespace-collapsed and
    casefolded. Splitting on commas also cuts "Smith, John" and "A, Reporter"; both sides are
    cut the same way, so equal bylines still compare equal.
    """
    if value is None:
        return frozenset()
    joined = value if isinstance(value, str) else ", ".join(value)
    names = set()
    for part in _AUTHOR_SPLIT.split(unicodedata.normalize("NFKC", joined)):
        name = norm_space(_BYLINE_PREFIX.sub("", norm_space(part))).casefold()
        if name:
            names.add(name)
    return frozenset(names)


def same_authors(true: str | Sequence[str], pred: str | Sequence[str] | None) -> bool:
    """The same set of names (see `author_names`); an empty prediction never matches."""
    predicted = author_names(pred)
    return bool(predicted) and author_names(true) == predicted


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def same_day(true: str, pred: str | None) -> bool:
    """Dates agree on their YYYY-MM-DD prefix (time and zone ignored)."""
    if not pred:
        return False
    t, p = _DAY.match(true.strip()), _DAY.match(pred.strip())
    return t is not None and p is not None and t.group() == p.group()


# --- timing -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (the smallest value with at least `fraction` at or below it)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]
