"""The contract between stages: the only thing two stages must agree on.

- `vocab`: enums of every closed vocabulary (Notice, Polarity, Factuality, SpeakerType,
  DateBasis, Precision, ContactStatus, SideRole, ...).
- `focus`: Direction ('A->B', 'A<->B') and Focus ('OBSERVER->SUBJECT'), parsed once.
- `codecs`: how list, boolean and structured cells are written and read back.
- `schema` + `tables_*`: every table's columns with type, allowed values, description,
  primary and foreign keys (`TABLES`, `table(name)`).
- `validate(frame, table)`: called by the pipeline at every stage boundary; `decode` turns
  a table read back from CSV into the typed frame.
- `datapackage`: the typed datapackage.json generated from all of the above.

Layering: the contract imports nothing else of trustbrief; every other module may import it.
"""

from trustbrief.contract import codecs, vocab
from trustbrief.contract.focus import Direction, Focus
from trustbrief.contract.schema import Column, ForeignKey, Table
from trustbrief.contract.tables import TABLES, descriptions, table
from trustbrief.contract.validate import ContractError, decode, validate
from trustbrief.contract.vocab import (
    Account,
    ActorKind,
    AnnotationAction,
    Approx,
    ConflictFact,
    ContactStatus,
    CountFact,
    DateBasis,
    Encoding,
    EventStatus,
    Factuality,
    GapBasis,
    LabelSource,
    Notice,
    OriginBasis,
    OutletBasis,
    Polarity,
    Precision,
    PublishedBasis,
    SideRole,
    SpeakerType,
    TimeKind,
    TitleBasis,
    Tone,
    TrustCategory,
    YesNo,
)

__all__ = [
    "TABLES", "Account", "ActorKind", "AnnotationAction", "Approx", "Column", "ConflictFact",
    "ContactStatus", "ContractError", "CountFact", "DateBasis", "Direction", "Encoding",
    "EventStatus", "Factuality", "Focus", "ForeignKey", "GapBasis", "LabelSource", "Notice",
    "OriginBasis", "OutletBasis", "Polarity", "Precision", "PublishedBasis", "SideRole",
    "SpeakerType", "Table", "TimeKind", "TitleBasis", "Tone", "TrustCategory", "YesNo", "codecs",
    "decode", "descriptions", "table", "validate", "vocab",
]
