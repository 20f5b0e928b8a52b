"""Directions in words and buttons: giving one, the direction as delivered, acknowledging and
reporting, notices and reminders, lists and details, and the digest's "Chỉ đạo" section."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from bot import buttons
from bot.core.directions import (
    CATEGORIES,
    Category,
    DirectionLine,
    Picture,
    Progress,
    Result,
    TargetLine,
)
from bot.i18n import Html, escape, plain, t
from bot.services.direction_outcomes import (
    Acknowledged,
    AskCloseReason,
    AskDirectionText,
    AskDue,
    AskResultNote,
    ChooseResult,
    ChooseResultOrganization,
    ChooseTargets,
    DirectionChanged,
    DirectionDetail,
    DirectionDropped,
    DirectionGiven,
    DirectionList,
    DirectionNotice,
    DirectionNotOpen,
    DirectionPost,
    FileKept,
    GiveRefused,
    HistoryEntry,
    NoSuchDirection,
    NotAddressed,
    ReplyUnclear,
    ResultRecorded,
    ReviewDirection,
)
from bot.services.outcomes import Outcome, Who
from bot.views.base import Button, View, lead, mention, short, when

LISTED = 8  # directions a list or the digest names; the rest are counted
PREVIEW = 100  # characters of a direction's text in a list
REMINDED = 300  # characters of a direction's text in a reminder
DETAILED = 400  # characters of a direction's text in its detail (the whole is in the post)
NOTE_PREVIEW = 50
HISTORY = 6  # the latest steps a detail shows
MAX_NAME = 40
MAX_TEXT = 1200  # bot.services.directions.MAX_TEXT


def day(value: date | None, lang: str) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else plain("direction.no_due", lang)


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names)


def follow_up_heading(number: int, text: str, lang: str) -> str:
    """The weekly report's question about direction ``number``."""
    return plain("direction.follow_up", lang, number=number, text=short(text, REMINDED))


def result_word(value: str, lang: str) -> str:
    return plain(f"direction.result.{value}", lang)


