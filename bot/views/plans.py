"""Response plans in words and buttons: the plan imported or refused (by row and column),
the situation in force and its switch, units' tasks and their progress, the digest's
section."""

from __future__ import annotations

from dataclasses import replace

from bot import buttons
from bot.core.directions import Result
from bot.core.plans import PlanPicture
from bot.i18n import Html, plain, t
from bot.services.outcomes import Outcome
from bot.services.plan_outcomes import (
    ConfirmLevel,
    LevelAnnouncement,
    LevelShown,
    LevelSwitched,
    NoPlan,
    NoSuchLevel,
    NoTasks,
    PlanImported,
    PlanRefused,
    PlanShown,
    ProblemLine,
    TaskCard,
    TaskItem,
    TaskList,
    TaskRecorded,
    UnitTasks,
)
from bot.views.base import Button, View, lead, short, when

LISTED_PROBLEMS = 10
LISTED_TASKS = 10  # in the digest; the rest are counted
PAGE = 8  # tasks a list shows at once ("Xem tiếp" for the next)
UNITS_PER_TASK = 6  # units a digest's line names; the rest are in /nhiemvu and the files
CONTENT = 60  # characters of a task's content in a list
NAME = 40  # characters of a unit's name in a list
STATES = (Result.DONE.value, Result.IN_PROGRESS.value, Result.NOT_STARTED.value)


def _title(text: str, length: int) -> str:
    """A situation's title inside a sentence: without the full stop the table may end it
    with ("…xã.?")."""
    return short(text.rstrip(" ."), length)


def state_word(state: str, lang: str) -> str:
    return plain(f"plan.state.{state}", lang)


def render_plans(outcome: Outcome, private: bool) -> View | None:
    match outcome:
        case PlanShown():
            return _shown(outcome, private)
        case PlanRefused(language=lang, file_name=name, problems=problems):
            lines = [t("plan.refused", lang, file=name, count=len(problems))]
            lines += [_problem(p, lang) for p in problems[:LISTED_PROBLEMS]]
            if len(problems) > LISTED_PROBLEMS:
                lines.append(t("plan.more_problems", lang, count=len(problems) - LISTED_PROBLEMS))
            return View(Html("\n".join(lines)))
        case PlanImported(language=lang):
            text = t(
                "plan.imported",
                lang,
                file=outcome.file_name,
                kept=outcome.kept,
                added=outcome.added,
                dropped=outcome.dropped,
                level=outcome.level,
            )
            levels = [
                t("plan.level_line", lang, level=n, title=short(title, CONTENT), count=count)
                for n, title, count in outcome.levels
            ]
            if outcome.reset_from is not None:
                reset = t("plan.level_reset", lang, old=outcome.reset_from, new=outcome.level)
                levels.append(reset)
            return View(Html("\n".join([text, *levels])))
        case NoPlan(language=lang):
            return View(t("plan.no_plan", lang))
        case LevelShown():
            return _level(outcome, private)
        case ConfirmLevel(who=who, language=lang, plan=plan, level=level):
            text = t(
                "level.confirm",
                lang,
                current=outcome.current,
                level=level,
                title=_title(outcome.title, 200),
            )
            confirm = Button(
                plain("level.button.confirm", lang),
                buttons.ConfirmSwitch(who.user_id, plan, level),
            )
            keep = Button(plain("level.button.keep", lang), buttons.KeepLevel(who.user_id, plan))
            return View(Html(lead(who, private) + text), ((confirm, keep),))
        case NoSuchLevel(language=lang, given=given, levels=levels):
            known = ", ".join(str(n) for n in levels)
            return View(t("level.no_such", lang, given=given, levels=known))
        case LevelSwitched(language=lang, old=old, new=new, title=title):
            if old == new:
                return View(t("level.already", lang, new=new))
            return View(t("level.switched", lang, new=new, title=_title(title, 200)))
        case LevelAnnouncement():
            return _announcement(outcome)
        case TaskList():
            return _tasks(outcome, private)
        case TaskCard(who=who, language=lang, item=item):
            item = replace(item, unit=short(item.unit, NAME))
            return View(
                Html(lead(who, private) + _card(item, lang)), _states(who.user_id, item, lang)
            )
        case TaskRecorded(who=who, language=lang, item=item, asks_note=asks):
            item = replace(item, unit=short(item.unit, NAME))
            text = t(
                "task.recorded",
                lang,
                label=item.label,
                unit=item.unit,
                state=state_word(item.state, lang),
            )
            if item.note:
                text = Html(text + t("task.note", lang, note=short(item.note, 200)))
            if not asks:
                return View(text)
            skip = Button(
                plain("task.button.no_note", lang), buttons.TaskNoNote(who.user_id, item.carrier)
            )
            asked = Html(
                lead(who, private) + text + "\n" + t("task.ask_note", lang, label=item.label)
            )
            return View(asked, ((skip,),) if private else (), expects_answer=True)
        case NoTasks(language=lang, level=level):
            return View(t("tasks.none", lang, level=level))
    return None


