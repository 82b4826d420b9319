"""Markdown for each page of the dashboard.  Every figure is computed; nothing personal in full."""
