"""Pure geometry: where every mark and label of a chart goes, in pixels (no Altair)."""