def _problem(problem: ProblemLine, lang: str) -> Html:
    params = dict(problem.params)
    if "value" in params:  # as the file has it: any length
        params["value"] = short(params["value"], NAME)
    if "known" in params:
        params["known"] = short(params["known"], 300)
    words = plain(problem.key, lang, **params)
    if problem.row <= 0:
        return t("plan.problem.file", lang, problem=words)
    if not problem.column:
        return t("plan.problem.row", lang, row=problem.row, problem=words)
    return t("plan.problem.cell", lang, row=problem.row, column=problem.column, problem=words)


def _shown(outcome: PlanShown, private: bool) -> View:
    lang = outcome.language
    lines: list[str] = [lead(outcome.who, private)]
    if outcome.file_name is None or outcome.imported_at is None:
        lines.append(t("plan.none", lang, group=outcome.group))
    else:
        lines.append(
            t(
                "plan.shown",
                lang,
                group=outcome.group,
                file=outcome.file_name,
                when=when(outcome.imported_at, outcome.timezone, lang),
                level=outcome.level or "",
            )
        )
        lines += [
            t("plan.level_line", lang, level=n, title=short(title, CONTENT), count=count)
            for n, title, count in outcome.levels
        ]
    if outcome.asks_file:
        lines.append(t("plan.send_file", lang))
    elif outcome.in_group:
        lines.append(t("plan.in_group", lang))
    return View(Html("\n".join(line for line in lines if line)))


def _unit_lines(units: tuple[UnitTasks, ...], lang: str) -> list[Html]:
    return [
        t("level.unit", lang, unit=short(u.unit, NAME), labels=short(", ".join(u.labels), 120))
        for u in units[:LISTED_TASKS]
    ]


def _level(outcome: LevelShown, private: bool) -> View:
    lang, who = outcome.language, outcome.who
    since = f"{outcome.since.astimezone(outcome.timezone):%d/%m/%Y}"
    lines = [
        lead(who, private)
        + t("level.shown", lang, level=outcome.level, title=_title(outcome.title, 99), since=since),
        t("level.units", lang),
        *_unit_lines(outcome.units, lang),
    ]
    rows: tuple[tuple[Button, ...], ...] = ()
    if outcome.may_switch:
        lines.append(t("level.switch_hint", lang))
        rows = tuple(
            (
                Button(
                    plain("level.button.switch", lang, level=n),
                    buttons.SwitchLevel(who.user_id, outcome.plan, n),
                ),
            )
            for n, _ in outcome.levels
            if n != outcome.level
        )
    return View(Html("\n".join(lines)), rows)


def _announcement(outcome: LevelAnnouncement) -> View:
    lang = outcome.language
    lines = [
        t(
            "level.announcement",
            lang,
            old=outcome.old,
            new=outcome.new,
            title=_title(outcome.title, 120),
            by=outcome.by,
        ),
        t("level.units", lang),
        *_unit_lines(outcome.units, lang),
        t("level.tasks", lang),
    ]
    lines += [
        t("level.task", lang, label=label, content=short(content, CONTENT))
        for label, content in outcome.tasks[:LISTED_TASKS]
    ]
    if len(outcome.tasks) > LISTED_TASKS:
        more = len(outcome.tasks) - LISTED_TASKS
        lines.append(t("plan.section.more", lang, count=more))
    return View(Html("\n".join(lines)))