def render_directions(outcome: Outcome, private: bool) -> View | None:
    match outcome:
        case ChooseTargets():
            return _choose_targets(outcome, private)
        case AskDirectionText():
            return _ask_text(outcome, private)
        case AskDue():
            return _ask_due(outcome, private)
        case ReviewDirection():
            return _review(outcome, private)
        case DirectionGiven(language=lang, number=number, organizations=names, due=due):
            return View(
                t(
                    "direction.given",
                    lang,
                    number=number,
                    organizations=_names(names),
                    due=day(due, lang),
                )
            )
        case GiveRefused(language=lang):
            return View(t("direction.only_secretariat_gives", lang))
        case DirectionDropped(language=lang):
            return View(t("direction.dropped", lang))
        case DirectionPost():
            return _post(outcome, private)
        case DirectionNotice():
            return _notice(outcome, private)
        case DirectionList():
            return _list(outcome, private)
        case DirectionDetail():
            return _detail(outcome, private)
        case NoSuchDirection(language=lang, number=number):
            return View(t("direction.no_such", lang, number=number))
        case DirectionNotOpen(language=lang, number=number, state=state):
            text = t(
                "direction.not_open",
                lang,
                number=number,
                state=plain(f"direction.state.{state}", lang),
            )
            return View(
                text,
                notice=plain(
                    "direction.not_open",
                    lang,
                    number=number,
                    state=plain(f"direction.state.{state}", lang),
                ),
            )
        case Acknowledged(language=lang, number=number, organizations=names, already=already):
            key = "direction.acknowledged.already" if already else "direction.acknowledged"
            text = t(key, lang, number=number, organizations=_names(names))
            return View(
                text,
                notice=plain(key, lang, number=number, organizations=_names(names)),
                closes_choice=False,
            )
        case NotAddressed(language=lang, number=number, button=button):
            if button:
                return View(notice=plain("direction.not_addressed", lang, number=number))
            return View(t("direction.not_addressed", lang, number=number))
        case ChooseResultOrganization(who=who, language=lang, direction=direction, number=number):
            rows = tuple(
                (
                    Button(
                        short(c.name), buttons.ResultFor(who.user_id, direction, c.organization_id)
                    ),
                )
                for c in outcome.options
            )
            text = Html(
                lead(who, private) + t("direction.choose_result_organization", lang, number=number)
            )
            return View(text, rows, closes_choice=False)
        case ChooseResult():
            return _choose_result(outcome, private)
        case AskResultNote(who=who, language=lang, direction=direction, result=result):
            skip = Button(
                plain("direction.button.no_note", lang), buttons.NoNote(who.user_id, direction)
            )
            text = t("direction.ask_note", lang, result=result_word(result, lang))
            return _typing(Html(lead(who, private) + text), ((skip,),), private, lang)
        case ResultRecorded(language=lang, number=number, organization=organization):
            text = t(
                "direction.recorded",
                lang,
                number=number,
                organization=organization,
                result=result_word(outcome.result, lang),
            )
            if outcome.note:
                text = Html(
                    text
                    + t("direction.recorded.note", lang, note=short(outcome.note, NOTE_PREVIEW))
                )
            return View(text)
        case ReplyUnclear(who=who, language=lang, direction=direction, number=number):
            return View(
                Html(lead(who, private) + t("direction.reply_unclear", lang, number=number)),
                _follow_buttons(direction, lang),
            )
        case FileKept(language=lang, number=number, organization=organization):
            return View(t("direction.file_kept", lang, number=number, organization=organization))
        case AskCloseReason(who=who, language=lang, direction=direction, number=number, kind=kind):
            skip = Button(
                plain("direction.button.no_reason", lang), buttons.NoNote(who.user_id, direction)
            )
            cancel = Button(
                plain("direction.button.cancel", lang),
                buttons.DropDirection(who.user_id, direction),
            )
            text = t(f"direction.ask_reason.{kind}", lang, number=number)
            return _typing(Html(lead(who, private) + text), ((skip, cancel),), private, lang)
        case DirectionChanged(language=lang, number=number, kind=kind):
            return View(
                t(
                    f"direction.changed.{kind}",
                    lang,
                    number=number,
                    due=day(outcome.due, lang),
                    organizations=_names(outcome.organizations) or "—",
                )
            )
    return None


def _typing(
    text: Html, rows: tuple[tuple[Button, ...], ...], private: bool, lang: str, hint: str = "none"
) -> View:
    """A question answered by typing. In a group the bot sees only replies to its messages:
    the reply box opens for the person (ForceReply), which a message with buttons cannot do,
    so there the buttons' choices are said as words to type instead."""
    if private:
        return View(text, rows, expects_answer=True)
    hinted = Html(text + "\n" + t(f"direction.typing_hint.{hint}", lang))
    return View(hinted, expects_answer=True)


def _ask_text(outcome: AskDirectionText, private: bool) -> View:
    who, lang, draft = outcome.who, outcome.language, outcome.draft
    done = Button(plain("direction.button.done", lang), buttons.TextDone(who.user_id, draft))
    if outcome.problem is not None:
        problem = t(outcome.problem, lang, limit=MAX_TEXT)
        return _typing(problem, ((done,),), private, lang, "text")
    if outcome.begun:
        return _typing(t("direction.ask_more", lang), ((done,),), private, lang, "text")
    cancel = Button(
        plain("direction.button.cancel", lang), buttons.DropDirection(who.user_id, draft)
    )
    names = _names(outcome.organizations)
    text = Html(lead(who, private) + t("direction.ask_text", lang, organizations=names))
    return _typing(text, ((cancel,),), private, lang, "text")


# --- giving ---------------------------------------------------------------------------------------


