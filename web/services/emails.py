"""The emails Common Ground sends, as messages (web.mail sends them)."""

from __future__ import annotations

from email.message import EmailMessage

from web.services.profile_text import clean_name


def header_text(value: str) -> str:
    """A value for an email header: one line (a line break would start a new header)."""
    return clean_name(value) or "your event"


def private_link_message(
    to: str,
    name: str,
    event_name: str,
    link: str,
    my_page: str,
    updated: bool,
) -> EmailMessage:
    """The email that carries an attendee's private link."""
    message = EmailMessage()
    message["To"] = to
    message["Subject"] = f"Your private link for {header_text(event_name)}"
    if updated:
        intro = "Your profile was updated, and here is a fresh private link."
    else:
        intro = "Welcome! Your profile is ready."
    message.set_content(
        f"Hi {name},\n\n"
        f"{intro}\n\n"
        f"Open your page for {event_name} — your badge and the people we suggest you meet:\n"
        f"{link}\n\n"
        "This link is your key: anyone who has it can see and edit your profile, so keep\n"
        "it to yourself. Opening it signs you in on that device; after that, your page is\n"
        f"at {my_page}.\n\n"
        "If you did not sign up, you can ignore this message, or open the link and choose\n"
        "“Delete my data”.\n\n"
        "— Common Ground\n"
    )
    return message


def sign_in_message(
    to: str, name: str, event_name: str, link: str, hours: int, my_page: str
) -> EmailMessage:
    """The email to a registered address someone typed on the sign-up form again.

    It carries a sign-in link that works for `hours`; the profile and the private
    link were not changed, so an unexpected request costs its owner nothing.
    """
    message = EmailMessage()
    message["To"] = to
    message["Subject"] = f"Sign in to {header_text(event_name)}"
    message.set_content(
        f"Hi {name},\n\n"
        "Someone (probably you) entered this address on the sign-up form of\n"
        f"{event_name}. You are signed up already, so here is a link that signs you in\n"
        f"on that device, for the next {hours} hours:\n"
        f"{link}\n\n"
        "Nothing was changed: your profile and your private link are as they were.\n"
        f"Once signed in, your page is at {my_page}.\n\n"
        "If it was not you, ignore this message: nobody can sign in without this link.\n\n"
        "— Common Ground\n"
    )
    return message


def password_reset_message(to: str, link: str, minutes: int) -> EmailMessage:
    """The email that lets an organizer choose a new password."""
    message = EmailMessage()
    message["To"] = to
    message["Subject"] = "Choose a new password for Common Ground"
    message.set_content(
        "Hi,\n\n"
        "Someone (we hope you) asked to reset the password of your organizer account.\n"
        f"Choose a new one here within {minutes} minutes:\n"
        f"{link}\n\n"
        "The link works once. Setting a new password signs your account out on every\n"
        "other browser. If you did not ask for this, ignore this message: your password\n"
        "stays as it is.\n\n"
        "— Common Ground\n"
    )
    return message
