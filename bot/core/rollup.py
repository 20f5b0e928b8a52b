"""A parent group's picture of its children for one period (a province of its communes):
how many have every organization reported, some, none; which have organizations overdue;
each figure added up across children by question key, with how many children gave it; and
the children's proposals. Pure: the children's digests in, the roll-up out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.core.digest import Digest
from bot.core.periods import PeriodKey
from bot.core.questionnaire import Question


@dataclass(frozen=True)
class Child:
    name: str
    digest: Digest


@dataclass(frozen=True)
class RolledFigure:
    question: Question  # as the first child that gave it asks it
    total: Decimal
    children: int  # children whose organizations gave the figure
    cumulative: Decimal | None = None  # lũy kế, where the children's digests count it


@dataclass(frozen=True)
class RolledProposal:
    child: str
    organization: str
    text: str


@dataclass(frozen=True)
class ChildRow:
    """One child in the tables (the Word report's, the spreadsheet's)."""

    name: str
    submitted: int
    expected: int
    overdue: int
    figures: dict[str, Decimal]  # by question key: its organizations' figures added up


@dataclass(frozen=True)
class RollUp:
    period: PeriodKey
    children: int
    all_in: tuple[str, ...]  # every organization that owes a report has submitted
    some: tuple[str, ...]
    none: tuple[str, ...]
    overdue: tuple[tuple[str, tuple[str, ...]], ...]  # child, its organizations overdue
    figures: tuple[RolledFigure, ...]
    proposals: tuple[RolledProposal, ...]
    rows: tuple[ChildRow, ...] = ()  # every child, in the configuration's order


def roll_up(period: PeriodKey, children: Sequence[Child]) -> RollUp:
    all_in, some, none = [], [], []
    for child in children:
        digest = child.digest
        if digest.expected and digest.submitted == digest.expected:
            all_in.append(child.name)
        elif digest.submitted:
            some.append(child.name)
        else:
            none.append(child.name)
    overdue = tuple(
        (child.name, tuple(line.name for line in child.digest.overdue))
        for child in children
        if child.digest.overdue
    )
    figures: dict[str, RolledFigure] = {}
    for child in children:
        for total in child.digest.totals:
            if not total.reporting:
                continue
            key = total.question.key
            before = figures.get(key)
            cumulative = None
            if total.cumulative is not None:
                earlier = before.cumulative if before and before.cumulative else Decimal(0)
                cumulative = earlier + total.cumulative
            figures[key] = RolledFigure(
                before.question if before else total.question,
                (before.total if before else Decimal(0)) + total.total,
                (before.children if before else 0) + 1,
                cumulative,
            )
    proposals = tuple(
        RolledProposal(child.name, p.organization, p.text)
        for child in children
        for p in child.digest.proposals
    )
    rows = tuple(
        ChildRow(
            child.name,
            child.digest.submitted,
            child.digest.expected,
            len(child.digest.overdue),
            {t.question.key: t.total for t in child.digest.totals if t.reporting},
        )
        for child in children
    )
    return RollUp(
        period,
        len(children),
        tuple(all_in),
        tuple(some),
        tuple(none),
        overdue,
        tuple(figures.values()),
        proposals,
        rows,
    )
