"""The bank of conversation-starter templates, by kind of common ground.

Every template is an open question (ends with "?") about the other person's
experiences, challenges or successes. Slots:

- ``{x}``: the item the question is about, in the other person's words;
- ``{mine}``: the asker's own counterpart (a shared item in their words, or what
  they offer / look for), only in `shared_only` templates;
- ``{y}``: a second item, in "bridge" templates that join two topics.

``live`` templates presume the event has begun ("at this event so far", "today");
they are used only when the caller says it has.

``form`` lists the kinds of item the ``{x}`` slot reads well with (see
``matcher.items.item_form``): ``n`` a bare noun phrase ("marathons", "seed
funding", "the history of jazz"), ``a`` a noun phrase led by "a"/"an" ("a
technical co-founder"), ``g`` a gerund phrase ("hiring senior engineers"); ``q``
means anything at all, because the item is quoted. Slots never need an article,
a verb agreement or a possessive, so plurals, acronyms and names all fit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    """One question pattern; `shared_only` ones claim the two people have `{x}` in common."""

    text: str
    form: str = "ng"
    shared_only: bool = False
    live: bool = False  # presumes the event has begun


T = Template


def S(text: str, form: str = "ng") -> Template:  # noqa: N802 - reads like T
    """A template that only fits items the two people share."""
    return Template(text, form, shared_only=True)


def L(text: str, form: str = "ng") -> Template:  # noqa: N802 - reads like T
    """A template that only fits once the event has begun ("so far", "today")."""
    return Template(text, form, live=True)


# A professional interest (shared, or the other person's own when nothing is shared).
PROFESSIONAL = [
    T("What first pulled you into {x}?"),
    T("What's the hardest problem you've run into with {x} lately?"),
    T("What's a recent win with {x} that you're proud of?"),
    T("What's something about {x} that most people get wrong?"),
    T("If you could change one thing about how people approach {x}, what would it be?"),
    T("Who has taught you the most about {x}?"),
    T("Where do you think things are heading with {x} over the next few years?"),
    T("What surprised you most when you started working with {x}?"),
    T("What's one book, talk or person on {x} you'd point a newcomer to?"),
    L("What's the best conversation about {x} you've had at this event so far?"),
    T("Which part of your work with {x} do you enjoy the most?"),
    T("What are you experimenting with on {x} at the moment?"),
    T("What's a lesson about {x} that you had to learn the hard way?"),
    T("What's a question about {x} you haven't been able to answer yet?"),
    T("When did you first realise you wanted to spend your time on {x}?"),
    T("What does success with {x} look like for you this year?"),
    T("What's the most underrated idea in {x} right now?"),
    T("What's a mistake with {x} you see people repeat again and again?"),
    T("Which project on {x} taught you the most?"),
    T("What's changed in how you think about {x} since you started?"),
    T("Who's doing the most interesting work on {x}, in your view?"),
    T("What's keeping you busy with {x} these days?"),
    T("If you were starting out with {x} today, what would you do differently?"),
    T("What's one thing about {x} you'd love to see someone build?"),
    T("What drew you to {x} rather than something neighbouring?"),
    T("Your profile mentions “{x}” — what's the story behind that for you?", "q"),
    T("You put “{x}” on your profile — what's the most exciting part of it right now?", "q"),
    T("“{x}” caught my eye on your profile — how did that become part of your work?", "q"),
    S("We're both into {x} — what's the question you'd most like a second opinion on?"),
    S("We both care about {x} — what are you betting on there that others aren't?"),
    S("I've been spending time on {mine} and you listed {x} — where do you see the overlap?"),
    S("You wrote {x} and I wrote {mine} — what got you started on your side of it?"),
]

# A personal interest: hobbies, causes, sports.
PERSONAL = [
    T("How did you get into {x}?"),
    T("What's your favourite memory involving {x}?"),
    T("What keeps you coming back to {x}?"),
    T("What's been your proudest moment with {x} so far?"),
    T("Is there a goal you're working towards with {x} right now?"),
    T("What would you tell someone who's just getting started with {x}?"),
    T("How do you make time for {x} alongside work?"),
    T("Has anything from {x} ever helped you at work?"),
    T("What's the best story you have involving {x}?"),
    T("What's been the biggest challenge for you with {x}?"),
    T("What got you hooked on {x} in the first place?"),
    T("Who do you usually share {x} with?"),
    T("What's the next thing you want to try with {x}?"),
    T("What's a small win with {x} that made your month?"),
    T("What have you learned about yourself through {x}?"),
    T("What would a perfect weekend of {x} look like for you?"),
    T("How has your approach to {x} changed over the years?"),
    T("What's the one piece of advice about {x} you wish you'd had earlier?"),
    T("You listed “{x}” — how did that start for you?", "q"),
    T("“{x}” stood out on your profile — what's the best part of it for you?", "q"),
    T("I noticed “{x}” on your profile — what got you started?", "q"),
    S("We both have {x} in common — what's your next plan there?"),
    S("You're into {x} and I'm into {mine} — how did you first get started?"),
]

# The other person looks for `{x}`; `{mine}` is what the asker offers.
THEY_NEED = [
    T("How's the search for {x} going so far?", "na"),
    T("You're looking for {x} — what does the ideal match look like?", "na"),
    T("What's behind the search for {x} right now?", "na"),
    T("What have you tried so far when it comes to {x}?", "nag"),
    T("What would make the biggest difference for you when it comes to {x}?", "nag"),
    T("What would a great result look like for you when it comes to {x}?", "nag"),
    T("What's the first thing you'd do once you've sorted out {x}?"),
    T("Who has been most helpful to you so far with {x}?"),
    T("What's the hardest part about {x} at this stage?"),
    T("What kind of introduction would move things forward on {x} for you?"),
    T("You mentioned “{x}” — what's driving that right now?", "q"),
    T("You're after “{x}” — what would help most right now?", "q"),
    T("“{x}” is on your list — what have you tried so far?", "q"),
    T("What would getting “{x}” sorted unlock for you?", "q"),
    S("I might be able to help with {mine} — what's your biggest open question about {x}?", "nag"),
    S("I can offer {mine}; what would be most useful to you when it comes to {x}?", "nag"),
    T("What would finding {x} change for you?", "nag"),
    T("Where have you looked so far for {x}?", "na"),
    T("Who would be your dream introduction for {x}?", "na"),
    T("How will you know when you've found {x}?", "na"),
]

# The other person offers `{x}`; `{mine}` is what the asker looks for.
THEY_OFFER = [
    T("You mentioned you can offer {x} — who do you usually end up helping?", "nag"),
    T("How did you build up your experience with {x}?"),
    T("What do people most often get wrong before they come to you about {x}?"),
    T("What do you enjoy most about helping people with {x}?"),
    T("What's a success story with {x} that you still think about?"),
    T("What's the most common question people ask you about {x}?"),
    T("How did you end up being the person people come to for {x}?"),
    T("What's the best way for someone to make use of your help with {x}?"),
    T("Which kind of problem with {x} do you enjoy tackling most?"),
    T("You offered “{x}” — what do you enjoy most about that?", "q"),
    T("You offer “{x}” — who gets the most out of it?", "q"),
    T("How did “{x}” become something you offer?", "q"),
    T("What's the best way to take you up on “{x}”?", "q"),
    S(
        "You offer {x}, which is close to what I'm after — where would you start in my shoes?",
        "nag",
    ),
    S("Since you know a lot about {x}, what's one mistake I should avoid when it comes to {mine}?"),
    T("What kind of people get the most out of {x}?", "nag"),
    T("How did {x} become something you offer?", "nag"),
    T("What should someone bring to make the most of {x}?", "nag"),
    T("What's the story behind offering {x}?", "na"),
    T("What's the best way to take you up on {x}?", "nag"),
]

# An organization: a former employer or school (shared, or theirs alone).
ORGANIZATION = [
    T("What do you remember most from your time at {x}?", "n"),
    T("How did your time at {x} shape the way you work today?", "n"),
    T("Who from {x} do you still keep in touch with?", "n"),
    T("What was the best thing you picked up at {x}?", "n"),
    T("How did you end up at {x}?", "n"),
    T("What's a habit from {x} that you've kept ever since?", "n"),
    T("What's one story from {x} that you still tell?", "n"),
    T("You listed “{x}” — what do you remember most from that time?", "q"),
    S("We both have {x} in our background — what was it like when you were there?", "n"),
    S("We both spent time at {x} — how has it changed since, from what you hear?", "n"),
]

# Someone both people have already saved at this event (a name).
CONTACT = [
    T("You've met {x} too — how did the two of you get talking?", "n"),
    T("What did you and {x} end up talking about?", "n"),
    L("We've both met {x} here — who else should I not miss today?", "n"),
    T("How do you know {x}?", "n"),
    L("What was the best thing you heard from {x} today?", "n"),
    T("Did {x} point you my way, or is this a happy coincidence?", "n"),
]

# The other person's headline, when there is no common ground to build on.
HEADLINE = [
    T("What does a typical week look like for you as {x}?", "na"),
    T("What's been the most interesting challenge in your work as {x} this year?", "na"),
    T("What's a recent success in your work as {x} that you're proud of?", "na"),
    T("What's the part of your job as {x} that surprises people most?", "na"),
    T("How did you end up as {x}?", "na"),
    T("Your badge says “{x}” — which part of that could you talk about all evening?", "q"),
    T("What's one thing about being “{x}” that people usually don't guess?", "q"),
    T("“{x}” sounds like a full plate — what's taking most of your energy at the moment?", "q"),
]

# The asker's own item, as a last resort when the other profile is almost empty.
MINE = [
    L("I came here hoping to talk about {x} — what's been on your mind at this event?"),
    T("I'm hoping to talk about {x} at this event — what's on your own list?"),
    T("I'm into {x}; what topic would you pick if we had ten minutes?"),
    T("I'd love to hear your take on {x} — what's your angle on it?"),
]

# Two topics at once (from the common ground or the other person's profile).
BRIDGE = [
    T("Between {x} and {y}, which one takes up more of your head space these days?"),
    T("How do {x} and {y} fit together for you?"),
    T("If you had a free month for either {x} or {y}, which would win?"),
    T("Have you found a link between {x} and {y}?"),
    T("What got you started first, {x} or {y}?"),
    T("Which has taught you more lately, {x} or {y}?"),
]

# Nothing at all to ground a question in (both profiles nearly empty).
GENERIC = [
    T("What are you hoping to find or learn at this event?"),
    T("What's something you're working on that you'd love a fresh pair of eyes on?"),
    T("What's a question you'd love to put to the people at this event?"),
    L("What's been the best conversation you've had at this event so far?"),
    L("What are you hoping to find or learn before the day is over?"),
]

# The other person offers money (`{x}`: "€1–5M Series A tickets", "R&D grants up to
# €500k"): asked about whom they fund, not how the money "became something they offer".
THEY_FUND = [
    T("What do you look for in a team before you offer “{x}”?", "q"),
    T("What makes a company a good fit for “{x}”?", "q"),
    T("What would you want to hear first from a team hoping for “{x}”?", "q"),
    T("What's the first thing you check when someone asks you about “{x}”?", "q"),
]

BANK: dict[str, list[Template]] = {
    "professional": PROFESSIONAL,
    "personal": PERSONAL,
    "they_need": THEY_NEED,
    "they_offer": THEY_OFFER,
    "they_fund": THEY_FUND,
    "organization": ORGANIZATION,
    "contact": CONTACT,
    "headline": HEADLINE,
    "mine": MINE,
    "bridge": BRIDGE,
}


def template_count() -> int:
    """How many grounded templates the bank holds (generic ones not counted)."""
    return sum(len(templates) for templates in BANK.values())
