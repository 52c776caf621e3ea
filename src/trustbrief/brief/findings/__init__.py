"""Findings: sentences written from the tables, each with the documents behind it."""
