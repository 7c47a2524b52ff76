"""Blueprint placeholder."""

from flask import Blueprint

bp = Blueprint("badges", __name__)
