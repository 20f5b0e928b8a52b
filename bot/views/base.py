"""What every view is made of: the View itself, buttons, and the small words shared by all.

A View is platform-neutral: text in Telegram-style HTML (every user-supplied value escaped by
``t()``), abstract buttons carrying typed data (``bot.buttons``), and whether the person is
expected to answer. The Telegram edge turns it into sendMessage calls (ForceReply in groups,
inline keyboards, reactions); ``bot.views.plain`` turns it into text with numbered choices
for a platform without buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.buttons import Press
from bot.core.answers import UNCHANGED, AnswerKind
from bot.core.directions import read_result
from bot.core.formatting import format_value
from bot.core.questionnaire import Question
from bot.i18n import Html, escape, plain, t
from bot.services.outcomes import Shown, Who

ANSWER_PREVIEW = 600  # characters of an answer shown in a review; the report keeps all
LABEL_LENGTH = 40
RECEIVED = "👍"  # the reaction that acknowledges an answer
ECHO = 40  # characters of what a person typed that a reply quotes back (a command, a week)


@dataclass(frozen=True)
class Button:
    label: str
    press: Press

    @property
    def data(self) -> str:
        return self.press.pack()


@dataclass(frozen=True)
class View:
    text: Html = Html("")
    buttons: tuple[tuple[Button, ...], ...] = ()
    # A question: in a group the reply box opens for this person only (ForceReply).
    expects_answer: bool = False
    # Acknowledge quietly by reacting to the person's message instead of writing.
    react: bool = False
    # For a button press: the short notice shown by the client (answerCallbackQuery).
    notice: str | None = None
    # For a button press: the choice is made, so the pressed message's buttons go. Not for
    # an answer given again (they went the first time, or may stay: a press gives the same).
    closes_choice: bool = True

    @property
    def silent(self) -> bool:
        return not self.text and not self.react


def mention(who: Who) -> Html:
    return Html(f'<a href="tg://user?id={who.user_id}">{escape(who.name or str(who.user_id))}</a>')


def lead(who: Who, private: bool) -> Html:
    """In a group, a message for one person starts by naming them."""
    return Html("") if private else Html(f"{mention(who)}\n")


def when(instant: datetime, tz: ZoneInfo, lang: str) -> str:
    local = instant.astimezone(tz)
    return t(
        "time.when",
        lang,
        time=f"{local:%H:%M}",
        weekday=t(f"weekday.{local.isoweekday()}", lang),
        date=f"{local:%d/%m/%Y}",
    )


def short(text: str, length: int = LABEL_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def yes_no(lang: str) -> tuple[str, str]:
    return plain("answer.yes", lang), plain("answer.no", lang)


FOLLOW_UP = "cd_"  # a report's question about a direction (bot.services.following)


def heading(question: Question, lang: str) -> str:
    """A question as it is asked: a direction's is "Kết quả thực hiện chỉ đạo #12: …"."""
    number = question.key.removeprefix(FOLLOW_UP)
    if question.key.startswith(FOLLOW_UP) and number.isdigit():
        text = short(question.text, 300)
        return plain("direction.follow_up", lang, number=int(number), text=text)
    return question.text


def worded(question: Question, shown: Shown | None, lang: str) -> str:
    """An answer as people read it: figures regrouped with their unit, yes/no as words, how
    far a direction has got in words, with its note; "" for no answer."""
    if shown is None:
        return ""
    if question.kind is AnswerKind.PROGRESS and shown.value == UNCHANGED:
        previous = plain(f"plan.state.{question.previous}", lang) if question.previous else ""
        return plain("plan.no_change", lang, state=previous)
    if question.kind is AnswerKind.PROGRESS and shown.value is not None:
        state = plain(f"direction.result.{shown.value}", lang)
        read = read_result(shown.text)
        return f"{state} — {read.note}" if read is not None and read.note else state
    return format_value(question.kind, shown.text, shown.value, question.unit, lang, yes_no(lang))