def _item(item: TaskItem, lang: str) -> Html:
    line = t(
        "tasks.item",
        lang,
        label=item.label,
        content=short(item.content, CONTENT),
        unit=short(item.unit, NAME),
        state=state_word(item.state, lang),
    )
    return Html(line + t("tasks.stale", lang)) if item.stale else line


def _tasks(outcome: TaskList, private: bool) -> View:
    lang, who = outcome.language, outcome.who
    lines = [
        lead(who, private)
        + t("tasks.title", lang, level=outcome.level, title=_title(outcome.title, 80))
    ]
    page = PAGE if outcome.picture is None else 4
    shown = outcome.items[outcome.start : outcome.start + page]
    lines += [_item(i, lang) for i in shown]
    rows: list[tuple[Button, ...]] = [
        (Button(short(f"{i.label} {i.content}"), buttons.OpenTask(who.user_id, i.carrier)),)
        for i in shown
    ]
    following = outcome.start + page
    if following < len(outcome.items):
        more = plain("tasks.button.more", lang, shown=following, total=len(outcome.items))
        rows.append((Button(more, buttons.TasksFrom(who.user_id, following)),))
    if shown:
        lines.append(t("tasks.hint", lang))
    if outcome.picture is not None and outcome.start == 0:
        lines += ["", *section_lines(outcome.picture, lang, listed=3)]
    return View(Html("\n".join(lines)), tuple(rows))


def _card(item: TaskItem, lang: str) -> Html:
    text = t(
        "task.card",
        lang,
        label=item.label,
        unit=item.unit,
        content=short(item.content, 600),
        state=state_word(item.state, lang),
    )
    return Html(text + t("task.note", lang, note=short(item.note, 200))) if item.note else text


def _states(owner: int, item: TaskItem, lang: str) -> tuple[tuple[Button, ...], ...]:
    """The three states, worded as the report's buttons for a direction word them."""
    return tuple(
        (
            Button(
                plain(f"direction.result.{s}", lang), buttons.TaskProgress(owner, item.carrier, s)
            ),
        )
        for s in STATES
    )


MARKS = {"done": "✅", "in_progress": "⏳", "not_started": "▫️"}  # the legend is in the counts


def section_lines(picture: PlanPicture, lang: str, listed: int = LISTED_TASKS) -> list[Html]:
    """The digest's and /summary's plan section: the situation in force, counts by state,
    then each task with who carries it, each unit's state (its mark) and latest note, and
    the units without progress for two periods flagged."""
    since = f"{picture.since:%d/%m/%Y}"
    lines = [
        t("plan.section", lang, level=picture.level, title=_title(picture.title, 100), since=since),
        t("plan.section.counts", lang, **picture.counts),
    ]
    for task in picture.tasks[:listed]:
        units = []
        for carrier in task.carriers[:UNITS_PER_TASK]:
            unit = t(
                "plan.section.unit",
                lang,
                unit=short(carrier.unit, 24),
                mark=MARKS.get(carrier.state, ""),
            )
            if carrier.note:
                unit = Html(unit + t("plan.section.note", lang, note=short(carrier.note, 40)))
            if carrier.stale:
                unit = Html(unit + "⚠️")
            units.append(unit)
        if len(task.carriers) > UNITS_PER_TASK:
            units.append(Html("…"))
        line = t("plan.section.task", lang, label=task.label, content=short(task.content, 50))
        lines.append(Html(line + "; ".join(units)))
    if any(c.stale for task in picture.tasks for c in task.carriers):
        lines.append(t("plan.section.stale", lang, count=picture.stale))
    if len(picture.tasks) > listed:
        lines.append(t("plan.section.more", lang, count=len(picture.tasks) - listed))
    return lines
