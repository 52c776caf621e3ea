"""The corpus stage's tables (documents, sentences) and the time expressions found in them."""

from __future__ import annotations

from trustbrief.contract.schema import Table, date, enum, fk, integer, listing, number, text
from trustbrief.contract.vocab import (
    Approx,
    DateBasis,
    Encoding,
    OriginBasis,
    OutletBasis,
    Precision,
    PublishedBasis,
    TimeKind,
    TitleBasis,
)

DOCUMENTS = Table(
    "documents",
    "corpus",
    "One row per article read from the seeds folder.",
    (
        text("doc_id", "'d' + first 10 hex chars of the sha256 of the file's bytes", required=True),
        text("file", "file name inside the seeds folder", required=True),
        text("sha256", "sha256 of the file's bytes", required=True),
        text("title", "headline (see title_basis)"),
        text("outlet", "the article's own publishing outlet, 'unknown' if unknown "
             "(see outlet_basis)"),
        text("origin", "the wire or outlet whose copy or reporting it relays ('Agency' for an "
             "Agency copy); the outlet itself for original reporting; 'unknown' if unknown"),
        text("author", "author(s) from the byline or the sidecar, '' if unknown"),
        text("url", "article address from the sidecar or the text, '' if unknown"),
        date("published", "publication date YYYY-MM-DD, only when the evidence pins the day; "
             "'' otherwise (see published_earliest/latest)"),
        date("published_earliest", "earliest possible publication date, '' if nothing is known"),
        date("published_latest", "latest possible publication date, '' if nothing is known"),
        enum("published_basis", PublishedBasis, "where the publication date comes from"),
        text("published_evidence", "the line, address or sentences that date the article"),
        text("published_printed", "the date as printed: YYYY-MM-DD, --MM-DD when no year is "
             "printed, YYYY-MM when only the month is known, YYYY-MM-DD|YYYY-MM-DD for a "
             "numeric date the page lets be read day first or month first; '' if none"),
        enum("title_basis", TitleBasis, "where the title comes from"),
        integer("n_sentences", "number of body sentences"),
        integer("n_words", "number of words in body sentences"),
        text(
            "duplicate_of", "doc_id of the first (by file name) copy of the same story, '' if none"
        ),
        enum("encoding", Encoding, "how the bytes were decoded"),
        text("language", "language code guessed from common words, 'und' if unsure", required=True),
        enum("outlet_basis", OutletBasis, "where the outlet comes from"),
        text("outlet_evidence", "the phrase or domain that names the outlet"),
        enum("origin_basis", OriginBasis, "where the origin comes from"),
        text("origin_evidence", "the line or phrase that names the origin"),
        listing("cited_outlets", "outlets the article cites as its source (list)"),
    ),
    primary_key=("doc_id",),
    foreign_keys=(fk("duplicate_of", "documents", "doc_id"),),
)


SENTENCES = Table(
    "sentences",
    "corpus",
    "Body sentences of every document, in reading order; offsets index the document text.",
    (
        text("doc_id", "document id", required=True),
        text("sent_id", "<doc_id>-s<NNN>, 1-based in reading order", required=True),
        integer("start", "offset of the first character in the document text"),
        integer("end", "offset after the last character (text == original[start:end])"),
        text("text", "the sentence exactly as in the document", required=True),
        integer("paragraph", "1-based index of the paragraph in the document"),
    ),
    primary_key=("sent_id",),
    foreign_keys=(fk("doc_id", "documents", "doc_id"),),
)


TIME_EXPRESSIONS = Table(
    "time_expressions",
    "timex",
    "Time expressions in the sentences, resolved against publication dates.",
    (
        text(
            "time_id",
            "'<sent_id>-t<N>', N counting expressions left to right in the sentence",
            required=True,
        ),
        text("doc_id", "document id", required=True),
        text("sent_id", "sentence id", required=True),
        integer("start", "start of the expression within the sentence text"),
        integer("end", "end of the expression within the sentence text"),
        text("text", "the expression as written", required=True),
        enum("kind", TimeKind, "what the expression is"),
        text(
            "spec",
            "anchor-free normal form (grammar in timex.py), e.g. md:09-28, weekday:last:FRI",
            required=True,
        ),
        number(
            "measure_days",
            "length in days of a duration (empty for dates and counts)",
            required=False,
        ),
        enum(
            "measure_approx",
            Approx,
            "approximator class of a measure ('' when exact)",
            required=False,
        ),
        date("date", "best single date (midpoint of the range when not day-precise), or ''"),
        date("date_earliest", "earliest date the expression can mean, or ''"),
        date("date_latest", "latest date the expression can mean, or ''"),
        enum("precision", Precision, "how precise the resolved date is"),
        enum("basis", DateBasis, "how the expression was resolved"),
    ),
    primary_key=("time_id",),
    foreign_keys=(fk("sent_id", "sentences", "sent_id"),),
)

TABLES = (
    DOCUMENTS,
    SENTENCES,
    TIME_EXPRESSIONS,
)
