"""The jobs Common Ground runs in the background, by name (web.services.jobs).

Each is idempotent: run twice, it leaves what one run leaves. Each runs in the
app's context (URLs in emails, mail settings) on whichever worker takes it: a
thread of the web process without a broker, a `commonground worker` with one.
Views and commands ask for them with the small functions at the end, in the
transaction of the change that needs them (a refresh: `web.services.matching.refresh_later`,
which a full run asks for too).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from models import Attendee, Event, Job, Organizer, utcnow
from models.job import JOB_DONE, JOB_FAILED
from web import config, metrics
from web.mail import NO_BASE_URL, deliver, links_mailable, public_url
from web.services import meeting_mail, reminders, runs
from web.services.emails import password_reset_message, private_link_message, sign_in_message
from web.services.jobs import (
    MATCHING_QUEUE,
    GiveUp,
    JobContext,
    Retry,
    enqueue_many,
    job,
)
from web.services.matching import refresh_for_attendee, refresh_suggestions

log = logging.getLogger(__name__)

MAIL_ATTEMPTS = 8  # with a 60 s start, retries spread over about four hours
MAIL_BACKOFF = 60.0
KEEP_DONE_DAYS = 7
KEEP_FAILED_DAYS = 30


# --- matching ---------------------------------------------------------------------


@job("refresh_attendee")
def refresh_attendee(ctx: JobContext, event_id: int, attendee_id: int) -> None:
    """Bring an event's lists up to date after `attendee_id` signed up, edited or left."""
    event = ctx.session.get(Event, event_id)
    if event is not None:
        threshold = config.incremental_from()
        made = refresh_for_attendee(ctx.session, ctx.matcher, event, attendee_id, threshold)
        metrics.suggestions_made(made, "refresh")


@job("refresh_event")
def refresh_event(ctx: JobContext, event_id: int) -> None:
    """Recompute every list of an event (a change that touches everyone)."""
    event = ctx.session.get(Event, event_id)
    if event is not None:
        metrics.suggestions_made(refresh_suggestions(ctx.session, ctx.matcher, event), "refresh")


@job("match_run", queue=MATCHING_QUEUE, max_attempts=3, backoff=5.0, on_give_up=runs.give_up)
def match_run(ctx: JobContext, run_id: int) -> None:
    """An organizer's matching run (progress and outcome are on its `MatchRun`)."""
    run = runs.execute_run(ctx.sessions, ctx.matcher, run_id)
    if run.status == "done" and run.finished_at is not None:
        metrics.suggestions_made(run.suggestions or 0, "run")


# --- mail -------------------------------------------------------------------------


@job("private_link_mail", max_attempts=MAIL_ATTEMPTS, backoff=MAIL_BACKOFF)
def private_link_mail(ctx: JobContext, attendee_id: int) -> None:
    """Email an attendee who never opened their link a working private link.

    The link is issued here, so it exists in clear only inside this job: the
    database keeps its hash, and it is committed before the email leaves. A retry
    issues another; the one in the latest email works.
    """
    attendee = ctx.session.get(Attendee, attendee_id)
    if attendee is None or attendee.link_used_at is not None:
        return  # gone, or already in: nothing to send
    if not links_mailable():
        raise GiveUp(NO_BASE_URL if current_app.config.get("SMTP_HOST") else "SMTP is not set up")
    event = attendee.event
    token = attendee.reissue_private_link()
    to, name, event_name, slug = attendee.email, attendee.name, event.name, event.slug
    ctx.session.commit()
    with current_app.test_request_context(base_url=config.configured_base_url()):
        link = public_url("attendee.private_link", token=token)
        message = private_link_message(
            to, name, event_name, link, public_url("attendee.me", slug=slug), updated=False
        )
    if not deliver(message):
        raise Retry("the mail server did not take the message")


@job("sign_in_mail", max_attempts=MAIL_ATTEMPTS, backoff=MAIL_BACKOFF)
def sign_in_mail(ctx: JobContext, attendee_id: int) -> None:
    """Email a registered address a sign-in link (someone signed up with it again).

    The link is signed and time-limited (web.attendee.private_link); the profile and
    its private link stay as they are.
    """
    from web.attendee.private_link import SIGN_IN_HOURS, sign_in_token

    attendee = ctx.session.get(Attendee, attendee_id)
    if attendee is None:
        return
    if not links_mailable():
        raise GiveUp(NO_BASE_URL if current_app.config.get("SMTP_HOST") else "SMTP is not set up")
    event = attendee.event
    with current_app.test_request_context(base_url=config.configured_base_url()):
        link = public_url("attendee.email_sign_in", slug=event.slug, token=sign_in_token(attendee))
        message = sign_in_message(
            attendee.email,
            attendee.name,
            event.name,
            link,
            SIGN_IN_HOURS,
            public_url("attendee.me", slug=event.slug),
        )
    if not deliver(message):
        raise Retry("the mail server did not take the message")


