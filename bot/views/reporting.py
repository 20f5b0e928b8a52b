"""The report conversation in words: choosing, questions, the review, the receipt, /status."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from bot import buttons
from bot.core.answers import UNCHANGED, AnswerKind
from bot.core.directions import Result
from bot.core.status import ReportStatus
from bot.i18n import Html, plain, t
from bot.i18n.weeks import first_up, week
from bot.services.outcomes import (
    Ask,
    Cancelled,
    Changed,
    ChooseOrganization,
    ChoosePeriod,
    ConfirmFigure,
    Corrected,
    EditApplied,
    EditRefused,
    Item,
    Kept,
    MoreText,
    NothingToCancel,
    NotYourQuestion,
    OrganizationStatus,
    Outcome,
    ReportContext,
    Review,
    StatusReport,
    Submitted,
)
from bot.views.base import ANSWER_PREVIEW, Button, View, heading, lead, short, when, worded
from bot.views.common import render_common

PROGRESS_CHOICES = (Result.DONE.value, Result.IN_PROGRESS.value, Result.NOT_STARTED.value)


def render_reporting(outcome: Outcome, private: bool) -> View | None:
    match outcome:
        case ChooseOrganization(who=who, language=lang, options=options):
            rows = tuple(
                (Button(short(label), buttons.ChooseOrganization(who.user_id, org_id)),)
                for org_id, label in options
            )
            return View(Html(lead(who, private) + t("report.choose_organization", lang)), rows)
        case ChoosePeriod(who=who, language=lang, organization=org, organization_id=org_id):
            rows = tuple(
                (
                    Button(
                        plain(
                            "report.period_overdue" if overdue else "report.period_current",
                            lang,
                            period=first_up(week(key, lang)),
                        ),
                        buttons.ChoosePeriod(who.user_id, org_id, key),
                    ),
                )
                for key, overdue in outcome.options
            )
            previous = outcome.options[0][0]
            text = t("report.choose_period", lang, organization=org, period=week(previous, lang))
            return View(Html(lead(who, private) + text), rows)
        case Ask():
            return _ask(outcome, private)
        case MoreText(context=ctx, question=question):
            lang = ctx.language
            if private:
                done = Button(
                    plain("report.button.done", lang),
                    buttons.FinishText(ctx.who.user_id, ctx.report_id, question.key),
                )
                return View(t("report.more_text.private", lang), ((done,),))
            text = t("report.more_text.group", lang)
            return View(Html(lead(ctx.who, private) + text), expects_answer=True)
        case ConfirmFigure(context=ctx, question=question, display=display, code=code):
            lang = ctx.language
            text = t(
                code,
                lang,
                value=worded(question, display, lang),
                bound=worded(question, outcome.bound, lang),
                question=short(heading(question, lang), 80),
            )
            owner, report = ctx.who.user_id, ctx.report_id
            right = Button(
                plain("report.button.figure_right", lang),
                buttons.FigureRight(owner, report, question.key),
            )
            again = Button(
                plain("report.button.figure_again", lang),
                buttons.FigureAgain(owner, report, question.key),
            )
            return View(Html(lead(ctx.who, private) + text), ((right, again),))
        case Review():
            return _review(outcome, private)
        case Corrected(context=ctx, question=question, old=old, new=new, then=then):
            lang = ctx.language
            line = t(
                "report.corrected",
                lang,
                question=short(heading(question, lang), 80),
                old=short(worded(question, old, lang) or "—", 200),
                new=short(worded(question, new, lang) or "—", 200),
            )
            shown = render_reporting(then, private) or render_common(then, private)
            assert shown is not None, then
            return replace(shown, text=Html(line + "\n\n" + shown.text))
        case NotYourQuestion(language=lang, addressee=addressee):
            return View(t("report.not_your_question", lang, name=addressee.name))
        case Submitted():
            return _receipt(outcome, private)
        case Changed(context=ctx, question=question, old=old, new=new):
            lang = ctx.language
            text = t(
                "report.changed",
                lang,
                question=short(heading(question, lang), 80),
                old=short(worded(question, old, lang) or "—", 200),
                new=short(worded(question, new, lang) or "—", 200),
            )
            return View(Html(lead(ctx.who, private) + text))
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
            text = t(
                key,
                ctx.language,
                question=short(heading(question, ctx.language), 80),
                answer=short(worded(question, display, ctx.language) or "—", 200),
            )
            return View(text)
        case EditRefused(context=ctx, question=question, problem=problem):
            text = t(
                "report.edit_refused",
                ctx.language,
                question=short(heading(question, ctx.language), 80),
                problem=t(problem, ctx.language),
                example=t(f"answer.example.{question.kind.value}", ctx.language),
            )
            return View(text)
        case StatusReport():
            return _status(outcome)
    return None


def _header(ctx: ReportContext) -> Html:
    lang = ctx.language
    return t("report.header", lang, organization=ctx.organization, period=week(ctx.period, lang))


def _ask(outcome: Ask, private: bool) -> View:
    ctx, question, lang = outcome.context, outcome.question, outcome.context.language
    lines = [Html(lead(ctx.who, private) + _header(ctx))]
    if outcome.problem is not None:
        lines.append(t("report.problem", lang, problem=t(outcome.problem, lang)))
    lines.append(
        t(
            "report.question",
            lang,
            number=outcome.number,
            total=outcome.total,
            text=heading(question, lang),
        )
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
        current = worded(question, outcome.current, lang)
        lines.append(t("report.current", lang, answer=short(current, ANSWER_PREVIEW)))
    rows: tuple[tuple[Button, ...], ...] = ()
    if question.kind is AnswerKind.PROGRESS:
        previous: tuple[tuple[Button, ...], ...] = ()
        if question.previous is not None:  # a task reported before: one tap for "no change"
            same = plain(
                "plan.no_change", lang, state=plain(f"plan.state.{question.previous}", lang)
            )
            choose = buttons.Choose(ctx.who.user_id, ctx.report_id, question.key, UNCHANGED)
            previous = ((Button(same, choose),),)
        rows = previous + tuple(
            (
                Button(
                    plain(f"direction.result.{value}", lang),
                    buttons.Choose(ctx.who.user_id, ctx.report_id, question.key, value),
                ),
            )
            for value in PROGRESS_CHOICES
        )
    if not question.required and outcome.current is None:
        if private:
            skip = Button(
                plain("report.button.skip", lang),
                buttons.SkipQuestion(ctx.who.user_id, ctx.report_id, question.key),
            )
            rows = ((skip,),)
        else:
            lines.append(t("report.skip_hint", lang))
    return View(Html("\n".join(lines)), rows, expects_answer=True)


def _items(items: tuple[Item, ...], lang: str) -> list[Html]:
    lines = []
    for number, item in enumerate(items, 1):
        lines.append(
            t(
                "report.item.question",
                lang,
                number=number,
                text=short(heading(item.question, lang), 120),
            )
        )
        if item.skipped:
            lines.append(t("report.item.skipped", lang))
        elif item.display is None:
            lines.append(t("report.item.missing", lang))
        else:
            answer = worded(item.question, item.display, lang)
            for line in short(answer, ANSWER_PREVIEW).split("\n"):
                lines.append(t("report.item.answer", lang, answer=line))
    return lines


def _review(outcome: Review, private: bool) -> View:
    ctx, lang = outcome.context, outcome.context.language
    lines = [Html(lead(ctx.who, private) + _header(ctx))]
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
                    buttons.Submit(uid, report),
                ),
            )
        )
    else:
        lines.append(t("report.review.change_prompt", lang))
    for number, item in enumerate(outcome.items, 1):
        label = plain(
            "report.button.change",
            lang,
            number=number,
            text=short(heading(item.question, lang), 28),
        )
        rows.append((Button(label, buttons.Change(uid, report, item.question.key)),))
    if outcome.submitted_at is not None:
        rows.append((Button(plain("report.button.keep", lang), buttons.Keep(uid, report)),))
    return View(Html("\n".join(lines)), tuple(rows))


def _receipt(outcome: Submitted, private: bool) -> View:
    ctx, lang = outcome.context, outcome.context.language
    status_key = (
        "report.receipt.on_time"
        if outcome.status is ReportStatus.ON_TIME
        else "report.receipt.late"
    )
    lines = [
        Html(lead(ctx.who, private))
        + t(
            status_key,
            lang,
            period=week(ctx.period, lang),
            organization=ctx.organization,
            when=when(outcome.submitted_at, ctx.timezone, lang),
        )
    ]
    if outcome.figures:
        lines.append(t("report.receipt.figures", lang))
        lines += [
            t(
                "report.receipt.figure",
                lang,
                question=short(heading(i.question, lang), 80),
                answer=worded(i.question, i.display, lang),
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
            state = t(
                "status.line.submitted",
                lang,
                when=when(line.submitted_at, tz, lang),
                status=t(f"status.{line.status.value}", lang),
            )
        case "excused":
            state = t("status.excused", lang)
        case "draft":
            key = "status.line.draft_overdue" if overdue else "status.line.draft"
            state = t(key, lang, answered=line.answered, total=line.total, deadline=deadline)
        case _:
            key = "status.line.not_started_overdue" if overdue else "status.line.not_started"
            state = t(key, lang, deadline=deadline)
    period = week(line.period, lang)
    return t("status.line", lang, organization=line.organization, period=period, state=state)


def _status(outcome: StatusReport) -> View:
    lang = outcome.language
    lines = [_status_line(line, outcome.timezone, lang) for line in outcome.lines]
    if any(line.state != "submitted" for line in outcome.lines):
        lines.append(t("status.hint", lang))
    return View(Html("\n".join(lines)))
