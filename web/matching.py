"""Glue between the database and the matcher (placeholder)."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Placeholder."""
