"""Response plans (phương án ứng phó): situations (tình huống) by severity, each with its
numbered tasks, and who carries each task. Read from the table the secretariat already has —
STT, Nội dung / biện pháp, Cơ quan / đơn vị thực hiện, Phòng / ban phụ trách, Cán bộ chỉ đạo,
Ghi chú — with the situation given by header rows ("I | Tình huống 1: …") or a column, and
sub-blocks (A, B) by header rows; a block may be "as in situation 1". Pure: rows of text in,
a plan or every problem (by row and column) out; nothing is half read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.core.text import fold_for_matching

MAX_ROWS = 600  # a plan of three situations has some fifty rows
MAX_CELL = 3000  # characters in one cell


# --- who carries tasks: organizations and their departments ---------------------------------------


@dataclass(frozen=True)
class Unit:
    """An organization of the group, or a department (phòng, ban) of one (``parent``)."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # the organization's code, for a department
    front: bool = False  # the Front's own committee ("Ủy ban MTTQ …")

    @property
    def key(self) -> str:
        """Unique in a group: an organization's code, or "org/department"."""
        return f"{self.parent}/{self.code}" if self.parent else self.code


# Phrases that name several units at once.
_MEMBERS = ("các tổ chức thành viên", "các đoàn thể", "các tổ chức chính trị - xã hội",
            "các tổ chức chính trị xã hội", "tổ chức thành viên")  # fmt: skip
_ALL_BANS = ("các ban chuyên môn", "các ban")
_FRONT = ("ủy ban mttq", "uỷ ban mttq", "ủy ban mặt trận", "mttq", "mặt trận tổ quốc")
# Words that qualify the unit before them ("…, cấp xã"): not units of their own.
_QUALIFIERS = frozenset({"cấp xã", "cấp huyện", "cấp tỉnh", "các cấp", "cơ sở", "cấp cơ sở"})
_SPLIT = re.compile(r"\s*(?:[,;\n]|\bvà\b)\s*")


def normal(text: str) -> str:
    """A name as matched: folded, dashes as one, no text in parentheses, single spaces."""
    text = re.sub(r"\([^)]*\)", " ", text)
    text = "".join("-" if unicodedata.category(c) == "Pd" else c for c in text)
    text = re.sub(r"\s*-\s*", " - ", fold_for_matching(text))
    return " ".join(text.replace("uỷ", "ủy").split()).strip(" .:")


@dataclass(frozen=True)
class Units:
    """The units of a group that a plan's names are matched to."""

    units: tuple[Unit, ...]

    def organizations(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.parent is None)

    def departments(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.parent is not None)

    def known(self, departments: bool) -> str:
        """The names to say when a name is not known."""
        found = self.departments() if departments else self.organizations()
        return "; ".join(u.name for u in found) or "—"

    def match(
        self, text: str, *, departments: bool, of: Sequence[Unit] = ()
    ) -> tuple[tuple[Unit, ...], tuple[str, ...]]:
        """The units ``text`` names, and its phrases that name none (or, for a department,
        none of the organizations ``of`` the row: a Văn phòng is some organization's)."""
        found: list[Unit] = []
        unknown: list[str] = []
        text = re.sub(r"\([^)]*\)", " ", text)  # a remark, not a unit
        whole = self._named(normal(text), self._pool(departments, of), departments)
        # A name with "và" in it ("Ban Dân tộc và Tôn giáo") is one unit, not two.
        phrases = [text] if whole else [p for p in _SPLIT.split(text) if p.strip()]
        for phrase in phrases:
            named = self._phrase(normal(phrase), departments, of)
            if named is None:
                unknown.append(phrase.strip())
            found += [u for u in named or () if u not in found]
        return tuple(found), tuple(unknown)

    def _pool(self, departments: bool, of: Sequence[Unit]) -> tuple[Unit, ...]:
        if not departments:
            return self.organizations()
        parents = {o.code for o in of}
        return tuple(u for u in self.departments() if not parents or u.parent in parents)

    @staticmethod
    def _named(phrase: str, pool: Sequence[Unit], departments: bool) -> tuple[Unit, ...]:
        """The unit named exactly (by code, name or alias; a department with or without
        "Ban")."""
        for unit in pool:
            names = {normal(n) for n in (unit.code, unit.name, *unit.aliases)}
            if departments:
                names |= {n.removeprefix("ban ") for n in names}
                if phrase in names or phrase.removeprefix("ban ") in names:
                    return (unit,)
            elif phrase in names:
                return (unit,)
        return ()

    def _phrase(
        self, phrase: str, departments: bool, of: Sequence[Unit] = ()
    ) -> tuple[Unit, ...] | None:
        if not phrase or phrase in _QUALIFIERS:
            return ()
        pool = self._pool(departments, of)
        if named := self._named(phrase, pool, departments):
            return named
        if departments:
            if any(phrase.startswith(p) for p in _ALL_BANS):
                return tuple(u for u in pool if normal(u.name).startswith("ban "))
            return None
        if any(phrase.startswith(p) for p in _MEMBERS):
            return tuple(u for u in pool if not u.front)
        if any(phrase.startswith(p) for p in _FRONT):
            return tuple(u for u in pool if u.front) or None
        return None


