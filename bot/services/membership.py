"""Who may report: joining by request, the secretariat's approval, the roster, removal.

Leaders and secretariat listed in the config are members from the start (synced at
start-up); anyone else asks with /join and a secretariat member decides. Like reporting,
every call is one unit of work that marks its update handled, so a redelivery changes
nothing.
"""

from __future__ import annotations

from datetime import datetime

from bot.config import AppConfig
from bot.core.language import DEFAULT_LANGUAGE
from bot.core.policy import Action
from bot.services.acting import Acting, UseCases, refusal_in
from bot.services.outcomes import (
    ButtonRefused,
    ChooseJoin,
    ChooseRemoval,
    Delivery,
    Duplicate,
    JoinAlreadyDecided,
    JoinAnswer,
    JoinDecided,
    JoinNothingLeft,
    JoinNotice,
    JoinPending,
    JoinRequested,
    MemberRemoved,
    NothingToRemove,
    Outcome,
    RemovedNotice,
    Roster,
    RosterGroup,
    RosterPerson,
    StaleButton,
    Who,
)
from bot.services.people import (
    Chat,
    Sender,
    button_key,
    display_name,
    known_person,
    message_key,
    reachable_privately,
    secretariat_of,
)
from storage.database import Database
from storage.models import (
    Group,
    JoinRequest,
    JoinState,
    Membership,
    MembershipSource,
    Person,
    Role,
)
from storage.uow import UnitOfWork


def _who(person: Person) -> Who:
    return Who(person.user_id, display_name(person))


