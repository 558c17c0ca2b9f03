"""Event extraction: ``extract_events(text, dates, anchor, lang)`` -> event mentions in text order."""
from .extract import extract_events

__all__ = ["extract_events"]