def carriers(organizations: Sequence[Unit], departments: Sequence[Unit]) -> tuple[Unit, ...]:
    """Who carries a task: its departments, and its organizations other than those whose
    departments carry it (the Front's work is done by its Văn phòng and its ban)."""
    parents = {d.parent for d in departments}
    return (*departments, *(o for o in organizations if o.code not in parents))


# --- the plan -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A situation, or a block (A, B) within one; ``same_as``: "as in situation n"."""

    level: int
    block: str = ""
    title: str = ""
    same_as: int | None = None


@dataclass(frozen=True)
class Task:
    level: int
    block: str
    number: str
    content: str
    units: str  # as written: who carries it
    departments: str
    director: str
    note: str
    carriers: tuple[str, ...]  # unit keys
    row: int = 0  # in the file

    @property
    def label(self) -> str:
        """ "2.B.3": situation, block, number."""
        return ".".join(p for p in (str(self.level), self.block, self.number) if p)

    @property
    def identity(self) -> tuple[int, str, str, str]:
        """What keeps a task's history across imports: its place and its content."""
        return (self.level, self.block, self.number, " ".join(self.content.split()))


@dataclass(frozen=True)
class Plan:
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(sorted({s.level for s in self.sections if not s.block}))

    def title(self, level: int) -> str:
        return next((s.title for s in self.sections if s.level == level and not s.block), "")

    def in_force(self, level: int) -> tuple[Task, ...]:
        """The tasks at ``level``: its own, and a block's "as in situation n" brings n's."""
        found = [t for t in self.tasks if t.level == level]
        brought = {s.same_as for s in self.sections if s.level == level and s.same_as is not None}
        for other in sorted(brought - {level}):
            found += [t for t in self.tasks if t.level == other]
        return tuple(found)


@dataclass(frozen=True)
class Problem:
    row: int  # 1-based, as a spreadsheet numbers rows
    column: str  # the column's heading as written ("" for the whole row)
    key: str  # catalogue key
    params: Mapping[str, object] = field(default_factory=dict)


# --- reading the table ----------------------------------------------------------------------------

