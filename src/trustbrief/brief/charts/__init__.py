"""The brief's charts: Altair only, a layout in and Vega-Lite out."""