def _choose_targets(outcome: ChooseTargets, private: bool) -> View:
    who, lang, draft = outcome.who, outcome.language, outcome.draft
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                ("✓ " if c.chosen else "") + short(c.name),
                buttons.ToggleTarget(who.user_id, draft, c.organization_id),
            ),
        )
        for c in outcome.options
    ]
    rows.append(
        (Button(plain("direction.button.all", lang), buttons.ToggleTarget(who.user_id, draft, 0)),)
    )
    rows.append(
        (
            Button(
                plain("direction.button.continue", lang), buttons.TargetsChosen(who.user_id, draft)
            ),
            Button(
                plain("direction.button.cancel", lang), buttons.DropDirection(who.user_id, draft)
            ),
        )
    )
    lines = [lead(who, private) + t("direction.choose_targets", lang)]
    if outcome.problem is not None:
        lines.append(t(outcome.problem, lang, limit=MAX_TEXT))
    return View(Html("\n".join(lines)), tuple(rows))


def _ask_due(outcome: AskDue, private: bool) -> View:
    who, lang, direction = outcome.who, outcome.language, outcome.direction
    lines = []
    if outcome.problem is not None:
        lines.append(t(outcome.problem, lang))
    if outcome.changing is not None:
        lines.append(t("direction.ask_new_due", lang, number=outcome.changing))
    else:
        lines.append(t("direction.ask_due", lang))
    choices = [
        Button(
            plain("direction.button.no_due", lang),
            buttons.DueChoice(who.user_id, direction, "none"),
        ),
        Button(
            plain("direction.button.end_of_week", lang, date=f"{outcome.end_of_week:%d/%m}"),
            buttons.DueChoice(who.user_id, direction, "week"),
        ),
    ]
    if outcome.next_deadline is not None:
        label = plain("direction.button.next_deadline", lang, date=f"{outcome.next_deadline:%d/%m}")
        choices.append(Button(label, buttons.DueChoice(who.user_id, direction, "deadline")))
    cancel = Button(
        plain("direction.button.cancel", lang), buttons.DropDirection(who.user_id, direction)
    )
    rows = (*tuple((b,) for b in choices), (cancel,))
    return View(Html(lead(who, private) + "\n".join(lines)), rows, expects_answer=True)


def _review(outcome: ReviewDirection, private: bool) -> View:
    who, lang = outcome.who, outcome.language
    files = t("direction.review.files", lang, count=outcome.files) if outcome.files else ""
    text = t(
        "direction.review",
        lang,
        organizations=_names(outcome.organizations),
        due=day(outcome.due, lang),
        files=Html(files),
        text=short(outcome.text, 1500),
    )
    send = Button(
        plain("direction.button.send", lang), buttons.SendDirection(who.user_id, outcome.draft)
    )
    cancel = Button(
        plain("direction.button.cancel", lang), buttons.DropDirection(who.user_id, outcome.draft)
    )
    return View(Html(lead(who, private) + text), ((send, cancel),))


# --- the direction as delivered, and what follows it ----------------------------------------------


def _follow_buttons(direction: int, lang: str) -> tuple[tuple[Button, ...], ...]:
    return (
        (
            Button(plain("direction.button.acknowledge", lang), buttons.Acknowledge(direction)),
            Button(plain("direction.button.report", lang), buttons.ReportResult(direction)),
        ),
    )


def _addressed(addressed: tuple[tuple[str, tuple[Who, ...]], ...], private: bool) -> Html:
    parts = []
    for name, leaders in addressed:
        named = escape(short(name, MAX_NAME))
        if leaders and not private:
            named = Html(f"{named} ({', '.join(mention(w) for w in leaders)})")
        parts.append(named)
    return Html("; ".join(parts))


def _post(outcome: DirectionPost, private: bool) -> View:
    lang = outcome.language
    text = t(
        "direction.post",
        lang,
        number=outcome.number,
        group=outcome.group,
        by=outcome.given_by,
        addressed=_addressed(outcome.addressed, private),
        due=day(outcome.due, lang),
        text=outcome.text,
    )
    if outcome.files:
        text = Html(text + t("direction.post.files", lang, count=outcome.files))
    if outcome.other_files:
        text = Html(text + t("direction.post.other_files", lang, count=outcome.other_files))
    text = Html(text + t("direction.post.hint", lang))
    return View(text, _follow_buttons(outcome.direction, lang), closes_choice=False)