_HEADINGS = {
    "stt": ("stt", "số thứ tự", "tt"),
    "level": ("tình huống", "cấp độ"),
    "content": ("nội dung",),
    "units": ("cơ quan", "đơn vị"),
    "departments": ("phòng", "ban phụ trách", "phân công phòng"),
    "director": ("cán bộ chỉ đạo", "phân công cán bộ", "lãnh đạo chỉ đạo", "chỉ đạo"),
    "note": ("ghi chú",),
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_LEVEL = re.compile(r"^(?:tình huống|cấp độ)\s*(\d{1,2})\b\s*[:.\-–]?\s*(.*)$", re.S)
_SAME = re.compile(r"như (?:ở )?(?:tình huống|cấp độ)\s*(\d{1,2})")
_NUMBER = re.compile(r"^\d{1,3}[.)]?$")
_BLOCK = re.compile(r"^[a-h][.)]?$")


def _columns(row: Sequence[str]) -> dict[str, int] | None:
    """The columns of the heading row, by meaning; None if ``row`` is not the heading."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = normal(cell)
        for name, starts in _HEADINGS.items():
            if name not in found and any(text.startswith(s) for s in starts):
                found[name] = index
                break
    return found if {"stt", "content", "units"} <= found.keys() else None


def read_plan(rows: Sequence[Sequence[str]], units: Units) -> Plan | tuple[Problem, ...]:
    """The plan in ``rows`` (a table's cells as text), or every problem found in it."""
    problems: list[Problem] = []
    if len(rows) > MAX_ROWS:
        return (Problem(MAX_ROWS + 1, "", "plan.too_many_rows", {"limit": MAX_ROWS}),)
    at = next(((i, c) for i, row in enumerate(rows) if (c := _columns(row)) is not None), None)
    if at is None:
        return (Problem(1, "", "plan.no_heading"),)
    start, columns = at
    headings = rows[start]

    def cell(row: Sequence[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    def heading(name: str) -> str:
        return headings[columns[name]].strip() if name in columns else ""

    sections: list[Section] = []
    tasks: list[Task] = []
    level, block = 0, ""
    seen: set[tuple[int, str, str]] = set()
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        for index, value in enumerate(row):
            if len(value) > MAX_CELL:
                title = headings[index] if index < len(headings) else ""
                problems.append(Problem(offset, title, "plan.cell_too_long", {"limit": MAX_CELL}))
        stt, content = cell(row, "stt"), cell(row, "content")
        folded_stt, folded = normal(stt).rstrip("."), normal(content)
        if "level" in columns and cell(row, "level"):
            given = cell(row, "level")
            if not re.fullmatch(r"[1-9]", given):
                problems.append(Problem(offset, heading("level"), "plan.bad_level"))
                continue
            level = int(given)
            if not any(s.level == level and not s.block for s in sections):
                sections.append(Section(level))
        if (match := _LEVEL.match(folded)) and (folded_stt in _ROMAN or not stt):
            level, block = int(match[1]), ""
            title = content.split(":", 1)[1].strip() if ":" in content else ""
            sections.append(Section(level, "", title))
            continue
        if _BLOCK.match(folded_stt) and folded_stt not in _ROMAN:
            block = folded_stt[0].upper()
            sections.append(Section(level, block, content))
            continue
        if folded_stt in _ROMAN and not _NUMBER.match(folded_stt):
            problems.append(Problem(offset, heading("content"), "plan.bad_situation_row"))
            continue
        if not stt and (same := _SAME.search(folded)):
            if level == 0:
                problems.append(Problem(offset, heading("content"), "plan.no_situation"))
                continue
            sections.append(Section(level, block, content, same_as=int(same[1])))
            continue
        if not _NUMBER.match(folded_stt):
            problems.append(Problem(offset, heading("stt"), "plan.bad_number", {"value": stt}))
            continue
        number = folded_stt.rstrip(".)")
        if level == 0:  # a plan without situations: one, in force from the start
            level = 1
            sections.append(Section(1))
        if (level, block, number) in seen:
            problems.append(Problem(offset, heading("stt"), "plan.number_twice", {"value": number}))
        seen.add((level, block, number))
        if not content:
            problems.append(Problem(offset, heading("content"), "plan.empty_content"))
        found, unknown = units.match(cell(row, "units"), departments=False)
        if not cell(row, "units"):
            problems.append(Problem(offset, heading("units"), "plan.no_units"))
        for phrase in unknown:
            problems.append(
                Problem(offset, heading("units"), "plan.unknown_unit",
                        {"value": phrase, "known": units.known(False)})
            )  # fmt: skip
        in_charge, unknown_departments = units.match(
            cell(row, "departments"), departments=True, of=found
        )
        for phrase in unknown_departments:
            problems.append(
                Problem(offset, heading("departments"), "plan.unknown_department",
                        {"value": phrase, "known": units.known(True)})
            )  # fmt: skip
        who = carriers(found, in_charge)
        if cell(row, "units") and not unknown and not who:
            problems.append(Problem(offset, heading("units"), "plan.no_units"))
        tasks.append(
            Task(
                level, block, number, content, cell(row, "units"), cell(row, "departments"),
                cell(row, "director"), cell(row, "note"), tuple(u.key for u in who), offset,
            )
        )  # fmt: skip
    if not problems and not tasks:
        problems.append(Problem(start + 1, "", "plan.no_tasks"))
    for section in sections:
        if section.same_as is not None and not any(t.level == section.same_as for t in tasks):
            problems.append(Problem(0, "", "plan.same_as_unknown", {"level": section.same_as}))
    if problems:
        return tuple(problems)
    return Plan(tuple(sections), tuple(tasks))


def units_of(
    organizations: Iterable[tuple[str, str, tuple[str, ...], bool]],
    departments: Iterable[tuple[str, str, str, tuple[str, ...]]],
) -> Units:
    """Units from (code, name, aliases, front) and (organization, code, name, aliases)."""
    found = [Unit(code, name, aliases, None, front) for code, name, aliases, front in organizations]
    found += [Unit(code, name, aliases, parent) for parent, code, name, aliases in departments]
    return Units(tuple(found))


# --- where the plan stands ------------------------------------------------------------------------

STATES = ("not_started", "in_progress", "done")  # as bot.core.directions.Result words them
STALE_PERIODS = 2  # a task with no progress for this many periods is flagged


@dataclass(frozen=True)
class CarrierLine:
    unit: str  # the unit's name
    state: str
    note: str | None = None
    stale: bool = False  # not done, and no progress for two periods


@dataclass(frozen=True)
class TaskLine:
    label: str  # "2.B.3"
    content: str
    carriers: tuple[CarrierLine, ...]


@dataclass(frozen=True)
class PlanPicture:
    level: int
    title: str  # the situation's
    since: date
    tasks: tuple[TaskLine, ...]

    @property
    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(STATES, 0)
        for task in self.tasks:
            for carrier in task.carriers:
                found[carrier.state] = found.get(carrier.state, 0) + 1
        return found

    @property
    def stale(self) -> int:
        return sum(1 for t in self.tasks for c in t.carriers if c.stale)


def is_stale(state: str, changed: date, today: date, period_days: int = 7) -> bool:
    """No progress for ``STALE_PERIODS`` periods: not done, unchanged that long."""
    return state != "done" and (today - changed).days >= STALE_PERIODS * period_days
