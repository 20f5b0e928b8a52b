"""The bot's commands: names, Vietnamese aliases and catalogue keys of their descriptions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    description_key: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


START = Command("start", "cmd.start")
HELP = Command("help", "cmd.help", ("trogiup",))
REPORT = Command("report", "cmd.report", ("baocao",))
STATUS = Command("status", "cmd.status", ("tinhhinh",))
CANCEL = Command("cancel", "cmd.cancel", ("huy",))
JOIN = Command("join", "cmd.join", ("dangky",))
ROSTER = Command("roster", "cmd.roster", ("danhsach",))
REMOVE = Command("remove", "cmd.remove", ("xoa",))
SUMMARY = Command("summary", "cmd.summary", ("tonghop",))
SKIP = Command("skip", "cmd.skip", ("nghi",))
EXPORT = Command("export", "cmd.export", ("xuatbaocao",))
HISTORY = Command("history", "cmd.history", ("lichsu",))
CHART = Command("chart", "cmd.chart", ("bieudo",))
DIRECTIVE = Command("directive", "cmd.directive", ("chidao",))
PLAN = Command("plan", "cmd.plan", ("kehoach",))
SITUATION = Command("level", "cmd.situation", ("tinhhuong",))
TASKS = Command("tasks", "cmd.tasks", ("nhiemvu",))

# Registered with setMyCommands, in menu order.
MENU: tuple[Command, ...] = (
    REPORT,
    STATUS,
    HISTORY,
    CANCEL,
    SUMMARY,
    DIRECTIVE,
    TASKS,
    SITUATION,
    PLAN,
    CHART,
    EXPORT,
    JOIN,
    ROSTER,
    REMOVE,
    SKIP,
    START,
    HELP,
)
