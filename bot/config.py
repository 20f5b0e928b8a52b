"""Configuration: TOML read with tomllib into frozen, typed objects, validated at start-up.

Every problem is reported as one line naming the key (``groups[0].organizations[2].leaders``)
and what is wrong with it; the caller turns a ConfigError into exit status 2.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.amounts import MAX_AMOUNT
from bot.core.answers import NUMERIC_KINDS, AnswerKind
from bot.core.periods import WEEKDAY_NAMES, PeriodKey, WeeklyTime
from bot.core.questionnaire import Question
from bot.core.schedule import Schedule
from bot.core.text import nfc
from bot.i18n import LANGUAGES, plain

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_STORAGE_URL = "sqlite+aiosqlite:///giaoban.db"
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

_CODE_RE = re.compile(r"^[a-z0-9_]{1,24}$")
# The keys of the questions the bot asks itself after a template's (a direction's: "cd_12",
# a plan task's: "nv_7").
RESERVED_KEY_PREFIXES = ("cd_", "nv_")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(Exception):
    """A configuration problem, already phrased for the operator in one line."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}" if key else problem)
        self.key = key
        self.problem = problem


# --- the typed configuration -------------------------------------------------------------


@dataclass(frozen=True)
class RateLimits:
    messages_per_second: float = 30
    group_messages_per_minute: float = 20
    chat_messages_per_second: float = 1
    max_retries: int = 3


@dataclass(frozen=True)
class TelegramConfig:
    api_base_url: str = DEFAULT_API_BASE_URL
    api_file_url: str | None = None
    token: str | None = field(default=None, repr=False)  # never shown, not even by repr()
    poll_timeout: float = 10
    limits: RateLimits = RateLimits()

    @property
    def file_url(self) -> str:
        if self.api_file_url:
            return self.api_file_url
        # Telegram's own layout: .../bot<token>/method and .../file/bot<token>/path
        base = self.api_base_url
        return base[: -len("bot")] + "file/bot" if base.endswith("/bot") else base + "/file/bot"


SYNCHRONOUS = ("full", "normal")


@dataclass(frozen=True)
class StorageConfig:
    url: str = DEFAULT_STORAGE_URL
    busy_timeout_ms: int = 5000
    # SQLite's PRAGMA synchronous: "full" (a commit is on disk before the bot replies) or
    # "normal" (it survives the bot being killed, not a power cut); docs/decisions/0002.
    synchronous: str = "full"


@dataclass(frozen=True)
class DepartmentConfig:
    """A department (phòng, ban) of an organization: it carries a response plan's tasks and
    reports on them (``/nhiemvu``) through its own leaders; it files no weekly report."""

    code: str
    name: str
    leaders: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()  # other names a plan's table may give it


@dataclass(frozen=True)
class OrganizationConfig:
    code: str
    name: str
    leaders: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()  # other names a plan's table may give it
    front: bool = False  # the Front's own committee: "các tổ chức thành viên" are the others
    departments: tuple[DepartmentConfig, ...] = ()


# As written in the configuration: the character, or "tab" (a TOML "\t" would be trimmed).
CSV_DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


@dataclass(frozen=True)
class DocumentConfig:
    """The report for the Party committee, laid out as the seed documents are."""

    # Top left, one line each: the body above, then the issuing body itself (in bold).
    issuer: tuple[str, ...] = ("ỦY BAN MTTQ VIỆT NAM", "BAN THƯỜNG TRỰC")
    number: str = "Số:       /BC-MTTQ-BTT"
    place: str = ""  # the place in the date line: "Tây Ninh, ngày 30 tháng 11 năm 2026"
    recipients: tuple[str, ...] = ("Như trên;", "Lưu: VP.")
    on_behalf: str = "TM. BAN THƯỜNG TRỰC"
    signer_title: str = ""
    signer_name: str = ""
    # The opening line giving the report's basis: "Thực hiện Kế hoạch số 15/KH-MTTQ-BTT …".
    basis: str = ""
    # Between the columns of the CSV file: "," or ";" (Excel with Vietnamese regional
    # settings, where the comma is the decimal separator, expects ";").
    csv_delimiter: str = ","


