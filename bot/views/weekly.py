"""The week's messages in words: call for reports, reminders, deadline and overdue notices,
the digest (also the /summary answer), late additions and notices about chats; and the
secretariat's /summary and /skip. Pure: data in, Telegram HTML out, every user-supplied text
escaped by ``t()``. ``WeekTexts`` hands these words to the services that store the week's
messages before sending them."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot import buttons
from bot.core.answers import AnswerKind
from bot.core.digest import Digest, OrganizationLine, StoredAnswer, Total
from bot.core.directions import Picture
from bot.core.formatting import format_value
from bot.core.periods import PeriodKey
from bot.core.plans import PlanPicture
from bot.core.questionnaire import Question
from bot.core.rollup import RollUp
from bot.core.status import ReportStatus
from bot.i18n import Html, plain, t
from bot.i18n.weeks import first_up, week, week_long
from bot.services.outcomes import (
    BadPeriod,
    ChartReady,
    ChooseSkip,
    Excused,
    NoChildren,
    NoSuchPeriod,
    Outcome,
    PeriodSkipped,
    RollUpSummary,
    Summary,
    Who,
)
from bot.services.words import Audience, LateDirection, Owing, Rendered
from bot.views.base import ECHO, Button, View, mention, short, when
from bot.views.directions import late_line, section_lines
from bot.views.plans import section_lines as plan_lines

STATUS_MARK = {
    ReportStatus.ON_TIME: "✅",
    ReportStatus.LATE: "🕓",
    ReportStatus.MISSING: "❌",
    ReportStatus.EXCUSED: "⚪",
    ReportStatus.PENDING: "⏳",
}


def _named(who: Who, lang: str) -> Who:
    """A leader the bot knows no name of is "the leader"."""
    return who if who.name else Who(who.user_id, plain("weekly.leader", lang))


def _who(audience: Audience, owing: Owing) -> Html:
    if not audience.mentions or not owing.leaders:
        return t("weekly.org", audience.language, organization=owing.name)
    people = Html(", ".join(mention(_named(w, audience.language)) for w in owing.leaders))
    return t("weekly.org_with_leaders", audience.language, organization=owing.name, people=people)


def _list(audience: Audience, owing: tuple[Owing, ...]) -> list[Html]:
    return [_who(audience, o) for o in owing]


def call_text(
    audience: Audience, period: PeriodKey, deadline_at: datetime, owing: tuple[Owing, ...]
) -> Html:
    lang = audience.language
    lines = [
        t("weekly.call.title", lang, period=week(period, lang)),
        t("weekly.deadline", lang, when=when(deadline_at, audience.timezone, lang)),
        Html(""),
        *_list(audience, owing),
        Html(""),
        t("weekly.call.how", lang),
    ]
    return Html("\n".join(lines))


def reminder_text(
    audience: Audience, period: PeriodKey, deadline_at: datetime, owing: tuple[Owing, ...]
) -> Html:
    lang = audience.language
    lines = [
        t(
            "weekly.reminder.title",
            lang,
            period=week(period, lang),
            when=when(deadline_at, audience.timezone, lang),
        ),
        *_list(audience, owing),
        t("weekly.how_to_report", lang),
    ]
    return Html("\n".join(lines))


def deadline_text(
    audience: Audience,
    period: PeriodKey,
    submitted: int,
    expected: int,
    owing: tuple[Owing, ...],
    not_in_private: tuple[Who, ...] = (),
    late_directions: tuple[LateDirection, ...] = (),
) -> Html:
    """``not_in_private``: secretariat members who would have had the list in private, but
    the bot cannot write to them there; they are mentioned here instead. ``late_directions``:
    directions overdue and not done, named after the reports."""
    lang = audience.language
    late = [late_line(late_directions, lang)] if late_directions else []
    if not owing:
        return Html(
            "\n".join([t("weekly.deadline.all_in", lang, period=week(period, lang)), *late])
        )
    lines = [
        t("weekly.deadline.title", lang, period=week(period, lang)),
        t("weekly.deadline.count", lang, submitted=submitted, expected=expected),
        t("weekly.overdue_heading", lang),
        *_list(audience, owing),
        t("weekly.late_accepted", lang),
        *late,
    ]
    if not_in_private:
        people = Html(", ".join(mention(w) for w in not_in_private))
        lines.append(t("weekly.deadline.secretariat_here", lang, people=people))
    return Html("\n".join(lines))


def overdue_text(audience: Audience, period: PeriodKey, owing: tuple[Owing, ...]) -> Html:
    lang = audience.language
    lines = [t("weekly.overdue.title", lang, period=week(period, lang)), *_list(audience, owing)]
    lines.append(t("weekly.how_to_report", lang))
    return Html("\n".join(lines))


def secretariat_overdue_text(
    audience: Audience,
    period: PeriodKey,
    owing: tuple[Owing, ...],
    late_directions: tuple[LateDirection, ...] = (),
) -> Html:
    lang = audience.language
    names = [
        t(
            "weekly.secretariat.line",
            lang,
            organization=o.name,
            people=Html(", ".join(mention(_named(w, lang)) for w in o.leaders) or "—"),
        )
        for o in owing
    ]
    lines = [
        t(
            "weekly.secretariat.title",
            lang,
            period=first_up(week(period, lang)),
            group=audience.group,
        ),
        *names,
    ]
    if late_directions:
        lines.append(late_line(late_directions, lang))
    return Html("\n".join(lines))


def late_addition_text(audience: Audience, period: PeriodKey, line: OrganizationLine) -> Html:
    lang = audience.language
    assert line.submitted_at is not None
    lines = [
        t(
            "weekly.late.title",
            lang,
            period=week(period, lang),
            organization=line.name,
            when=when(line.submitted_at, audience.timezone, lang),
        )
    ]
    lines += [_answer_line(q_a, lang) for q_a in line.answers if q_a[0].kind is not AnswerKind.TEXT]
    return Html("\n".join(lines))


# --- the digest ------------------------------------------------------------------------------


def chart_caption(group: str, lang: str, weeks: int, period: PeriodKey) -> Html:
    """The caption of the chart of the last ``weeks`` weeks up to ``period``."""
    return t("chart.caption", lang, name=group, weeks=weeks, period=week(period, lang))


def digest_text(
    audience: Audience,
    digest: Digest,
    leaders_of: dict[str, tuple[Who, ...]],
    rollup: RollUp | None = None,
    directions: Picture | None = None,
    plan: PlanPicture | None = None,
) -> Html:
    """The digest of a closed period (Monday), or the state so far (/summary); a parent
    group's also has its children's picture (``rollup``); a group that gives directions,
    their section."""
    lang, tz = audience.language, audience.timezone
    title = "weekly.digest.title" if digest.closed else "weekly.digest.title_so_far"
    lines = [
        t(
            title,
            lang,
            period=week(digest.period, lang),
            when=when(digest.at, tz, lang),
        ),
        t("weekly.digest.group", lang, group=audience.group),
        _rate(digest, lang),
    ]
    for number, line in enumerate(digest.lines, 1):
        lines.append(Html(""))
        lines.append(_status_line(number, line, tz, lang))
        lines += [_answer_line(q_a, lang) for q_a in line.answers]
    if digest.totals:
        heading = t("weekly.digest.totals", lang)
        if digest.since is not None:
            since = digest.since
            heading = Html(
                heading + t("weekly.digest.since", lang, week=since.week, year=since.year)
            )
        lines += [Html(""), heading]
        lines += [_total_line(total, lang) for total in digest.totals]
    if rollup is not None:
        lines += [Html(""), *rollup_lines(rollup, lang)]
    if plan is not None:
        lines += [Html(""), *plan_lines(plan, lang)]
    if directions is not None and not directions.empty:
        lines += [Html(""), *section_lines(directions, lang)]
    if digest.proposals:
        lines += [Html(""), t("weekly.digest.proposals", lang)]
        lines += [
            t("weekly.digest.proposal", lang, organization=p.organization, text=p.text)
            for p in digest.proposals
        ]
    if digest.overdue:
        lines += [Html(""), t("weekly.overdue_heading", lang)]
        lines += _list(
            audience, tuple(Owing(o.name, leaders_of.get(o.code, ())) for o in digest.overdue)
        )
    return Html("\n".join(lines))


def rollup_lines(rollup: RollUp, lang: str) -> list[Html]:
    """The children of a parent group for one week: who reported, the figures added up."""
    lines = [
        t("rollup.title", lang, children=rollup.children, period=week(rollup.period, lang)),
        t(
            "rollup.counts",
            lang,
            all_in=len(rollup.all_in),
            some=len(rollup.some),
            none=len(rollup.none),
        ),
    ]
    if rollup.none:
        lines.append(t("rollup.none", lang, names=_first_few(list(rollup.none), lang)))
    if rollup.overdue:
        named = [f"{child} ({', '.join(orgs)})" for child, orgs in rollup.overdue]
        lines.append(t("rollup.overdue", lang, names=_first_few(named, lang, "; ")))
    if rollup.figures:
        lines.append(t("rollup.figures", lang))
        for figure in rollup.figures:
            shown = format_value(
                figure.question.kind, "", str(figure.total), figure.question.unit, lang, ("", "")
            )
            text = t(
                "rollup.figure",
                lang,
                question=figure.question.text,
                total=shown,
                children=figure.children,
            )
            if figure.cumulative is not None:
                so_far = format_value(
                    figure.question.kind,
                    "",
                    str(figure.cumulative),
                    figure.question.unit,
                    lang,
                    ("", ""),
                )
                text = Html(text + t("weekly.digest.cumulative", lang, total=so_far))
            lines.append(text)
    if rollup.proposals:
        lines.append(t("rollup.proposals", lang))
        lines += [
            t("rollup.proposal", lang, child=p.child, organization=p.organization, text=p.text)
            for p in rollup.proposals
        ]
    return lines


NAMED = 10  # communes named in a line; 96 would not be read (the files have them all)


def _first_few(names: list[str], lang: str, between: str = ", ") -> str:
    if len(names) <= NAMED:
        return between.join(names)
    more = plain("rollup.more", lang, count=len(names) - NAMED)
    return between.join(names[:NAMED]) + more


def _rate(digest: Digest, lang: str) -> Html:
    on_time = sum(1 for line in digest.lines if line.status is ReportStatus.ON_TIME)
    late = sum(1 for line in digest.lines if line.status is ReportStatus.LATE)
    excused = len(digest.lines) - digest.expected
    percent = round(100 * digest.submitted / digest.expected) if digest.expected else 100
    text = t(
        "weekly.digest.rate",
        lang,
        submitted=digest.submitted,
        expected=digest.expected,
        percent=percent,
        on_time=on_time,
        late=late,
    )
    if excused:
        text = Html(text + t("weekly.digest.excused_count", lang, count=excused))
    return text


def _status_line(number: int, line: OrganizationLine, tz: ZoneInfo, lang: str) -> Html:
    status = t(f"status.{line.status.value}", lang)
    if line.submitted_at is not None:
        status = Html(
            status + " " + t("weekly.digest.at", lang, when=when(line.submitted_at, tz, lang))
        )
    return t(
        "weekly.digest.organization",
        lang,
        number=number,
        organization=line.name,
        mark=STATUS_MARK[line.status],
        status=status,
    )


def _answer_line(question_answer: tuple[Question, StoredAnswer], lang: str) -> Html:
    question, answer = question_answer
    yes_no = (plain("answer.yes", lang), plain("answer.no", lang))
    shown = format_value(question.kind, answer.text, answer.value, question.unit, lang, yes_no)
    return t("weekly.digest.answer", lang, question=question.text, answer=shown)


def _total_line(total: Total, lang: str) -> Html:
    def figure(value: Decimal) -> str:
        return format_value(
            total.question.kind, "", str(value), total.question.unit, lang, ("", "")
        )

    text = t(
        "weekly.digest.total",
        lang,
        question=total.question.text,
        total=figure(total.total),
        count=total.reporting,
    )
    change = total.change
    if change is not None:
        if change == 0:
            text = Html(text + t("weekly.digest.unchanged", lang))
        else:
            key = "weekly.digest.up" if change > 0 else "weekly.digest.down"
            text = Html(text + t(key, lang, change=figure(abs(change))))
        if not total.compares_all:
            # Not everyone gave the figure both weeks: say what is compared.
            text = Html(text + t("weekly.digest.compared", lang, count=total.compared))
    if total.cumulative is not None:
        text = Html(text + t("weekly.digest.cumulative", lang, total=figure(total.cumulative)))
    return text


# --- answers to the secretariat's commands ---------------------------------------------------


def render_weekly(outcome: Outcome, private: bool) -> View | None:
    match outcome:
        case ChartReady(caption=caption):  # the picture goes as a photo; the words are these
            return View(Html(caption))
        case Summary(audience=audience, digest=digest, leaders_of=leaders_of, rollup=rollup):
            return View(
                digest_text(audience, digest, leaders_of, rollup, outcome.directions, outcome.plan)
            )
        case RollUpSummary(audience=audience, rollup=rollup):
            lines = [t("weekly.digest.group", audience.language, group=audience.group)]
            return View(Html("\n".join([*rollup_lines(rollup, audience.language), *lines])))
        case NoChildren(language=lang):
            return View(t("rollup.no_children", lang))
        case BadPeriod(language=lang, given=given):
            return View(t("weekly.bad_period", lang, given=short(given, ECHO)))
        case NoSuchPeriod(language=lang, given=given, first=first, current=current):
            return View(
                t(
                    "weekly.no_such_period",
                    lang,
                    given=week_long(given, lang),
                    first=week(first, lang),
                    current=week(current, lang),
                )
            )
        case ChooseSkip(who=who, language=lang, period=period, options=options):
            rows = [
                (
                    Button(
                        plain("weekly.skip.button_period", lang, period=week(period, lang)),
                        buttons.Holiday(who.user_id, period),
                    ),
                )
            ]
            rows += [
                (
                    Button(
                        short(plain("weekly.skip.button_excuse", lang, organization=name)),
                        buttons.Excuse(who.user_id, org_id, period),
                    ),
                )
                for org_id, name in options
            ]
            return View(
                t("weekly.skip.choose", lang, period=first_up(week(period, lang))), tuple(rows)
            )
        case PeriodSkipped(language=lang, period=period, by=by):
            return View(t("weekly.skip.done", lang, period=week(period, lang), by=by))
        case Excused(language=lang, period=period, organization=organization, by=by):
            text = t(
                "weekly.excused", lang, period=week(period, lang), organization=organization, by=by
            )
            return View(text)
    return None


def chat_moved_text(group: str, lang: str, new_chat_id: int) -> Html:
    return t("chats.moved", lang, group=group, new=new_chat_id)


def chat_removed_text(group: str, lang: str) -> Html:
    return t("chats.removed", lang, group=group)


def chat_back_text(group: str, lang: str) -> Html:
    return t("chats.back", lang, group=group)


class WeekTexts:
    """The words of the week's messages (``bot.services.words.WeekWords``)."""

    call = staticmethod(call_text)
    reminder = staticmethod(reminder_text)
    deadline = staticmethod(deadline_text)
    overdue = staticmethod(overdue_text)
    secretariat_overdue = staticmethod(secretariat_overdue_text)
    late_addition = staticmethod(late_addition_text)
    digest = staticmethod(digest_text)
    chart_caption = staticmethod(chart_caption)
    chat_moved = staticmethod(chat_moved_text)
    chat_removed = staticmethod(chat_removed_text)
    chat_back = staticmethod(chat_back_text)

    @staticmethod
    def call_button(language: str) -> str:
        return plain("weekly.call.button", language)

    @staticmethod
    def message(outcome: Outcome, private: bool) -> Rendered:
        from bot.views import render  # the package imports this module

        view = render(outcome, private=private)
        if not view.buttons:
            return view.text, None
        rows = [[{"text": b.label, "callback_data": b.data} for b in row] for row in view.buttons]
        return view.text, json.dumps({"inline_keyboard": rows}, ensure_ascii=False)