@job("password_reset_mail", max_attempts=MAIL_ATTEMPTS, backoff=MAIL_BACKOFF)
def password_reset_mail(ctx: JobContext, email: str) -> None:
    """Email the organizer account of `email`, if there is one, a link to choose a new
    password (web.organizer.password). Asked for whatever the address, so the request
    does the same work for everyone; the link is made here, when it is sent."""
    from web.organizer.password import RESET_MINUTES, reset_token

    organizer = ctx.session.scalar(sa.select(Organizer).where(Organizer.email == email))
    if organizer is None:
        return  # no account: nothing to send (the page said the same)
    if not links_mailable():
        raise GiveUp(NO_BASE_URL if current_app.config.get("SMTP_HOST") else "SMTP is not set up")
    with current_app.test_request_context(base_url=config.configured_base_url()):
        link = public_url("organizer.reset_password", token=reset_token(organizer))
    log.info("organizer %s asked for a password reset", organizer.id)
    if not deliver(password_reset_message(organizer.email, link, RESET_MINUTES)):
        raise Retry("the mail server did not take the message")


def _release_reminder(session: Session, args: dict[str, Any], _error: str) -> None:
    reminders.release(session, list(args.get("contact_ids", [])))


@job(
    "reminder_mail",
    max_attempts=MAIL_ATTEMPTS,
    backoff=MAIL_BACKOFF,
    on_give_up=_release_reminder,
)
def reminder_mail(ctx: JobContext, owner_id: int, contact_ids: list[int]) -> None:
    """One follow-up reminder email to `owner_id` about their due contacts."""
    if not current_app.config.get("SMTP_HOST"):
        raise GiveUp("SMTP is not set up")
    message = reminders.owner_reminder(
        ctx.session, ctx.matcher, owner_id, contact_ids, config.configured_base_url()
    )
    if message is not None and not deliver(message):
        raise Retry("the mail server did not take the message")


@job("notification_mail", max_attempts=MAIL_ATTEMPTS, backoff=MAIL_BACKOFF)
def notification_mail(ctx: JobContext, note_id: int) -> None:
    """Email one meeting notification, when its attendee wants meeting emails."""
    if not current_app.config.get("SMTP_HOST"):
        return  # emails are off: the notification is on the attendee's page
    base = config.configured_base_url()
    if not meeting_mail.email_notification(ctx.session, note_id, base, deliver):
        raise Retry("the mail server did not take the message")


@job("meeting_reminders")
def meeting_reminders(ctx: JobContext) -> None:
    """The periodic meeting reminder: notify both people of meetings starting soon."""
    meeting_mail.remind_meetings(ctx.session, utcnow())


@job("send_reminders")
def send_reminders(ctx: JobContext) -> None:
    """The periodic reminder: claim every due follow-up, one email job per owner."""
    queue_reminders(ctx.session)


def queue_reminders(session: Session) -> list[Job]:
    """Claim due follow-ups and ask for their emails, one job per owner. Flushes."""
    due = reminders.claim_due(session, utcnow())
    return enqueue_many(
        session,
        "reminder_mail",
        [{"owner_id": owner, "contact_ids": ids} for owner, ids in due.items()],
    )


# --- housekeeping -------------------------------------------------------------------


@job("prune_jobs")
def prune_jobs(ctx: JobContext) -> None:
    """Forget finished jobs: done ones after a week, failed ones after a month."""
    now = utcnow()
    for state, days in ((JOB_DONE, KEEP_DONE_DAYS), (JOB_FAILED, KEEP_FAILED_DAYS)):
        ctx.session.execute(
            sa.delete(Job).where(Job.state == state, Job.finished_at < now - dt.timedelta(days))
        )


# --- asking for them --------------------------------------------------------------


def mail_private_links(session: Session, event_id: int, emails: list[str]) -> list[Job]:
    """Ask for a private-link email to each of these new attendees. Flushes."""
    ids: list[int] = []
    for start in range(0, len(emails), 500):
        ids += session.scalars(
            sa.select(Attendee.id).where(
                Attendee.event_id == event_id, Attendee.email.in_(emails[start : start + 500])
            )
        )
    return enqueue_many(
        session, "private_link_mail", [{"attendee_id": i} for i in sorted(ids)], event_id=event_id
    )