# A question of the configured template is the core's Question.
QuestionConfig = Question


@dataclass(frozen=True)
class Template:
    """Questions defined once (``[[templates]]``) for the groups that name it: 96 commune
    groups ask the same questions without repeating them, and the keys of its figures are
    what a parent group adds up."""

    name: str
    questions: tuple[QuestionConfig, ...]


@dataclass(frozen=True)
class GroupConfig:
    chat_id: int
    name: str
    secretariat: tuple[int, ...]
    organizations: tuple[OrganizationConfig, ...]
    questions: tuple[QuestionConfig, ...]
    timezone_name: str = "Asia/Ho_Chi_Minh"
    language: str = "vi"
    schedule: Schedule = Schedule()
    # Reminders mention each organization's leaders; off: organization names only.
    mentions: bool = True
    # /summary for every member of the group, not only the secretariat.
    summary_for_members: bool = False
    # A forum topic (message_thread_id) for the digest; None: the main chat.
    digest_topic: int | None = None
    # The chart of the last weeks (PNG) posted after the Monday digest.
    digest_chart: bool = True
    # Periods with no reporting (holidays): no call, no reminders, nobody overdue.
    holidays: frozenset[PeriodKey] = frozenset()
    document: DocumentConfig = DocumentConfig()
    # Lũy kế: figures are added up from this day's week (None: from the year's first week).
    cumulative_from: date | None = None
    template: str | None = None  # the template its questions start from
    parent: int | None = None  # the chat id of the group above (a commune's province)

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone_name)

    def questions_for(self, organization_code: str) -> tuple[QuestionConfig, ...]:
        return tuple(q for q in self.questions if q.applies_to(organization_code))

    def organization(self, code: str) -> OrganizationConfig | None:
        return next((o for o in self.organizations if o.code == code), None)


class ChatMoves:
    """Chat ids Telegram changed: a group upgraded to a supergroup gets a new id.

    The configuration may name a group by its old id or its new one and means the same group;
    messages go to the id it has now. Filled from the database at start-up and whenever a
    move is seen (``bot.services.chats``); the only state the configuration carries, because
    every lookup of a group by chat id must follow it.
    """

    def __init__(self) -> None:
        self._to: dict[int, int] = {}
        self.version = 0  # bumped on every change, so lookups built on it know to rebuild

    def record(self, old: int, new: int) -> None:
        if old != new and self._to.get(old) != new:
            self._to[old] = new
            self.version += 1

    def current(self, chat_id: int) -> int:
        """The id the chat has now (Telegram moves a chat once; a few steps are followed
        anyway, and a loop cannot hang)."""
        for _ in range(8):
            if chat_id not in self._to:
                break
            chat_id = self._to[chat_id]
        return chat_id

    def moved(self) -> dict[int, int]:
        return dict(self._to)


class _GroupIndex:
    """Groups by the chat id they have now, rebuilt when a chat moves."""

    def __init__(self, groups: tuple[GroupConfig, ...], moves: ChatMoves) -> None:
        self._groups, self._moves = groups, moves
        self._version = -1
        self._by_chat: dict[int, GroupConfig] = {}

    def get(self, chat_id: int) -> GroupConfig | None:
        if self._version != self._moves.version:
            self._by_chat = {self._moves.current(g.chat_id): g for g in reversed(self._groups)}
            self._version = self._moves.version
        return self._by_chat.get(self._moves.current(chat_id))


@dataclass(frozen=True)
class AppConfig:
    groups: tuple[GroupConfig, ...]
    telegram: TelegramConfig = TelegramConfig()
    storage: StorageConfig = StorageConfig()
    log_level: str = "INFO"
    # How often the week's schedule is checked; 0 turns the automatic tick off (tests and
    # the demo drive it themselves with a fake clock).
    tick_seconds: float = 60
    moves: ChatMoves = field(default_factory=ChatMoves, compare=False, repr=False)
    _index: _GroupIndex = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _GroupIndex(self.groups, self.moves))

    def children_of(self, chat_id: int) -> tuple[GroupConfig, ...]:
        """The groups that name ``chat_id`` as their parent, in the file's order."""
        return tuple(g for g in self.groups if g.parent == chat_id)

    def group(self, chat_id: int) -> GroupConfig | None:
        """The group a chat is, by the id it has now or any it had."""
        return self._index.get(chat_id)

    def chat_of(self, group: GroupConfig) -> int:
        """The chat id a configured group has now (its configured id, unless it moved)."""
        return self.moves.current(group.chat_id)

    def resolve_token(self, environ: Mapping[str, str] | None = None) -> str | None:
        """The bot token: the environment wins over the file; empty means unset."""
        env = os.environ if environ is None else environ
        token = env.get(TOKEN_ENV, "").strip() or (self.telegram.token or "").strip()
        return token or None


