"""Bring groups, organizations and configured members in the database in line with the config.

Runs at every start-up. Organizations dropped from the config are deactivated, not deleted,
so their history stays; members who joined through the bot are left alone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from storage.database import Database
from storage.models import Group, MembershipSource, Role
from storage.roster import NewMembership, NewOrganization, OrganizationRow
from storage.uow import UnitOfWork

MovedTo = Callable[[int], Awaitable[int | None]]
Key = tuple[int, Role, int | None]  # a configured membership: user id, role, organization
BATCH = 100  # groups whose members are read and written together


async def sync_roster(
    db: Database, config: AppConfig, *, now: datetime, moved_to: MovedTo | None = None
) -> None:
    """``moved_to`` asks Telegram whether a chat was moved, and where to: used for groups the
    config no longer names, when it names a chat the database does not know (someone wrote
    the new id of an upgraded group into the config before the bot heard of the move)."""
    async with db.unit_of_work() as uow:
        # Groups Telegram moved to a new chat id: the config may name either id.
        for move in await uow.chats.moves():
            config.moves.record(move.from_chat_id, move.to_chat_id)
        orphans = await _unnamed_groups(uow, config)
    if moved_to is not None and orphans:
        found = {old: new for old in orphans if (new := await moved_to(old)) is not None}
        async with db.unit_of_work() as uow:
            for old, new in found.items():
                group = await uow.groups.by_chat_id(old)
                if group is None or config.group(new) is None or config.group(old) is not None:
                    continue  # not the move of a group the config now names by its new id
                await uow.chats.record_move(old, new, now)
                await uow.chats.readdress(old, new)
                group.chat_id = new
                config.moves.record(old, new)
            await uow.commit()
    async with db.unit_of_work() as uow:
        group_ids = await _sync_groups(uow, config.groups, now)
        for start in range(0, len(group_ids), BATCH):
            batch = slice(start, start + BATCH)
            await _sync_members(uow, group_ids[batch], config.groups[batch], now)
        await uow.commit()


async def _unnamed_groups(uow: UnitOfWork, config: AppConfig) -> list[int]:
    """Chat ids of stored groups the config does not name, if it names chats the database
    does not know (otherwise there is nothing to reconcile and Telegram is not asked)."""
    known = {group.chat_id for group in await uow.groups.all()}
    if all(config.chat_of(g) in known for g in config.groups):
        return []
    named = {config.chat_of(g) for g in config.groups}
    return sorted(chat_id for chat_id in known if chat_id not in named)


async def _sync_groups(
    uow: UnitOfWork, configs: tuple[GroupConfig, ...], now: datetime
) -> list[int]:
    """The configured groups' rows, added or brought up to date; their ids in config order.
    A group is found by its chat id, or by one Telegram moved it from."""
    moved = {move.from_chat_id: move.to_chat_id for move in await uow.chats.moves()}
    by_chat = {group.chat_id: group for group in await uow.groups.all()}
    groups: list[Group] = []
    for config in configs:
        group = by_chat.get(config.chat_id) or by_chat.get(moved.get(config.chat_id, 0))
        if group is None:
            group = Group(chat_id=config.chat_id, created_at=now)
            uow.session.add(group)
            by_chat[config.chat_id] = group
        group.name, group.timezone, group.language = (
            config.name,
            config.timezone_name,
            config.language,
        )
        groups.append(group)
    await uow.session.flush()
    return [group.id for group in groups]


async def _sync_members(
    uow: UnitOfWork, group_ids: Sequence[int], configs: Sequence[GroupConfig], now: datetime
) -> None:
    """Organizations and configured members of some groups: read in three queries, written
    in a statement per kind of change."""
    stored: dict[int, dict[str, OrganizationRow]] = {group_id: {} for group_id in group_ids}
    for row in await uow.roster.organizations(group_ids):
        stored[row.group_id][row.code] = row
    new: list[NewOrganization] = []
    for group_id, config in zip(group_ids, configs, strict=True):
        names = {o.code: o.name for o in config.organizations}
        for code, name in names.items():
            known = stored[group_id].get(code)
            if known is None:
                new.append(NewOrganization(group_id, code, name))
            elif (known.name, known.active) != (name, True):
                await uow.roster.update_organization(known.id, name=name, active=True)
        for row in stored[group_id].values():
            if row.code not in names and row.active:
                await uow.roster.update_organization(row.id, active=False)
    for o, org_id in zip(new, await uow.roster.add_organizations(new), strict=True):
        stored[o.group_id][o.code] = OrganizationRow(org_id, o.group_id, o.code, o.name, True)

    wanted: list[set[Key]] = []
    for group_id, config in zip(group_ids, configs, strict=True):
        want: set[Key] = {(user_id, Role.SECRETARIAT, None) for user_id in config.secretariat}
        for org_config in config.organizations:
            org_id = stored[group_id][org_config.code].id
            want |= {(user_id, Role.LEADER, org_id) for user_id in org_config.leaders}
        wanted.append(want)

    named = list(dict.fromkeys(u for want in wanted for u in sorted({w[0] for w in want})))
    person_of = await uow.roster.person_ids(named)
    person_of |= await uow.roster.add_people([u for u in named if u not in person_of])
    user_of = {person_id: user_id for user_id, person_id in person_of.items()}

    wanted_in = dict(zip(group_ids, wanted, strict=True))
    present: dict[int, set[Key]] = {group_id: set() for group_id in group_ids}
    gone: list[int] = []
    for m in await uow.roster.memberships(group_ids):
        want = wanted_in[m.group_id]
        member = user_of.get(m.person_id)
        key = (member, m.role, m.organization_id) if member else None
        if m.source is MembershipSource.CONFIG and key not in want:
            gone.append(m.id)
        elif key is not None:
            present[m.group_id].add(key)
    await uow.roster.remove_memberships(gone)
    await uow.roster.add_memberships(
        (
            NewMembership(group_id, person_of[user_id], role, organization_id)
            for group_id, want in zip(group_ids, wanted, strict=True)
            for user_id, role, organization_id in sorted(
                want - present[group_id], key=lambda w: (w[0], w[1], w[2] or 0)
            )
        ),
        source=MembershipSource.CONFIG,
        now=now,
    )
