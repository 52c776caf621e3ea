"""The brief: from processed tables to the sections a notebook displays.

Layers, each importing only those before it:

- ``views/``: derived tables that findings and charts share (events with parsed dates and
  certainty, cadence channels and contacts, outlet names, corroboration cells, sourcing).
- ``layout/``: pure label-packing geometry in pixels (no Altair), which tests check for
  overlaps.
- ``charts/``: Altair only: a layout in, a Vega-Lite chart out.
- ``findings/``: sentences written from the tables, each with its citations.
- ``html``, ``annex``, ``sections``: escaped HTML blocks; ``sections.Brief`` has one method
  per notebook cell.

``style`` holds the one palette (Okabe-Ito) and what each colour means; ``offline_charts``
renders charts as inline SVG plus an inert spec, so briefs work offline.
"""
