"""Blueprint placeholder."""

from flask import Blueprint

bp = Blueprint("attendee", __name__)
