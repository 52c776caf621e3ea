"""Corpus stage: raw article files -> documents and sentences.

Mechanics only: what counts as boilerplate, which outlets exist and how dates are
written live in data/boilerplate.yaml, data/outlets.yaml and the story's sources.csv
(data/stories/NAME/sources.csv).

Modules, in the order the stage runs them:
  rules      load and validate the data files above (CorpusRules, the sidecar)
  read       article files -> raw text rows (regular files, HTML reduced to article text)
  segmenter  text -> paragraphs with roles (boilerplate, title, ...) -> sentence spans
  metadata   title, publication date, author, URL and outlet, each with basis and evidence
  dedupe     exact and near-duplicate detection (hash, MinHash/LSH, Jaccard)
  build      the documents and sentences tables (SCHEMA), in parallel for large corpora

The public names below are re-exported so callers write `corpus.build_corpus(...)`.
"""

from trustbrief.corpus.build import SCHEMA, build_corpus
from trustbrief.corpus.dedupe import Fingerprint, find_duplicates, fingerprint, match_duplicates
from trustbrief.corpus.metadata import (
    derive_title,
    guess_language,
    outlet_from_url,
    outlets_in_text,
    parse_date,
)
from trustbrief.corpus.read import RAW_COLUMNS, html_to_text, read_seeds
from trustbrief.corpus.rules import (
    SIDECAR_COLUMNS,
    CorpusRules,
    Outlets,
    Rule,
    address_sidecar,
    load_addresses,
    load_rules,
    load_sidecar,
)
from trustbrief.corpus.segmenter import Segment, paragraphs, segment, split_sentences

__all__ = [
    "RAW_COLUMNS", "SCHEMA", "SIDECAR_COLUMNS", "CorpusRules", "Fingerprint", "Outlets",
    "Rule", "Segment", "build_corpus", "derive_title", "find_duplicates", "fingerprint",
    "address_sidecar", "guess_language", "html_to_text", "load_addresses", "load_rules",
    "load_sidecar", "match_duplicates",
    "outlet_from_url", "outlets_in_text", "paragraphs", "parse_date", "read_seeds",
    "segment", "split_sentences",
]
