"""Imported by the local engine's fork server: the pipeline run once, so workers fork with every
lexicon loaded and pattern compiled (pages shared between them, no start-up cost per worker)."""
from .pipeline import warm_up

warm_up()
