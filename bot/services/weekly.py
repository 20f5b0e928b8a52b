"""The week, run by itself: a tick decides what is due (the core decides), claims it in the
ledger with its rendered text, and delivery sends what is claimed, piece by piece, retrying
later what fails. Also the digest on demand (/summary, the digest CLI) and /skip.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime

from bot.buttons import ReportNow
from bot.config import AppConfig, GroupConfig
from bot.core.conversation import ReportState
from bot.core.periods import PeriodKey, named_week
from bot.core.policy import Action
from bot.core.schedule import Due, EventKind
from bot.core.status import ReportStatus
from bot.core.text import fold_for_matching
from bot.exports.painter import draw_chart_png
from bot.foreground import Foreground
from bot.services.acting import Acting, Refuse, UseCases
from bot.services.facts import (
    CHART_WEEKS,
    PeriodFacts,
    read_facts,
    read_history,
    read_rollup,
    recent_weeks,
)
from bot.services.following import late_directions, read_picture
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
    StaleButton,
    Summary,
    Who,
)
from bot.services.people import (
    Chat,
    Sender,
    button_key,
    message_key,
    reachable_privately,
    secretariat_of,
)
from bot.services.periods import ensure_period, first_week
from bot.services.plan_data import read_picture as read_plan
from bot.services.week_overview import (
    DIGEST_CHART,
    LATE,
    OVERDUE_LIST,
    WeekOverview,
    Work,
    shown_periods,
)
from bot.services.words import WeekWords
from storage.database import Database
from storage.models import DeliveryState, Group, Period, Report, SentMessage
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

# "/tonghop xa": the communes' picture, in a group that other groups name as their parent.
CHILDREN_WORDS = frozenset({"xa", "xã", "communes", "children"})


class WeeklyService:
    def __init__(
        self,
        db: Database,
        config: AppConfig,
        words: WeekWords,
        foreground: Foreground | None = None,
    ) -> None:
        self._db = db
        self._config = config
        self._words = words
        self._foreground = foreground or Foreground()
        self._acting = UseCases(db, config)

    # --- deciding and claiming ------------------------------------------------------------

    async def tick(self, now: datetime) -> int:
        """Claim every message due at ``now`` that is not claimed yet; returns how many."""
        async with self._db.unit_of_work() as uow:
            overview = await WeekOverview.read(uow, self._config, now)
        claimed = 0
        for config in self._config.groups:
            # (by the id it has now; by the configured one if a move is not yet stored)
            group = overview.groups.get(self._config.chat_of(config)) or overview.groups.get(
                config.chat_id
            )
            if group is None or group.chat_id in overview.unreachable:
                continue  # a group the bot is not in gets nothing claimed; see ChatService
            if not (work := overview.work(group, config, now)):
                continue
            await self._foreground.give_way()  # people's replies first
            async with self._db.unit_of_work() as uow:
                claimed += await self._claim(uow, group, config, work, now)
                await uow.commit()
        return claimed

    async def _claim(
        self, uow: UnitOfWork, group: Group, config: GroupConfig, work: Work, now: datetime
    ) -> int:
        claimed = 0
        for due in work.events:
            period = await ensure_period(uow, group, config, due.period)
            sums = due.kind is EventKind.DIGEST  # the digest gives the cumulative figures
            facts = await read_facts(uow, group, config, period, now, cumulative=sums)
            for entry in await self._compose(uow, facts, due, now):
                claimed += await uow.ledger.claim(entry)
        if work.late:
            previous, _ = shown_periods(config, now)
            period = await ensure_period(uow, group, config, previous)
            claimed += await self._late_additions(uow, group, config, period, work.late, now)
        return claimed

    async def _compose(
        self, uow: UnitOfWork, facts: PeriodFacts, due: Due, now: datetime
    ) -> list[SentMessage]:
        config, period, digest = facts.config, facts.period, facts.digest
        key = due.period

        def entry(
            text: str | None,
            *,
            kind: str = due.kind,
            slot: str = due.slot,
            chat_id: int = facts.group.chat_id,
            thread_id: int | None = None,
            markup: str | None = None,
        ) -> SentMessage:
            state = DeliveryState.PENDING if text else DeliveryState.SKIPPED
            return SentMessage(
                period_id=period.id,
                kind=kind,
                slot=slot,
                state=state,
                chat_id=chat_id,
                thread_id=thread_id,
                text=text,
                markup=markup,
                created_at=now,
            )

        waiting = (ReportStatus.PENDING, ReportStatus.MISSING)
        match due.kind:
            case EventKind.CALL:
                owing = facts.owing(waiting)
                button = self._words.call_button(config.language)
                now_button = {"text": button, "callback_data": ReportNow().pack()}
                markup = json.dumps({"inline_keyboard": [[now_button]]}, ensure_ascii=False)
                text = self._words.call(facts.audience(), key, period.deadline_at, owing)
                return [entry(text if owing else None, markup=markup)]
            case EventKind.REMINDER:
                owing = facts.owing(waiting)
                text = self._words.reminder(facts.audience(), key, period.deadline_at, owing)
                return [entry(text if owing else None)]
            case EventKind.DEADLINE:
                # At the deadline instant itself a report is not yet "missing" by the
                # core's rule (due *by* the deadline); whoever has not submitted now is late.
                overdue = facts.owing(waiting)
                secretariat = await secretariat_of(uow, facts.group)
                reachable = await reachable_privately(uow, secretariat)
                late = await late_directions(uow, facts.group, config, now)
                # Those the bot cannot write to in private are mentioned in the group instead.
                elsewhere = (
                    tuple(Who(p.user_id, p.full_name) for p in secretariat if p not in reachable)
                    if overdue or late
                    else ()
                )
                text = self._words.deadline(
                    facts.audience(),
                    key,
                    digest.submitted,
                    digest.expected,
                    overdue,
                    elsewhere,
                    late,
                )
                entries = [entry(text)]
                if overdue or late:
                    private = self._words.secretariat_overdue(facts.audience(), key, overdue, late)
                    for person in reachable:
                        entries.append(
                            entry(
                                private,
                                kind=OVERDUE_LIST,
                                slot=str(person.user_id),
                                chat_id=person.user_id,
                            )
                        )
                return entries
            case EventKind.OVERDUE:
                overdue = facts.owing((ReportStatus.MISSING,))
                return [
                    entry(self._words.overdue(facts.audience(), key, overdue) if overdue else None)
                ]
            case EventKind.DIGEST:
                rollup = await read_rollup(uow, self._config, config, key, now)
                directions = await read_picture(uow, facts.group, config, period, now)
                plan = await read_plan(uow, facts.group, config, now)
                text = self._words.digest(
                    facts.audience(), digest, facts.leaders_of, rollup, directions, plan
                )
                chart = self._chart_entry(facts, now)
                return [entry(text, thread_id=config.digest_topic), *filter(None, [chart])]
        raise AssertionError(due.kind)

    async def _late_additions(
        self,
        uow: UnitOfWork,
        group: Group,
        config: GroupConfig,
        period: Period,
        codes: Sequence[str],
        now: datetime,
    ) -> int:
        """Reports of a period submitted after its digest was made: announced briefly."""
        facts = await read_facts(uow, group, config, period, now)
        lines = {line.code: line for line in facts.digest.lines}
        claimed = 0
        for code in codes:
            if code not in lines:
                continue  # an organization no longer in the config
            text = self._words.late_addition(
                facts.audience(), PeriodKey.parse(period.key), lines[code]
            )
            claimed += await uow.ledger.claim(
                SentMessage(
                    period_id=period.id,
                    kind=LATE,
                    slot=code,
                    state=DeliveryState.PENDING,
                    chat_id=group.chat_id,
                    thread_id=config.digest_topic,
                    text=text,
                    created_at=now,
                )
            )
        return claimed

    # --- the secretariat's commands --------------------------------------------------------

    async def summary(
        self, chat: Chat, message_id: int, sender: Sender, argument: str, now: datetime
    ) -> Outcome:
        """/summary [last | 2026-W47]: the digest of a period as it stands at ``now``;
        /summary communes [week]: a parent group's picture of its children."""
        first, _, rest = argument.strip().partition(" ")
        communes = fold_for_matching(first) in CHILDREN_WORDS

        async def work(acting: Acting) -> Outcome:
            group, config = acting.place.group, acting.place.config
            key = _period_asked(acting, rest if communes else argument)
            period = await ensure_period(acting.uow, group, config, key)
            facts = await read_facts(acting.uow, group, config, period, now, cumulative=True)
            rollup = await read_rollup(acting.uow, self._config, config, key, now)
            # A summary asked for is read, not a call to act: nobody is pinged.
            audience = facts.audience(mentions=False)
            if communes:
                if rollup is None:
                    return NoChildren(config.language)
                return RollUpSummary(audience, rollup)
            directions = await read_picture(acting.uow, group, config, period, now)
            plan = await read_plan(acting.uow, group, config, now)
            return Summary(audience, facts.digest, facts.leaders_of, rollup, directions, plan)

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.SUMMARY
        )

    async def chart(
        self, chat: Chat, message_id: int, sender: Sender, argument: str, now: datetime
    ) -> Outcome:
        """/chart [last | 2026-W47]: the chart of the weeks up to a period, for whoever may
        see /summary."""

        async def work(acting: Acting) -> Outcome:
            key = _period_asked(acting, argument)
            place = acting.place
            return await draw_chart(acting.uow, place.group, place.config, key, now, self._words)

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.CHART
        )

    async def skip_menu(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome:
        """/skip: a holiday for the whole group this period, or one organization excused."""

        async def work(acting: Acting) -> Outcome:
            group, config = acting.place.group, acting.place.config
            key = PeriodKey.at(now, config.timezone)
            period = await ensure_period(acting.uow, group, config, key)
            facts = await read_facts(acting.uow, group, config, period, now)
            codes = {
                line.code
                for line in facts.digest.lines
                if line.status in (ReportStatus.PENDING, ReportStatus.MISSING)
            }
            organizations = await acting.uow.groups.organizations(group.id)
            options = tuple((o.id, o.name) for o in organizations if o.code in codes)
            return ChooseSkip(Who(sender.user_id, sender.full_name), config.language, key, options)

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.SKIP
        )

    async def skip_period(
        self, chat: Chat, query_id: str, sender: Sender, key: PeriodKey, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            group, config = acting.place.group, acting.place.config
            if not _may_skip(group, config, key, now):
                return StaleButton(config.language)
            period = await ensure_period(acting.uow, group, config, key)
            if period.skipped_at is None:
                period.skipped_at, period.skipped_by = now, acting.person.id
            return PeriodSkipped(config.language, key, sender.full_name)

        return await self._acting.run(
            chat, sender, now, work, handled=button_key(query_id), action=Action.SKIP, button=True
        )

    async def excuse(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        organization_id: int,
        key: PeriodKey,
        now: datetime,
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            group, config = acting.place.group, acting.place.config
            organization = await acting.uow.groups.organization(organization_id)
            if (
                organization is None
                or organization.group_id != group.id
                or not _may_skip(group, config, key, now)
            ):
                return StaleButton(config.language)
            period = await ensure_period(acting.uow, group, config, key)
            report = await acting.uow.reports.report(period.id, organization.id)
            if report is None:
                report = await acting.uow.reports.add_report(
                    Report(
                        period_id=period.id,
                        organization_id=organization.id,
                        state=ReportState.EXCUSED,
                        created_at=now,
                        updated_at=now,
                    )
                )
            elif report.state is ReportState.DRAFT:
                report.state, report.updated_at = ReportState.EXCUSED, now
            return Excused(config.language, key, organization.name, sender.full_name)

        return await self._acting.run(
            chat, sender, now, work, handled=button_key(query_id), action=Action.SKIP, button=True
        )

    async def digest_of(self, chat_id: int, key: PeriodKey, now: datetime) -> str | None:
        """The digest of a named period as it stands at ``now`` (None: unknown group)."""
        config = self._config.group(chat_id)
        async with self._db.unit_of_work() as uow:
            group = await uow.groups.by_chat_id(chat_id)
            if config is None or group is None:
                return None
            period = await ensure_period(uow, group, config, key)
            facts = await read_facts(uow, group, config, period, now, cumulative=True)
            rollup = await read_rollup(uow, self._config, config, key, now)
            directions = await read_picture(uow, group, config, period, now)
            await uow.commit()
        return self._words.digest(
            facts.audience(), facts.digest, facts.leaders_of, rollup, directions
        )

    async def claim_digest(self, chat_id: int, key: PeriodKey, now: datetime) -> bool:
        """Claim the digest of ``key`` for sending now (the operator's ``--send``); False if
        it was already claimed, by the schedule or an earlier ``--send``."""
        config = self._config.group(chat_id)
        async with self._db.unit_of_work() as uow:
            group = await uow.groups.by_chat_id(chat_id)
            if config is None or group is None:
                return False
            period = await ensure_period(uow, group, config, key)
            facts = await read_facts(uow, group, config, period, now, cumulative=True)
            rollup = await read_rollup(uow, self._config, config, key, now)
            directions = await read_picture(uow, group, config, period, now)
            text = self._words.digest(
                facts.audience(), facts.digest, facts.leaders_of, rollup, directions
            )
            claimed = await uow.ledger.claim(
                SentMessage(
                    period_id=period.id,
                    kind=EventKind.DIGEST,
                    slot="",
                    state=DeliveryState.PENDING,
                    chat_id=group.chat_id,
                    thread_id=config.digest_topic,
                    text=text,
                    created_at=now,
                )
            )
            if claimed and (chart := self._chart_entry(facts, now)) is not None:
                await uow.ledger.claim(chart)
            await uow.commit()
            return claimed

    def _chart_entry(self, facts: PeriodFacts, now: datetime) -> SentMessage | None:
        """The chart that follows the digest of ``facts``'s period, unless the group turned it
        off. Only its caption is claimed: the picture is drawn when it is sent (see ``deliver``),
        so that a Monday tick for many groups neither takes minutes nor holds the database."""
        config = facts.config
        if not config.digest_chart:
            return None
        key = facts.digest.period
        weeks = len(recent_weeks(facts.group, config, key, CHART_WEEKS))
        return SentMessage(
            period_id=facts.period.id,
            kind=DIGEST_CHART,
            slot="",
            state=DeliveryState.PENDING,
            chat_id=facts.group.chat_id,
            thread_id=config.digest_topic,
            created_at=now,
            text=self._words.chart_caption(config.name, config.language, weeks, key),
        )


async def draw_chart(
    uow: UnitOfWork,
    group: Group,
    config: GroupConfig,
    last: PeriodKey,
    now: datetime,
    words: WeekWords,
) -> ChartReady:
    """The chart of the weeks up to ``last``, drawn in the worker process (see
    ``bot.exports.painter``)."""
    keys = recent_weeks(group, config, last, CHART_WEEKS)
    history = await read_history(uow, group, config, keys, now)
    png = await draw_chart_png(history)
    return ChartReady(png, words.chart_caption(config.name, config.language, len(keys), last))


def period_argument(argument: str, current: PeriodKey) -> PeriodKey | None:
    """ "" = the current period; "last" (or "trước") = the one before; "2026-W47", or the
    week as people say it: "47", "tuần 47"."""
    word = fold_for_matching(argument)
    if not word:
        return current
    if word in {"last", "previous", "truoc", "trước", "tuan truoc", "tuần trước"}:
        return current.previous()
    return named_week(word, current)


def _may_skip(group: Group, config: GroupConfig, key: PeriodKey, now: datetime) -> bool:
    """/skip offers this week; a button kept from last week may still be pressed. Any other
    week in a button's data is from a forged press."""
    current = PeriodKey.at(now, config.timezone)
    return key in (current, current.previous()) and key >= first_week(group, config)


def _period_asked(acting: Acting, argument: str) -> PeriodKey:
    """The period a /summary, /chart argument names: a week the group has lived through."""
    group, config = acting.place.group, acting.place.config
    current = PeriodKey.at(acting.now, config.timezone)
    key = period_argument(argument, current)
    if key is None:
        raise Refuse(BadPeriod(config.language, argument))
    if not first_week(group, config) <= key <= current:
        raise Refuse(NoSuchPeriod(config.language, key, first_week(group, config), current))
    return key
