"""Records: the JSON election record (``tally.record/1``) and result (``tally.result/1``), and
ballots and rolls from CSV.

This is the edge: it reads and writes data, and it never trusts it. Every problem in a record
comes back at once as a :class:`~tally.errors.RecordError`, each with its path in the record
(``roll[3].id``, ``ballots.items[17].committee.for[2]``). The names of the record are a contract
with other software; see ``docs/record-format.md``.

>>> from tally import records
>>> from tally.examples import load
>>> rec = records.Record.from_dict(load("branch"))
>>> rec.verify().agrees
True
"""

from .assembly import AssemblyRecord, decisions_to_dict
from .batch import Outcome, compliance_table, expand, verify_many, verify_path
from .csvfiles import ballots_from_csv, roll_from_csv, weighted_ballots_from_csv
from .files import dumps, load, schema
from .read import read
from .record import RECORD_FORMAT, RESULT_FORMAT, Record
from .result import next_round, result_to_dict

__all__ = [
    "RECORD_FORMAT",
    "RESULT_FORMAT",
    "AssemblyRecord",
    "Outcome",
    "Record",
    "ballots_from_csv",
    "compliance_table",
    "decisions_to_dict",
    "dumps",
    "expand",
    "load",
    "next_round",
    "read",
    "result_to_dict",
    "roll_from_csv",
    "schema",
    "verify_many",
    "verify_path",
    "weighted_ballots_from_csv",
]
