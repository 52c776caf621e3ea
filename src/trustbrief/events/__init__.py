"""Events stage: mentions from all documents -> canonical events.

Modules, in the order build_events uses them:
  records      mentions as records (Rec) and the cell readers the stage shares
  label_rules  data/labels.yaml: event-type groups, joins, label templates
  generic_acts a general word ('the attack') dated on a day its doer's side did one specific
               act takes that act's group (joins across sentences and articles)
  answers      acts answering another act, and contacts held during it, take its day
  after_incident an undated account of a dated incident lies between it and its article
  cluster      mentions -> clusters (blocks by group and key participant, date sweeps), with
    targetless   a mention naming one end of an act joins the block telling it whole
    one_act      one act keyed from its two ends: the two blocks are joined
    document_parties one article, one operation: a place-only mention joins its party's
  context      lookups shared by every event of a run (signals, actors per sentence)
  contacts     what one participant of a call or meeting said in it is the contact's content
  announcements what a side says of its act, on the act's day, is how it was announced
  origins      independent origins: THE rule for which accounts count once
  labels       an event's label from its template
  facts        per event: best date, notice, corroboration, the summary row, conflicts
  notice_links an account of notice in a sentence of its own goes to the operation before it
  tellings     one act told as different acts: each article's words, conflicting accounts
  chronology   the story's reference chronology anchors dates
  annotations  data/annotations.yaml: the analyst's corrections
  reuse        the last run's tables, when nothing they were built from changed
  partial      a new account: the summaries of the events it leaves as they were are kept
  build        build_events, the stage itself

Clustering (never all pairs, O(n log n)):
  1. every usable mention (not from a duplicate document, with an event type and somebody
     taking part) gets a block: its event-type group (data/labels.yaml `groups`) and its key
     participant (the main target - a person first -, else the agent; for symmetric groups
     such as contacts the set of persons taking part). A mention without a target joins the
     block where its agent acts on someone, and a contact naming one person joins that
     person's only pair, when that is unambiguous (else the one nearest in date);
  2. inside a block, dated mentions (a range of a week or more counts as open: it neither joins
     nor separates events) are sorted by date and swept: a mention whose range starts
     more than `window_days` after the running end starts a new event. Groups with
     `unique_for` (a person is killed once) keep one event per key participant whatever the
     dates, so a wrong date becomes a conflict instead of a second event;
  3. open-dated mentions join the latest event of their block dated on or before their
     document's publication (planned ones: the first not over yet), or form one event if the
     block has no dated mention; agents of different sides split non-symmetric events;
  4. an event needs an asserted or planned mention: negated and hypothetical mentions only
     add evidence to events that exist, and do not count as corroboration.

Undated asserted mentions in a document's lede are dated by its publication (basis 'reported',
data/labels.yaml `reported_dates`: news writing puts the news of the day first); that basis
ranks last, never makes a date conflict, and the story's chronology replaces it. So, too,
is an undated account of an incident the corpus dates (after_incident: between the incident
and the publication; data/labels.yaml `after_incident`).

Per event: best date (explicit > relative > relative-inferred > reported; the range most
mentions agree with, then the one a matching chronology row agrees with, then the
narrowest), disagreeing mentions as date conflicts; the analyst chronology fills dates no
article gives (one row, one event; never a new event); label from templates; corroboration
(documents, outlets, independent origins); the advance notice the other focus side got, for
operations; analyst annotations last. Every step is a pure function of the input frames.
"""

from trustbrief.events.annotations import apply_fields, apply_structural, load_annotations
from trustbrief.events.build import MENTION_COLUMNS, SCHEMA, SETS_IN_MENTIONS, build_events
from trustbrief.events.cluster import apply_joins, cluster_mentions
from trustbrief.events.facts import best_date, direction_sides, notice, precision_of, summarize
from trustbrief.events.label_rules import LabelRules, load_labels
from trustbrief.events.labels import event_phrase, make_label
from trustbrief.events.origins import corroboration, origin_finder
from trustbrief.events.records import as_list, event_type_table, gazetteer_table
from trustbrief.events.reuse import Memo, memo_for

__all__ = [
    "MENTION_COLUMNS", "SCHEMA", "SETS_IN_MENTIONS", "LabelRules", "Memo", "apply_fields",
    "apply_joins", "apply_structural", "as_list", "best_date", "build_events", "cluster_mentions",
    "corroboration", "direction_sides", "event_type_table", "gazetteer_table",
    "load_annotations", "load_labels", "make_label", "memo_for", "notice", "origin_finder",
    "precision_of", "summarize", "event_phrase",
]
