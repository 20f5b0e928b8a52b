"""Bring groups, organizations and configured members in the database in line with the config.

Runs at every start-up. Organizations dropped from the config are deactivated, not deleted,
so their history stays; members who joined through the bot are left alone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from storage.database import Database
from storage.models import Group, Membership, MembershipSource, Organization, Person, Role
from storage.uow import UnitOfWork

MovedTo = Callable[[int], Awaitable[int | None]]


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
        for group_config in config.groups:
            await _sync_group(uow, group_config, now)
        await uow.commit()


async def _unnamed_groups(uow: UnitOfWork, config: AppConfig) -> list[int]:
    """Chat ids of stored groups the config does not name, if it names chats the database
    does not know (otherwise there is nothing to reconcile and Telegram is not asked)."""
    known = {group.chat_id for group in await uow.groups.all()}
    if all(config.chat_of(g) in known for g in config.groups):
        return []
    named = {config.chat_of(g) for g in config.groups}
    return sorted(chat_id for chat_id in known if chat_id not in named)


async def _sync_group(uow: UnitOfWork, config: GroupConfig, now: datetime) -> None:
    group = await uow.groups.by_chat_id(config.chat_id)
    if group is None:
        group = await uow.groups.add(
            Group(
                chat_id=config.chat_id,
                name=config.name,
                timezone=config.timezone_name,
                language=config.language,
                created_at=now,
            )
        )
    group.name, group.timezone, group.language = (
        config.name,
        config.timezone_name,
        config.language,
    )

    organizations = {o.code: o for o in await uow.groups.organizations(group.id, active_only=False)}
    for org_config in config.organizations:
        organization = organizations.get(org_config.code)
        if organization is None:
            organization = await uow.groups.add_organization(
                Organization(group_id=group.id, code=org_config.code, name=org_config.name)
            )
            organizations[org_config.code] = organization
        organization.name, organization.active = org_config.name, True
    configured_codes = {o.code for o in config.organizations}
    for code, organization in organizations.items():
        if code not in configured_codes:
            organization.active = False

    wanted: set[tuple[int, Role, int | None]] = {
        (user_id, Role.SECRETARIAT, None) for user_id in config.secretariat
    }
    for org_config in config.organizations:
        org_id = organizations[org_config.code].id
        wanted |= {(user_id, Role.LEADER, org_id) for user_id in org_config.leaders}

    people: dict[int, Person] = {}
    for user_id in sorted({w[0] for w in wanted}):
        person = await uow.people.by_user_id(user_id)
        people[user_id] = person or await uow.people.add(Person(user_id=user_id, full_name=""))
    by_person_id = {p.id: p.user_id for p in people.values()}

    present: set[tuple[int, Role, int | None]] = set()
    for membership in await uow.groups.memberships(group.id):
        member = by_person_id.get(membership.person_id)
        key = (member, membership.role, membership.organization_id) if member else None
        if membership.source is MembershipSource.CONFIG and key not in wanted:
            await uow.groups.remove_membership(membership)
        elif key is not None:
            present.add(key)
    missing = sorted(wanted - present, key=lambda w: (w[0], w[1], w[2] or 0))
    for user_id, role, organization_id in missing:
        await uow.groups.add_membership(
            Membership(
                group_id=group.id,
                person_id=people[user_id].id,
                role=role,
                organization_id=organization_id,
                source=MembershipSource.CONFIG,
                created_at=now,
            )
        )
