"""Outcomes into words and buttons, from the message catalogue.

A View is platform-neutral: text in Telegram-style HTML (every user-supplied value escaped by
``t()``), abstract buttons, and whether the person is expected to answer. The Telegram edge
turns it into sendMessage calls (ForceReply in groups, inline keyboards, reactions).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import callbacks
from bot.core.answers import AnswerKind
from bot.core.status import ReportStatus
from bot.i18n import Html, escape, plain, t
from bot.services.outcomes import (
    Ask,
    ButtonRefused,
    Cancelled,
    Changed,
    ChooseOrganization,
    ChoosePeriod,
    ConfirmFigure,
    Corrected,
    Duplicate,
    EditApplied,
    EditRefused,
    Ignored,
    Item,
    Kept,
    MoreText,
    NoConversation,
    NotConfigured,
    NothingToCancel,
    NotLeader,
    NotMember,
    NotYourQuestion,
    OrganizationStatus,
    Outcome,
    Received,
    ReportContext,
    Review,
    SecretariatOnly,
    StaleButton,
    StatusReport,
    Submitted,
    UseButtons,
    Who,
)

ANSWER_PREVIEW = 600  # characters of an answer shown in a review; the report keeps all
LABEL_LENGTH = 40
ECHO = 40  # characters of what a person typed that a reply quotes back (a command, a week)


@dataclass(frozen=True)
class Button:
    label: str
    data: str


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


def render(outcome: Outcome, *, private: bool) -> View:
    """The view of an outcome, for a private chat or a group."""
    match outcome:
        case Duplicate() | Ignored():
            return View()
        case Received():
            return View(react=True)
        case NotConfigured():
            return View(t("bot.unknown_chat"))
        case NotMember(language=lang):
            return View(t("report.not_member", lang))
        case NotLeader(language=lang):
            return View(t("report.not_leader", lang))
        case SecretariatOnly(language=lang):
            return View(t("bot.secretariat_only", lang))
        case NoConversation(language=lang):
            return View(t("report.no_conversation", lang))
        case UseButtons(language=lang):
            return View(t("report.use_buttons", lang))
        case StaleButton(language=lang):
            return View(notice=plain("report.stale_button", lang))
        case ButtonRefused(language=lang, reason=reason):
            return View(notice=plain(reason, lang))
        case ChooseOrganization(who=who, language=lang, options=options):
            action = callbacks.CHOOSE_ORGANIZATION
            buttons = tuple(
                (Button(short(label), callbacks.encode(action, who.user_id, org_id)),)
                for org_id, label in options
            )
            return View(Html(_lead(who, private) + t("report.choose_organization", lang)), buttons)
        case ChoosePeriod(who=who, language=lang, organization=org, organization_id=org_id):
            rows = tuple(
                (Button(plain("report.period_overdue" if overdue else "report.period_current",
                              lang, period=key),
                        callbacks.encode(callbacks.CHOOSE_PERIOD, who.user_id, org_id, key)),)
                for key, overdue in outcome.options
            )  # fmt: skip
            previous = outcome.options[0][0]
            text = t("report.choose_period", lang, organization=org, period=previous)
            return View(Html(_lead(who, private) + text), rows)
        case Ask():
            return _ask(outcome, private)
        case MoreText(context=ctx, question=question):
            lang = ctx.language
            if private:
                done = Button(
                    plain("report.button.done", lang),
                    callbacks.encode(callbacks.DONE, ctx.who.user_id, ctx.report_id, question.key),
                )
                return View(t("report.more_text.private", lang), ((done,),))
            text = t("report.more_text.group", lang)
            return View(Html(_lead(ctx.who, private) + text), expects_answer=True)
        case ConfirmFigure(context=ctx, question=question, display=display, code=code):
            lang = ctx.language
            text = t(code, lang, value=display, bound=outcome.bound or "",
                     question=short(question.text, 80))  # fmt: skip
            encode = callbacks.encode
            choices = ((Button(plain("report.button.figure_right", lang),
                            encode(callbacks.FIGURE_RIGHT, ctx.who.user_id, ctx.report_id,
                                   question.key)),
                     Button(plain("report.button.figure_again", lang),
                            encode(callbacks.FIGURE_AGAIN, ctx.who.user_id, ctx.report_id,
                                   question.key))),)  # fmt: skip
            return View(Html(_lead(ctx.who, private) + text), choices)
        case Review():
            return _review(outcome, private)
        case Corrected(context=ctx, question=question, old=old, new=new, then=then):
            line = t("report.corrected", ctx.language, question=short(question.text, 80),
                     old=short(old or "—", 200), new=short(new or "—", 200))  # fmt: skip
            shown = render(then, private=private)
            return replace(shown, text=Html(line + "\n\n" + shown.text))
        case NotYourQuestion(language=lang, addressee=addressee):
            return View(t("report.not_your_question", lang, name=addressee.name))
        case Submitted():
            return _receipt(outcome, private)
        case Changed(context=ctx, question=question, old=old, new=new):
            text = t("report.changed", ctx.language, question=short(question.text, 80),
                     old=short(old or "—", 200), new=short(new or "—", 200))  # fmt: skip
            return View(Html(_lead(ctx.who, private) + text))
        case Kept(language=lang):
            return View(t("report.kept", lang))
        case Cancelled(language=lang, answered=answered, total=total):
            if total:
                return View(t("report.cancelled", lang, answered=answered, total=total))
            return View(t("report.cancelled_choice", lang))
        case NothingToCancel(language=lang):
            return View(t("report.nothing_to_cancel", lang))
        case EditApplied(context=ctx, question=question, display=display, submitted=submitted):
            key = "report.edit_applied_submitted" if submitted else "report.edit_applied"
            text = t(key, ctx.language, question=short(question.text, 80),
                     answer=short(display or "—", 200))  # fmt: skip
            return View(text)
        case EditRefused(context=ctx, question=question, problem=problem):
            text = t("report.edit_refused", ctx.language, question=short(question.text, 80),
                     problem=t(problem, ctx.language),
                     example=t(f"answer.example.{question.kind.value}", ctx.language))  # fmt: skip
            return View(text)
        case StatusReport():
            return _status(outcome)
    raise TypeError(f"no view for {outcome!r}")


def _lead(who: Who, private: bool) -> Html:
    """In a group, questions start by naming the person they are for."""
    return Html("") if private else Html(f"{mention(who)}\n")


def _header(ctx: ReportContext) -> Html:
    return t("report.header", ctx.language, organization=ctx.organization, period=ctx.period)


def _ask(outcome: Ask, private: bool) -> View:
    ctx, question, lang = outcome.context, outcome.question, outcome.context.language
    lines = [Html(_lead(ctx.who, private) + _header(ctx))]
    if outcome.problem is not None:
        lines.append(t("report.problem", lang, problem=t(outcome.problem, lang)))
    lines.append(
        t("report.question", lang, number=outcome.number, total=outcome.total, text=question.text)
    )
    if question.unit and question.kind in (AnswerKind.COUNT, AnswerKind.NUMBER):
        lines.append(t("report.unit", lang, unit=question.unit))
    if question.kind is AnswerKind.TEXT:
        if outcome.problem is not None or outcome.current is None:
            lines.append(t("report.text_hint", lang))
    else:
        lines.append(
            t("report.example", lang, example=t(f"answer.example.{question.kind.value}", lang))
        )
    if outcome.current is not None:
        lines.append(t("report.current", lang, answer=short(outcome.current, ANSWER_PREVIEW)))
    buttons: tuple[tuple[Button, ...], ...] = ()
    if not question.required and outcome.current is None:
        if private:
            skip = Button(
                plain("report.button.skip", lang),
                callbacks.encode(callbacks.SKIP, ctx.who.user_id, ctx.report_id, question.key),
            )
            buttons = ((skip,),)
        else:
            lines.append(t("report.skip_hint", lang))
    return View(Html("\n".join(lines)), buttons, expects_answer=True)


def _items(items: tuple[Item, ...], lang: str) -> list[Html]:
    lines = []
    for number, item in enumerate(items, 1):
        lines.append(
            t("report.item.question", lang, number=number, text=short(item.question.text, 120))
        )
        if item.skipped:
            lines.append(t("report.item.skipped", lang))
        elif item.display is None:
            lines.append(t("report.item.missing", lang))
        else:
            for line in short(item.display, ANSWER_PREVIEW).split("\n"):
                lines.append(t("report.item.answer", lang, answer=line))
    return lines


def _review(outcome: Review, private: bool) -> View:
    ctx, lang = outcome.context, outcome.context.language
    lines = [Html(_lead(ctx.who, private) + _header(ctx))]
    if outcome.submitted_at is not None:
        lines.append(
            t("report.review.submitted", lang, when=when(outcome.submitted_at, ctx.timezone, lang))
        )
    else:
        lines.append(t("report.deadline", lang, when=when(ctx.deadline_at, ctx.timezone, lang)))
    lines.append(Html(""))
    lines += _items(outcome.items, lang)
    if outcome.attachments:
        lines.append(t("report.attachments", lang, count=outcome.attachments))
    lines.append(Html(""))
    uid, report = ctx.who.user_id, ctx.report_id
    rows: list[tuple[Button, ...]] = []
    if outcome.submitted_at is None:
        lines.append(t("report.review.prompt", lang))
        rows.append(
            (
                Button(
                    plain("report.button.submit", lang),
                    callbacks.encode(callbacks.CONFIRM, uid, report),
                ),
            )
        )
    else:
        lines.append(t("report.review.change_prompt", lang))
    for number, item in enumerate(outcome.items, 1):
        label = plain(
            "report.button.change", lang, number=number, text=short(item.question.text, 28)
        )
        rows.append(
            (Button(label, callbacks.encode(callbacks.CHANGE, uid, report, item.question.key)),)
        )
    if outcome.submitted_at is not None:
        rows.append(
            (
                Button(
                    plain("report.button.keep", lang), callbacks.encode(callbacks.KEEP, uid, report)
                ),
            )
        )
    return View(Html("\n".join(lines)), tuple(rows))


def _receipt(outcome: Submitted, private: bool) -> View:
    ctx, lang = outcome.context, outcome.context.language
    status_key = (
        "report.receipt.on_time"
        if outcome.status is ReportStatus.ON_TIME
        else "report.receipt.late"
    )
    lines = [
        Html(_lead(ctx.who, private))
        + t(status_key, lang, period=ctx.period, organization=ctx.organization,
            when=when(outcome.submitted_at, ctx.timezone, lang))
    ]  # fmt: skip
    if outcome.figures:
        lines.append(t("report.receipt.figures", lang))
        lines += [
            t(
                "report.receipt.figure",
                lang,
                question=short(i.question.text, 80),
                answer=i.display or "",
            )
            for i in outcome.figures
        ]
    if outcome.attachments:
        lines.append(t("report.attachments", lang, count=outcome.attachments))
    lines.append(t("report.receipt.change_hint", lang))
    return View(Html("\n".join(lines)), closes_choice=not outcome.again)


def _status_line(line: OrganizationStatus, tz: ZoneInfo, lang: str) -> Html:
    deadline = when(line.deadline_at, tz, lang) if line.deadline_at else ""
    overdue = line.status is ReportStatus.MISSING
    match line.state:
        case "submitted":
            assert line.submitted_at is not None
            assert line.status is not None
            state = t("status.line.submitted", lang, when=when(line.submitted_at, tz, lang),
                      status=t(f"status.{line.status.value}", lang))  # fmt: skip
        case "excused":
            state = t("status.excused", lang)
        case "draft":
            key = "status.line.draft_overdue" if overdue else "status.line.draft"
            state = t(key, lang, answered=line.answered, total=line.total, deadline=deadline)
        case _:
            key = "status.line.not_started_overdue" if overdue else "status.line.not_started"
            state = t(key, lang, deadline=deadline)
    return t("status.line", lang, organization=line.organization, period=line.period, state=state)


def _status(outcome: StatusReport) -> View:
    lang = outcome.language
    lines = [_status_line(line, outcome.timezone, lang) for line in outcome.lines]
    if any(line.state != "submitted" for line in outcome.lines):
        lines.append(t("status.hint", lang))
    return View(Html("\n".join(lines)))