def _notice(outcome: DirectionNotice, private: bool) -> View:
    """A notice or a reminder. In a group the leaders it is for are named on its last line:
    its first line names the direction, which is how a reply to it is known to be about it."""
    lang, kind = outcome.language, outcome.kind
    mentions = Html(", ".join(mention(w) for w in outcome.mentions))
    tail = Html(f"\n{mentions}") if mentions and not private else Html("")
    if kind == "file":
        caption = t("direction.file_caption", lang, number=outcome.number)
        return View(Html(f"{caption}: {escape(outcome.text)}") if outcome.text else caption)
    if outcome.reminder is not None:
        text = t(
            f"direction.remind.{kind}",
            lang,
            number=outcome.number,
            organization=outcome.organization,
            due=day(outcome.due, lang),
            text=short(outcome.text, REMINDED),
        )
        buttons_ = _follow_buttons(outcome.direction, lang)
        return View(Html(text + tail), buttons_, closes_choice=False)
    text = t(
        f"direction.notice.{kind}",
        lang,
        number=outcome.number,
        organization=outcome.organization,
        by=outcome.by,
        due=day(outcome.due, lang),
    )
    if kind in ("closed", "withdrawn") and outcome.text:
        text = Html(text + t("direction.notice.reason", lang, reason=outcome.text))
    if kind == "done" and outcome.text:
        text = Html(text + t("direction.notice.note", lang, note=short(outcome.text, NOTE_PREVIEW)))
    return View(Html(text + tail))


def _choose_result(outcome: ChooseResult, private: bool) -> View:
    who, lang = outcome.who, outcome.language
    rows = tuple(
        (
            Button(
                result_word(r.value, lang),
                buttons.ResultChoice(
                    who.user_id, outcome.direction, outcome.organization_id, r.value
                ),
            ),
        )
        for r in (Result.DONE, Result.IN_PROGRESS, Result.NOT_STARTED)
    )
    text = t(
        "direction.choose_result", lang, organization=outcome.organization, number=outcome.number
    )
    return View(Html(lead(who, private) + text), rows, closes_choice=False)


# --- lists, details, the digest's section ---------------------------------------------------------


def _target_state(target: TargetLine, due: date | None, today: date, lang: str) -> Html:
    """ "Hội Nông dân: đang thực hiện (ghi chú) — quá hạn"; ``note``: with its note."""
    state = plain(f"direction.progress.{target.progress.value}", lang)
    line = t("direction.line.target", lang, organization=short(target.organization), state=state)
    if target.note:
        line = Html(line + t("direction.line.note", lang, note=short(target.note, NOTE_PREVIEW)))
    if target.category(due, today) is Category.OPEN_OVERDUE:
        line = Html(line + t("direction.overdue_mark", lang))
    return line


def direction_line(line: DirectionLine, today: date, lang: str) -> Html:
    """A direction on one line: its number, the start of its text, its due date, and each
    organization's state in short ("2/5 đã xong; quá hạn: Hội Nông dân")."""
    done = sum(1 for target in line.targets if target.progress is Progress.DONE)
    late = [
        short(target.organization, 30)
        for target in line.targets
        if target.category(line.due, today) is Category.OPEN_OVERDUE
    ]
    states = plain("direction.line.done", lang, done=done, total=len(line.targets))
    if late:
        states += plain("direction.line.late", lang, names=", ".join(late[:3]))
        if len(late) > 3:
            states += "…"
    return t(
        "direction.line",
        lang,
        number=line.number,
        text=short(line.text, PREVIEW),
        due=day(line.due, lang),
        states=states,
    )


def _list(outcome: DirectionList, private: bool) -> View:
    lang, who = outcome.language, outcome.who
    lines = [lead(who, private) + t("direction.list.title", lang, group=outcome.group)]
    if not outcome.lines:
        lines.append(t("direction.list.none", lang))
    for line in outcome.lines[:LISTED]:
        lines.append(direction_line(line, outcome.today, lang))
    if len(outcome.lines) > LISTED:
        lines.append(t("direction.section.more", lang, count=len(outcome.lines) - LISTED))
    if outcome.lines:
        lines.append(t("direction.list.hint", lang, number=outcome.lines[0].number))
    # A leader opens a direction from the list, to acknowledge it or report on it.
    rows: tuple[tuple[Button, ...], ...] = tuple(
        (
            Button(
                short(f"#{line.number} {line.text}"),
                buttons.ShowDirection(who.user_id, line.number),
            ),
        )
        for line in outcome.lines[:LISTED]
        if not outcome.secretariat
    )
    if outcome.choose is not None:
        choose = _choose_targets(outcome.choose, True)
        lines += ["", choose.text]
        rows = choose.buttons
    return View(Html("\n".join(lines)), rows)


