"""One database session per request; the request boundary is the one place that commits."""

from __future__ import annotations

from flask import Flask, Response, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from models.db import make_engine, make_session_factory
from web.services.jobs import DEFER, dispatch_deferred


def init_app(app: Flask) -> None:
    """Create the engine for DATABASE_URL and bind the per-request session hooks."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["cg_engine"] = engine
    app.extensions["cg_sessions"] = make_session_factory(engine)
    app.after_request(_commit_or_rollback)
    app.teardown_appcontext(_close_session)


def session_factory() -> sessionmaker[Session]:
    """The app's session factory, for work outside a request (CLI, worker threads)."""
    factory: sessionmaker[Session] = current_app.extensions["cg_sessions"]
    return factory


def get_session() -> Session:
    """The session of the current request or app context."""
    if "db" not in g:
        # Jobs this request enqueues are handed over when it ends, never mid-view.
        g.db = session_factory()(info={DEFER: True})
    session: Session = g.db
    return session


def _commit_or_rollback(response: Response) -> Response:
    session = g.get("db")
    if session is not None:
        if response.status_code < 400:
            session.commit()
        else:
            session.rollback()
    return response


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db", None)
    if session is not None:
        session.close()
        dispatch_deferred(session)  # what the request committed, now that it is over
