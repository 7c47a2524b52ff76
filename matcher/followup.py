"""Drafted follow-up messages: short, warm, specific, with a tactful coffee invitation.

A draft recalls what the two people have in common (their own words), the
owner's note when it reads as something they talked about or promised, and
suggests a coffee without pressure. It is a message a person could send as is,
and the owner can edit it before sending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.items import clean_item, first_name
from matcher.types import CommonGround, Profile
from matcher.wording import offer_line, recall_line

_TALKED = re.compile(
    r"^(?:we\s+)?(?:talked|chatted|spoke|discussed|talking|chatting)(?:\s+(?:about|on|re))?\s+(.+)$",
    re.IGNORECASE,
)
_PROMISED = re.compile(
    r"^(?:i\s+)?(?:promised\s+to\s+|to\s+|will\s+|must\s+)?"
    r"(send|share|email|forward)\s+(?:(?:her|him|them)\s+)?(.+)$",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"^(?:i\s+)?(?:promised\s+(?:an?\s+)?|to\s+)?(?:intro(?:duce)?|introduction)\s+"
    r"(?:(?:her|him|them)\s+)?to\s+(.+)$",
    re.IGNORECASE,
)
_THIRD_PERSON = re.compile(r"\b(she|he|her|him|his|hers|they|them|their)\b", re.IGNORECASE)


@dataclass
class Draft:
    """A follow-up message: subject line and plain-text body."""

    subject: str
    body: str


def note_line(note: str) -> str:
    """A sentence recalling the owner's note, or "" when the note is a private memo.

    "talked about trail races in the Alps" -> "I really enjoyed our chat about
    trail races in the Alps."; "send her the paper on soil carbon" -> "As
    promised, I'll send over the paper on soil carbon."; "intro to Maria" ->
    "I'd still love to introduce you to Maria."
    """
    text = clean_item(note.split("\n", 1)[0])
    if not text or len(text) > 160:
        return ""
    if m := _TALKED.match(text):
        topic = m.group(1)
        return "" if _THIRD_PERSON.search(topic) else f"I really enjoyed our chat about {topic}."
    if m := _INTRO.match(text):
        who = m.group(1)
        return "" if _THIRD_PERSON.search(who) else f"I'd still love to introduce you to {who}."
    if m := _PROMISED.match(text):
        thing = m.group(2)
        if _THIRD_PERSON.search(thing):
            return ""
        verb = "share" if m.group(1).lower() == "share" else "send over"
        return f"As promised, I'll {verb} {thing}."
    return ""


def draft_follow_up(
    owner: Profile, other: Profile, cg: CommonGround, note: str = "", event_name: str = ""
) -> Draft:
    """The follow-up `owner` could send `other` after meeting them at `event_name`.

    `cg` is the pair's common ground from the owner's side (`a` = owner).
    """
    hello = first_name(other.name) or "there"
    sign = first_name(owner.name) or owner.name
    where = f" at {event_name}" if event_name else ""
    opening = f"Great to meet you{where}!"
    recall = [line for line in (recall_line(cg), note_line(note)) if line]
    if not recall:
        recall = ["Thanks again for taking the time to talk."]
    complement = offer_line(cg)
    paragraphs = [
        f"Hi {hello},",
        " ".join([opening, *recall]),
        *([complement] if complement else []),
        "Would you be up for a coffee in the next week or two to keep the conversation "
        "going? Happy to work around your schedule — and no worries at all if now is busy.",
        f"Best,\n{sign}",
    ]
    subject = f"Great to meet you{where}"
    return Draft(subject=subject, body="\n\n".join(paragraphs))