# --- reading -------------------------------------------------------------------------------

T = TypeVar("T")


class _Table:
    """A TOML table being read, remembering its path for error messages."""

    def __init__(self, data: Mapping[str, Any], path: str, lang: str) -> None:
        self._data = data
        self.path = path
        self.lang = lang
        self._used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str, message_key: str, **params: object) -> ConfigError:
        return ConfigError(self.key(name), plain(message_key, self.lang, **params))

    def _get(self, name: str, expected: type | tuple[type, ...], what: str) -> Any:
        self._used.add(name)
        value = self._data.get(name)
        if value is None:
            return None
        # bool is an int in Python; in a config file it is not.
        if isinstance(value, bool) and bool not in _as_tuple(expected):
            raise self.error(name, "config.wrong_type", expected=plain(what, self.lang))
        if not isinstance(value, expected):
            raise self.error(name, "config.wrong_type", expected=plain(what, self.lang))
        return value

    def text(self, name: str, default: str | None = None, *, required: bool = False) -> str:
        value = self._get(name, str, "config.type.string")
        if value is None:
            if required:
                raise self.error(name, "config.missing")
            if default is None:
                return ""
            return default
        value = nfc(value.strip())
        if required and not value:
            raise self.error(name, "config.empty")
        return str(value)

    def optional_text(self, name: str) -> str | None:
        value = self.text(name)
        return value or None

    def integer(self, name: str, default: int | None = None, *, low: int, high: int) -> int:
        value = self._get(name, int, "config.type.integer")
        if value is None:
            if default is None:
                raise self.error(name, "config.missing")
            return default
        if not low <= value <= high:
            raise self.error(name, "config.out_of_range", low=low, high=high)
        return int(value)

    def optional_integer(self, name: str, *, low: int, high: int) -> int | None:
        if self._get(name, int, "config.type.integer") is None:
            return None
        return self.integer(name, low=low, high=high)

    def number(self, name: str, default: float, *, low: float, high: float) -> float:
        value = self._get(name, (int, float), "config.type.number")
        if value is None:
            return default
        if not low <= value <= high:
            raise self.error(name, "config.out_of_range", low=low, high=high)
        return float(value)

    def levels(self, name: str) -> tuple[int, ...]:
        """Situations of a response plan (1 to 9): ``levels = [2, 3]``."""
        value = self._get(name, list, "config.type.levels")
        if value is None:
            return ()
        if any(not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 9 for v in value):
            raise self.error(
                name, "config.wrong_type", expected=plain("config.type.levels", self.lang)
            )
        return tuple(sorted(set(value)))

    def flag(self, name: str, default: bool) -> bool:
        value = self._get(name, bool, "config.type.boolean")
        return default if value is None else bool(value)

    def user_ids(self, name: str, *, required: bool = False) -> tuple[int, ...]:
        value = self._get(name, list, "config.type.user_ids")
        if value is None:
            if required:
                raise self.error(name, "config.missing")
            return ()
        if any(isinstance(v, bool) or not isinstance(v, int) or not 0 < v <= INT64_MAX
               for v in value):  # fmt: skip
            raise self.error(
                name, "config.wrong_type", expected=plain("config.type.user_ids", self.lang)
            )
        if required and not value:
            raise self.error(name, "config.empty")
        if len(set(value)) != len(value):
            raise self.error(name, "config.duplicate_value")
        return tuple(int(v) for v in value)

    def codes(self, name: str) -> tuple[str, ...]:
        value = self._get(name, list, "config.type.codes")
        if value is None:
            return ()
        if any(not isinstance(v, str) for v in value):
            raise self.error(
                name, "config.wrong_type", expected=plain("config.type.codes", self.lang)
            )
        return tuple(value)

    def texts(self, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self._get(name, list, "config.type.texts")
        if value is None:
            return default
        if any(not isinstance(v, str) for v in value):
            raise self.error(
                name, "config.wrong_type", expected=plain("config.type.texts", self.lang)
            )
        return tuple(nfc(v.strip()) for v in value)

    def table(self, name: str) -> _Table:
        value = self._get(name, dict, "config.type.table")
        return _Table(value or {}, self.key(name), self.lang)

    def tables(self, name: str, *, required: bool = False) -> list[_Table]:
        value = self._get(name, list, "config.type.tables")
        if value is None:
            if required:
                raise self.error(name, "config.missing")
            return []
        if required and not value:
            raise self.error(name, "config.empty")
        items = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise ConfigError(
                    f"{self.key(name)}[{index}]",
                    plain(
                        "config.wrong_type",
                        self.lang,
                        expected=plain("config.type.table", self.lang),
                    ),
                )
            items.append(_Table(item, f"{self.key(name)}[{index}]", self.lang))
        return items

    def done(self) -> None:
        """Refuse keys we do not know: a typo ("leader =") must not be silently ignored."""
        for name in self._data:
            if name not in self._used:
                raise self.error(name, "config.unknown_key")


def _as_tuple(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)


def load_config(path: str | Path, *, lang: str = "vi") -> AppConfig:
    """Read and validate a configuration file; raise ConfigError with one clear line."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ConfigError("", plain("config.file_missing", lang)) from None
    except OSError as exc:
        raise ConfigError("", plain("config.file_unreadable", lang, reason=exc.strerror)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("", plain("config.not_utf8", lang)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", plain("config.syntax", lang, reason=exc)) from None
    return parse_config(data, lang=lang)


def parse_config(data: Mapping[str, Any], *, lang: str = "vi") -> AppConfig:
    root = _Table(data, "", lang)
    telegram = _read_telegram(root.table("telegram"))
    storage = _read_storage(root.table("storage"))
    logging_table = root.table("logging")
    level = logging_table.text("level", "INFO").upper()
    if level not in _LOG_LEVELS:
        raise logging_table.error("level", "config.one_of", choices=", ".join(_LOG_LEVELS))
    logging_table.done()
    scheduler = root.table("scheduler")
    tick_seconds = scheduler.number("tick_seconds", 60, low=0, high=3600)
    scheduler.done()
    templates = _read_templates(root.tables("templates"))
    groups = tuple(_read_group(t, templates) for t in root.tables("groups", required=True))
    seen: set[int] = set()
    for index, group in enumerate(groups):
        if group.chat_id in seen:
            raise ConfigError(f"groups[{index}].chat_id", plain("config.duplicate_value", lang))
        seen.add(group.chat_id)
    _check_tree(groups, lang)
    root.done()
    return AppConfig(
        groups=groups,
        telegram=telegram,
        storage=storage,
        log_level=level,
        tick_seconds=tick_seconds,
    )


def _read_telegram(t: _Table) -> TelegramConfig:
    base_url = t.text("api_base_url", DEFAULT_API_BASE_URL)
    if not base_url.startswith(("http://", "https://")):
        raise t.error("api_base_url", "config.bad_url")
    file_url = t.optional_text("api_file_url")
    if file_url is not None and not file_url.startswith(("http://", "https://")):
        raise t.error("api_file_url", "config.bad_url")
    limits_table = t.table("limits")
    limits = RateLimits(
        messages_per_second=limits_table.number("messages_per_second", 30, low=0.1, high=1000),
        group_messages_per_minute=limits_table.number(
            "group_messages_per_minute", 20, low=0.1, high=10000
        ),
        chat_messages_per_second=limits_table.number(
            "chat_messages_per_second", 1, low=0.1, high=1000
        ),
        max_retries=limits_table.integer("max_retries", 3, low=0, high=20),
    )
    limits_table.done()
    config = TelegramConfig(
        api_base_url=base_url,
        api_file_url=file_url,
        token=t.optional_text("token"),
        poll_timeout=t.number("poll_timeout", 10, low=0, high=60),
        limits=limits,
    )
    t.done()
    return config


def _read_storage(t: _Table) -> StorageConfig:
    url = t.text("url", DEFAULT_STORAGE_URL)
    if "://" not in url:
        raise t.error("url", "config.bad_db_url")
    synchronous = t.text("synchronous", "full").lower()
    if synchronous not in SYNCHRONOUS:
        raise t.error("synchronous", "config.one_of", choices=", ".join(SYNCHRONOUS))
    config = StorageConfig(
        url=url,
        busy_timeout_ms=t.integer("busy_timeout_ms", 5000, low=0, high=600_000),
        synchronous=synchronous,
    )
    t.done()
    return config


def _read_weekly(t: _Table, name: str, default: WeeklyTime) -> WeeklyTime:
    text = t.text(name)
    if not text:
        return default
    try:
        return WeeklyTime.parse(text)
    except ValueError:
        raise t.error(name, "config.bad_weekly_time", value=text) from None


def _read_schedule(t: _Table) -> Schedule:
    d = Schedule()
    overdue_text = t.text("overdue", f"{d.overdue_at:%H:%M}")
    try:
        overdue_at = time.fromisoformat(overdue_text)
    except ValueError:
        raise t.error("overdue", "config.bad_time", value=overdue_text) from None
    schedule = Schedule(
        call=_read_weekly(t, "call", d.call),
        reminder=_read_weekly(t, "reminder", d.reminder),
        deadline=_read_weekly(t, "deadline", d.deadline),
        digest=_read_weekly(t, "digest", d.digest),
        overdue_at=overdue_at,
        working_days=_read_weekdays(t, "working_days", d.working_days),
    )
    # Within one week the call opens, the reminder comes, then the deadline.
    if not schedule.call.sort_key() < schedule.deadline.sort_key():
        raise t.error("deadline", "config.deadline_before_call")
    if not schedule.call.sort_key() <= schedule.reminder.sort_key() < schedule.deadline.sort_key():
        raise t.error("reminder", "config.reminder_order")
    t.done()
    return schedule


def _read_weekdays(t: _Table, name: str, default: frozenset[int]) -> frozenset[int]:
    names = t.codes(name)
    if not names:
        return default
    days = set()
    for day_name in names:
        matches = [i for i, n in enumerate(WEEKDAY_NAMES, 1) if n.startswith(day_name.lower())]
        if len(day_name) < 3 or len(matches) != 1:
            raise t.error(name, "config.bad_weekday", value=day_name)
        days.add(matches[0])
    return frozenset(days)


def _read_holidays(t: _Table, name: str) -> frozenset[PeriodKey]:
    """Periods ("2026-W07") or dates ("2026-02-17", meaning the week that contains it)."""
    periods = set()
    for entry in t.codes(name):
        try:
            if "W" in entry.upper():
                periods.add(PeriodKey.parse(entry))
            else:
                periods.add(PeriodKey.containing(date.fromisoformat(entry)))
        except ValueError:
            raise t.error(name, "config.bad_holiday", value=entry) from None
    return frozenset(periods)


def _read_templates(tables: list[_Table]) -> dict[str, Template]:
    templates: dict[str, Template] = {}
    for t in tables:
        name = t.text("name", required=True)
        if name in templates:
            raise t.error("name", "config.duplicate_value")
        questions = tuple(_read_question(q, None) for q in t.tables("questions", required=True))
        _no_repeated_keys(t, questions)
        templates[name] = Template(name, questions)
        t.done()
    return templates


def _no_repeated_keys(t: _Table, questions: tuple[QuestionConfig, ...], first: int = 0) -> None:
    keys = [q.key for q in questions]
    for index, key in enumerate(keys):
        if key in keys[:index]:
            raise ConfigError(
                f"{t.key('questions')}[{index - first}].key",
                plain("config.duplicate_value", t.lang),
            )


def _check_tree(groups: tuple[GroupConfig, ...], lang: str) -> None:
    """A parent named is a group of the file; following parents never comes back to where it
    started; the figures a parent adds up mean the same in each child (same kind and unit)."""
    by_chat = {g.chat_id: g for g in groups}
    for index, group in enumerate(groups):
        if group.parent is None:
            continue
        if group.parent not in by_chat or group.parent == group.chat_id:
            raise ConfigError(
                f"groups[{index}].parent", plain("config.unknown_parent", lang, value=group.parent)
            )
        seen, above = {group.chat_id}, by_chat[group.parent]
        while above.parent is not None:
            if above.chat_id in seen:
                raise ConfigError(f"groups[{index}].parent", plain("config.parent_cycle", lang))
            seen.add(above.chat_id)
            above = by_chat[above.parent]
    for parent in groups:
        figures: dict[str, tuple[tuple[AnswerKind, str | None], str]] = {}
        for index, child in enumerate(groups):
            if child.parent != parent.chat_id:
                continue
            for question in child.questions:
                if question.kind not in NUMERIC_KINDS:
                    continue
                shape = (question.kind, question.unit)
                known, other = figures.setdefault(question.key, (shape, child.name))
                if known != shape:
                    problem = plain("config.rollup_mismatch", lang, key=question.key, other=other)
                    raise ConfigError(f"groups[{index}].questions", problem)


def _read_group(t: _Table, templates: Mapping[str, Template]) -> GroupConfig:
    chat_id = t.integer("chat_id", low=INT64_MIN, high=INT64_MAX)
    if chat_id == 0:
        raise t.error("chat_id", "config.out_of_range", low=INT64_MIN, high=INT64_MAX)
    name = t.text("name", required=True)
    timezone_name = t.text("timezone", "Asia/Ho_Chi_Minh")
    try:
        ZoneInfo(timezone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise t.error("timezone", "config.bad_timezone", value=timezone_name) from None
    language = t.text("language", "vi")
    if language not in LANGUAGES:
        raise t.error("language", "config.one_of", choices=", ".join(LANGUAGES))
    secretariat = t.user_ids("secretariat", required=True)
    schedule = _read_schedule(t.table("schedule"))
    mentions = t.flag("mentions", True)
    summary_for_members = t.flag("summary_for_members", False)
    topic = t.optional_integer("digest_topic", low=1, high=INT64_MAX)
    digest_chart = t.flag("digest_chart", True)
    holidays = _read_holidays(t, "holidays")
    document = _read_document(t.table("document"))

    organizations = tuple(_read_organization(o) for o in t.tables("organizations", required=True))
    codes = [o.code for o in organizations]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            raise ConfigError(
                f"{t.key('organizations')}[{index}].code", plain("config.duplicate_value", t.lang)
            )

    template_name = t.optional_text("template")
    template = templates.get(template_name) if template_name is not None else None
    if template_name is not None and template is None:
        names = ", ".join(templates) or "—"
        raise t.error("template", "config.unknown_template", value=template_name, names=names)
    inherited = template.questions if template is not None else ()
    for question in inherited:
        for code in question.organizations:
            if code not in codes:
                raise t.error("template", "config.unknown_organization", value=code)
    own = tuple(
        _read_question(q, set(codes)) for q in t.tables("questions", required=template is None)
    )
    questions = inherited + own
    _no_repeated_keys(t, questions, first=len(inherited))
    parent = t.optional_integer("parent", low=INT64_MIN, high=INT64_MAX)
    cumulative_text = t.optional_text("cumulative_from")
    try:
        cumulative_from = (
            date.fromisoformat(cumulative_text) if cumulative_text is not None else None
        )
    except ValueError:
        raise t.error("cumulative_from", "config.bad_date", value=cumulative_text) from None
    for index, organization in enumerate(organizations):
        if not any(q.applies_to(organization.code) for q in questions):
            raise ConfigError(
                f"{t.key('organizations')}[{index}]", plain("config.no_questions", t.lang)
            )
    t.done()
    return GroupConfig(
        chat_id=chat_id,
        name=name,
        secretariat=secretariat,
        organizations=organizations,
        questions=questions,
        timezone_name=timezone_name,
        language=language,
        schedule=schedule,
        mentions=mentions,
        summary_for_members=summary_for_members,
        digest_topic=topic,
        digest_chart=digest_chart,
        holidays=holidays,
        document=document,
        template=template_name,
        parent=parent,
        cumulative_from=cumulative_from,
    )


def _read_document(t: _Table) -> DocumentConfig:
    default = DocumentConfig()
    config = DocumentConfig(
        issuer=t.texts("issuer", default.issuer),
        number=t.text("number", default.number),
        place=t.text("place", default.place),
        recipients=t.texts("recipients", default.recipients),
        on_behalf=t.text("on_behalf", default.on_behalf),
        signer_title=t.text("signer_title", default.signer_title),
        signer_name=t.text("signer_name", default.signer_name),
        basis=t.text("basis", default.basis),
        csv_delimiter=CSV_DELIMITERS.get(t.text("csv_delimiter", default.csv_delimiter), ""),
    )
    if not config.csv_delimiter:
        choices = ", ".join(f'"{d}"' for d in CSV_DELIMITERS)
        raise t.error("csv_delimiter", "config.one_of", choices=choices)
    t.done()
    return config


def _read_organization(t: _Table) -> OrganizationConfig:
    code = t.text("code", required=True)
    if not _CODE_RE.match(code):
        raise t.error("code", "config.bad_code", value=code)
    departments = tuple(_read_department(d) for d in t.tables("departments"))
    codes = [d.code for d in departments]
    for index, department in enumerate(codes):
        if department in codes[:index]:
            raise ConfigError(
                f"{t.key('departments')}[{index}].code", plain("config.duplicate_value", t.lang)
            )
    config = OrganizationConfig(
        code=code,
        name=t.text("name", required=True),
        leaders=t.user_ids("leaders"),
        aliases=t.texts("aliases", ()),
        front=t.flag("front", False),
        departments=departments,
    )
    t.done()
    return config


def _read_department(t: _Table) -> DepartmentConfig:
    code = t.text("code", required=True)
    if not _CODE_RE.match(code):
        raise t.error("code", "config.bad_code", value=code)
    config = DepartmentConfig(
        code=code,
        name=t.text("name", required=True),
        leaders=t.user_ids("leaders"),
        aliases=t.texts("aliases", ()),
    )
    t.done()
    return config


def _read_question(t: _Table, organization_codes: set[str] | None) -> QuestionConfig:
    """``organization_codes``: those a question may be limited to (None, in a template: they
    are checked in each group that uses it)."""
    key = t.text("key", required=True)
    if not _CODE_RE.match(key):
        raise t.error("key", "config.bad_code", value=key)
    if key.startswith(RESERVED_KEY_PREFIXES):
        prefix = key[:3]
        raise t.error("key", "config.reserved_key", value=key, prefix=prefix)
    kind_text = t.text("kind", AnswerKind.TEXT.value)
    kinds = [k for k in AnswerKind if k is not AnswerKind.PROGRESS]  # the bot's own questions
    if kind_text not in kinds:
        choices = ", ".join(k.value for k in kinds)
        raise t.error("kind", "config.one_of", choices=choices)
    kind = AnswerKind(kind_text)
    limited_to = t.codes("organizations")
    for code in limited_to:
        if organization_codes is not None and code not in organization_codes:
            raise t.error("organizations", "config.unknown_organization", value=code)
    proposals = t.flag("proposals", False)
    if proposals and kind is not AnswerKind.TEXT:
        raise t.error("proposals", "config.proposals_text_only")
    bounds = {}
    for name in ("min", "max"):
        bound = t.number(name, math.nan, low=0, high=float(MAX_AMOUNT))
        if not math.isnan(bound):
            if kind not in NUMERIC_KINDS:
                raise t.error(name, "config.bound_numeric_only")
            bounds[name] = Decimal(str(bound)).normalize()
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        raise t.error("max", "config.max_below_min")
    config = QuestionConfig(
        key=key,
        text=t.text("text", required=True),
        kind=kind,
        required=t.flag("required", True),
        organizations=limited_to,
        unit=t.optional_text("unit"),
        proposals=proposals,
        minimum=bounds.get("min"),
        maximum=bounds.get("max"),
        levels=t.levels("levels"),
    )
    t.done()
    return config