class MembershipService:
    def __init__(self, db: Database, config: AppConfig) -> None:
        self._db = db
        self._config = config
        self._acting = UseCases(db, config)

    # --- asking to join ----------------------------------------------------------------

    async def ask_to_join(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome:
        """/join: the organizations the person could report for, as buttons."""

        async def work(acting: Acting) -> Outcome:
            uow, groups, lang = acting.uow, [p.group for p in acting.places], acting.language
            led = {org.id for org, _ in await uow.groups.leaderships(acting.person.id)}
            options: list[tuple[int, str]] = []
            pending: JoinRequest | None = None
            for group in groups:
                pending = pending or await uow.joins.pending_for(group.id, acting.person.id)
                for org in await uow.groups.organizations(group.id):
                    if org.id not in led:
                        one = not chat.private or len(groups) == 1
                        options.append((org.id, org.name if one else f"{org.name} — {group.name}"))
            if pending is not None and len(groups) == 1:
                asked_for = await uow.groups.organization(pending.organization_id)
                return JoinPending(lang, asked_for.name if asked_for else "")
            if not options:
                return JoinNothingLeft(lang)
            return ChooseJoin(Who(sender.user_id, sender.full_name), lang, tuple(options))

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id)
        )

    async def request(
        self, chat: Chat, query_id: str, sender: Sender, organization_id: int, now: datetime
    ) -> Outcome:
        """The person picked an organization: keep the request and tell the secretariat."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(button_key(query_id), now):
                return Duplicate()
            organization = await uow.groups.organization(organization_id)
            group = (
                await uow.groups.by_id(organization.group_id) if organization is not None else None
            )
            if organization is None or group is None or not organization.active:
                await uow.commit()
                return StaleButton(DEFAULT_LANGUAGE)
            lang = self._language(group)
            person = await known_person(uow, sender, chat, now)
            led = {org.id for org, _ in await uow.groups.leaderships(person.id, group.id)}
            if organization.id in led:
                await uow.commit()
                return JoinNothingLeft(lang)
            pending = await uow.joins.pending_for(group.id, person.id)
            if pending is not None:
                asked_for = await uow.groups.organization(pending.organization_id)
                await uow.commit()
                return JoinPending(lang, asked_for.name if asked_for else "")
            request = await uow.joins.add(
                JoinRequest(
                    group_id=group.id,
                    person_id=person.id,
                    organization_id=organization.id,
                    state=JoinState.PENDING,
                    chat_id=chat.id,
                    requested_at=now,
                )
            )
            notice = JoinNotice(lang, request.id, _who(person), organization.name, group.name)
            deliveries = await self._to_secretariat(uow, group, notice)
            await uow.commit()
            return JoinRequested(lang, organization.name, deliveries)

    async def decide(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        request_id: int,
        approve: bool,
        now: datetime,
    ) -> Outcome:
        """A secretariat member pressed Approve or Reject."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(button_key(query_id), now):
                return Duplicate()
            request = await uow.joins.get(request_id)
            group = await uow.groups.by_id(request.group_id) if request is not None else None
            if request is None or group is None:
                await uow.commit()
                return StaleButton(DEFAULT_LANGUAGE)
            lang = self._language(group)
            decider = await known_person(uow, sender, chat, now)
            if await refusal_in(uow, decider, group, Action.DECIDE_JOIN) is not None:
                await uow.commit()
                return ButtonRefused(lang, "join.secretariat_decides")
            if request.state is not JoinState.PENDING:
                earlier = await uow.session.get(Person, request.decided_by)
                await uow.commit()
                return JoinAlreadyDecided(
                    lang,
                    request.state is JoinState.APPROVED,
                    display_name(earlier) if earlier else "",
                )
            person = await uow.session.get(Person, request.person_id)
            organization = await uow.groups.organization(request.organization_id)
            assert person is not None
            assert organization is not None
            request.state = JoinState.APPROVED if approve else JoinState.REJECTED
            request.decided_by, request.decided_at = decider.id, now
            if approve and organization.active:
                await uow.groups.add_membership(
                    Membership(
                        group_id=group.id,
                        person_id=person.id,
                        role=Role.LEADER,
                        organization_id=organization.id,
                        source=MembershipSource.JOINED,
                        created_at=now,
                    )
                )
            deliveries: tuple[Delivery, ...] = ()
            started = bool(await reachable_privately(uow, [person]))
            target = person.user_id if started else request.chat_id
            if target != chat.id:
                answer = JoinAnswer(lang, approve, _who(person), organization.name)
                fallback = None if request.chat_id in (chat.id, target) else request.chat_id
                deliveries = (Delivery(target, started, answer, fallback),)
            await uow.commit()
            return JoinDecided(
                lang, approve, _who(person), organization.name, display_name(decider), deliveries
            )

    # --- the secretariat's tools ---------------------------------------------------------------

    async def roster(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/roster: each organization with its leaders, and who cannot be messaged yet."""

        async def work(acting: Acting) -> Outcome:
            groups = [await self._roster_of(acting.uow, p.group) for p in acting.places]
            return Roster(acting.language, tuple(groups))

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.ROSTER
        )

    async def ask_removal(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome:
        """/remove: the members who joined by request, as buttons."""

        async def work(acting: Acting) -> Outcome:
            uow = acting.uow
            options: list[tuple[int, str]] = []
            for group in [p.group for p in acting.places]:
                organizations = {o.id: o for o in await uow.groups.organizations(group.id)}
                joined = [
                    m
                    for m in await uow.groups.memberships(group.id)
                    if m.source is MembershipSource.JOINED and m.organization_id in organizations
                ]
                people = {p.id: p for p in await uow.people.by_ids([m.person_id for m in joined])}
                for m in joined:
                    assert m.organization_id is not None
                    label = f"{display_name(people[m.person_id])} — "
                    label += organizations[m.organization_id].name
                    options.append((m.id, label))
            if not options:
                return NothingToRemove(acting.language)
            who = Who(sender.user_id, sender.full_name)
            return ChooseRemoval(who, acting.language, tuple(options))

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.REMOVE
        )

    async def remove(
        self, chat: Chat, query_id: str, sender: Sender, membership_id: int, now: datetime
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(button_key(query_id), now):
                return Duplicate()
            membership = await uow.groups.membership(membership_id)
            group = await uow.groups.by_id(membership.group_id) if membership else None
            if membership is None or group is None or membership.organization_id is None:
                await uow.commit()
                return StaleButton(self._language_of_chat(chat))
            lang = self._language(group)
            remover = await known_person(uow, sender, chat, now)
            if await refusal_in(uow, remover, group, Action.REMOVE) is not None:
                await uow.commit()
                return ButtonRefused(lang, "join.secretariat_decides")
            if membership.source is not MembershipSource.JOINED:
                await uow.commit()
                return ButtonRefused(lang, "roster.config_member")
            person = await uow.session.get(Person, membership.person_id)
            organization = await uow.groups.organization(membership.organization_id)
            assert person is not None
            assert organization is not None
            await uow.conversations.remove_for(person.id, organization.id)
            await uow.groups.remove_membership(membership)
            deliveries: tuple[Delivery, ...] = ()
            if await reachable_privately(uow, [person]) and person.user_id != chat.id:
                notice = RemovedNotice(lang, organization.name)
                deliveries = (Delivery(person.user_id, True, notice),)
            await uow.commit()
            return MemberRemoved(lang, display_name(person), organization.name, deliveries)

    # --- internals -----------------------------------------------------------------------------

    def _language(self, group: Group) -> str:
        config = self._config.group(group.chat_id)
        return config.language if config else DEFAULT_LANGUAGE

    def _language_of_chat(self, chat: Chat) -> str:
        config = self._config.group(chat.id)
        return config.language if config else DEFAULT_LANGUAGE

    async def _to_secretariat(
        self, uow: UnitOfWork, group: Group, outcome: Outcome
    ) -> tuple[Delivery, ...]:
        """Private messages to the secretariat members the bot may write to; the group
        when none can be reached, so that someone can always press Approve."""
        reachable = await reachable_privately(uow, await secretariat_of(uow, group))
        if not reachable:
            return (Delivery(group.chat_id, False, outcome),)
        return tuple(Delivery(p.user_id, True, outcome, group.chat_id) for p in reachable)

    async def _roster_of(self, uow: UnitOfWork, group: Group) -> RosterGroup:
        memberships = await uow.groups.memberships(group.id)
        people = {p.id: p for p in await uow.people.by_ids([m.person_id for m in memberships])}
        blocked = await uow.chats.unreachable_ids([p.user_id for p in people.values()])

        def entry(m: Membership) -> RosterPerson:
            p = people[m.person_id]
            return RosterPerson(
                display_name(p),
                p.user_id,
                p.private_chat_started_at is not None,
                m.source is MembershipSource.JOINED,
                p.user_id in blocked and p.private_chat_started_at is not None,
            )

        secretariat = tuple(entry(m) for m in memberships if m.role is Role.SECRETARIAT)
        organizations: list[tuple[str, tuple[RosterPerson, ...]]] = []
        names: dict[int, str] = {}
        for org in await uow.groups.organizations(group.id):
            names[org.id] = org.name
            leaders = tuple(entry(m) for m in memberships if m.organization_id == org.id)
            organizations.append((org.name, leaders))
        pending: list[tuple[str, str]] = []
        for request in await uow.joins.pending_in(group.id):
            asker = await uow.session.get(Person, request.person_id)
            pending.append(
                (display_name(asker) if asker else "?", names.get(request.organization_id, "?"))
            )
        return RosterGroup(group.name, secretariat, tuple(organizations), tuple(pending))
