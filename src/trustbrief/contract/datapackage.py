"""The typed Frictionless Data Package descriptor of the processed tables.

Generated from the contract: Table Schema types (date, integer, number, boolean, list with
';' as delimiter), required cells and closed vocabularies as constraints, primary and
foreign keys, and for every CSV its size and sha256, so `frictionless validate
data/processed/datapackage.json` checks the files against the contract.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from trustbrief.contract.codecs import LIST_SEP
from trustbrief.contract.schema import Column, Table
from trustbrief.contract.tables import TABLES

# The tables quote sentences of news articles: the articles' copyright stays with their
# publishers; the package is for analysis, not for redistribution.
LICENSE = {
    "name": "other-closed",
    "title": "Quotes news articles whose copyright stays with their publishers: "
             "for analysis, not for redistribution",
}


def field(col: Column) -> dict:
    """The Table Schema field of one column."""
    out: dict = {"name": col.name, "type": col.type, "description": col.description}
    constraints: dict = {}
    if col.type == "list":
        out.update(delimiter=LIST_SEP, itemType="string")
    elif col.type == "boolean":
        out.update(trueValues=["True"], falseValues=["False"])
    if col.required:
        constraints["required"] = True
    if col.values and col.type != "list":
        constraints["enum"] = list(col.values)
    if constraints:
        out["constraints"] = constraints
    if col.vocabulary:
        out["x-vocabulary"] = col.vocabulary
    if col.codec:
        out["x-codec"] = col.codec
    return out


def schema(spec: Table) -> dict:
    out: dict = {"fields": [field(c) for c in spec.columns], "missingValues": [""]}
    if spec.primary_key:
        out["primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        out["foreignKeys"] = [
            {"fields": list(fk.fields),
             "reference": {"resource": "" if fk.table == spec.name else _resource_name(fk.table),
                           "fields": list(fk.reference)}}
            for fk in spec.foreign_keys]
    return out


def _resource_name(table: str) -> str:
    return table.replace("_", "-")


def resource(spec: Table, csv_text: str, rows: int) -> dict:
    data = csv_text.encode("utf-8")
    return {
        "name": _resource_name(spec.name), "path": f"{spec.name}.csv",
        "profile": "tabular-data-resource", "description": spec.description,
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "rows": rows,
        "schema": schema(spec), "dialect": {"delimiter": ",", "header": True},
        "x-stage": spec.stage,
    }


def descriptor(csv_texts: Mapping[str, str], rows: Mapping[str, int], provenance: dict
               ) -> dict:
    """The datapackage.json of the tables in `csv_texts` (name -> CSV text), in contract
    order. A foreign key to a table not in the package is left out."""
    names = [name for name in TABLES if name in csv_texts]
    resources = []
    for name in names:
        res = resource(TABLES[name], csv_texts[name], rows[name])
        keys = [fk for fk in res["schema"].get("foreignKeys", [])
                if not fk["reference"]["resource"]
                or fk["reference"]["resource"] in {_resource_name(n) for n in names}]
        if keys:
            res["schema"]["foreignKeys"] = keys
        else:
            res["schema"].pop("foreignKeys", None)
        resources.append(res)
    return {
        "profile": "tabular-data-package", "name": "trustbrief-processed",
        "title": "trustbrief processed tables", "licenses": [LICENSE],
        "resources": resources, "x-provenance": provenance,
    }