def _history_line(entry: HistoryEntry, tz: ZoneInfo, lang: str) -> Html:
    at = when(entry.at, tz, lang)
    kind, _, source = entry.kind.partition(":")
    value = entry.value or ""
    fields = {
        "at": at,
        "who": entry.who,
        "organization": entry.organization,
        "result": result_word(value, lang) if kind == "result" and value else "",
        "due": day(date.fromisoformat(value), lang) if kind == "due" and value else day(None, lang),
    }
    key = f"direction.history.{kind}"
    line = t(key, lang, **fields)
    if source == "report":
        line = Html(line + t("direction.history.report", lang))
    if entry.text:
        text = short(entry.text, NOTE_PREVIEW)
        line = Html(line + t("direction.history.text", lang, text=text))
    return line


def _detail(outcome: DirectionDetail, private: bool) -> View:
    lang, line, who = outcome.language, outcome.line, outcome.who
    state = plain(f"direction.detail.state.{line.state.value}", lang)
    lines = [
        lead(who, private)
        + t(
            "direction.detail.title",
            lang,
            number=line.number,
            state=state,
            by=line.given_by,
            given=f"{line.given_on:%d/%m/%Y}",
            due=day(line.due, lang),
            text=short(line.text, DETAILED),
        ),
        "",
        t("direction.detail.organizations", lang),
    ]
    lines += [_target_state(target, line.due, outcome.today, lang) for target in line.targets]
    if outcome.history:
        lines += ["", t("direction.detail.history", lang)]
        lines += [_history_line(e, outcome.timezone, lang) for e in outcome.history[-HISTORY:]]
    rows: list[tuple[Button, ...]] = []
    if outcome.manage:
        owner, direction = who.user_id, outcome.direction
        rows.append(
            (
                Button(
                    plain("direction.button.change_due", lang), buttons.ChangeDue(owner, direction)
                ),
                Button(
                    plain("direction.button.close", lang), buttons.CloseDirection(owner, direction)
                ),
                Button(
                    plain("direction.button.withdraw", lang),
                    buttons.WithdrawDirection(owner, direction),
                ),
            )
        )
    if outcome.follow:
        rows += list(_follow_buttons(outcome.direction, lang))
    return View(Html("\n".join(lines)), tuple(rows), closes_choice=False)


def section_lines(picture: Picture, lang: str) -> list[Html]:
    """The digest's and /summary's "Chỉ đạo" section."""
    counts = {c.value: picture.counts.get(c, 0) for c in CATEGORIES}
    lines = [t("direction.section", lang), t("direction.section.counts", lang, **counts)]
    if picture.given:
        numbers = ", ".join(f"#{d.number}" for d in picture.given)
        lines.append(t("direction.section.given", lang, numbers=numbers))
    if picture.open:
        lines.append(t("direction.section.open", lang))
        today = picture.today or picture.open[0].given_on
        for line in picture.open[:LISTED]:
            lines.append(direction_line(line, today, lang))
        if len(picture.open) > LISTED:
            lines.append(t("direction.section.more", lang, count=len(picture.open) - LISTED))
    return lines


def late_line(late: tuple[tuple[int, str, date], ...], lang: str) -> Html:
    items = "; ".join(
        plain("direction.late.item", lang, number=n, organization=o, due=f"{d:%d/%m}")
        for n, o, d in late[:LISTED]
    )
    if len(late) > LISTED:
        items += " " + plain("direction.section.more", lang, count=len(late) - LISTED)
    return t("direction.late", lang, items=items)


__all__ = ["follow_up_heading", "late_line", "render_directions", "section_lines"]
