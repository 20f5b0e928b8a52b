"""The ``giaoban`` command: run, demo, check-config, db upgrade, backup, digest, export."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.clock import Clock, FileClock, SystemClock
from bot.config import TOKEN_ENV, AppConfig, ConfigError, GroupConfig, load_config
from bot.core.periods import PeriodKey
from bot.i18n import plain
from bot.i18n.weeks import week
from bot.logs import configure_logging, redact
from bot.startup import StartupError

if TYPE_CHECKING:
    from bot.services.exports import ExportRequest
    from bot.services.outcomes import Outcome

# The bot, its services and libraries are imported by the commands that use them, after main()
# has paused the cyclic garbage collector (see there).

EXIT_OK, EXIT_USAGE = 0, 2
CLOCK_ENV = "GIAOBAN_CLOCK_FILE"  # drills and the crash test: the time comes from this file

log = logging.getLogger(__name__)


def _lang() -> str:
    return os.environ.get("GIAOBAN_LANG", "vi")


def _load(path: str) -> AppConfig:
    try:
        return load_config(path, lang=_lang())
    except ConfigError as exc:
        raise StartupError(plain("cli.config_error", _lang(), path=path, error=exc)) from None


def cmd_run(args: argparse.Namespace) -> int:
    config = _load(args.config)
    token = config.resolve_token()
    if token is None and args.demo_without_token:
        print(plain("cli.demo_instead", _lang()), file=sys.stderr)
        gc.enable()
        return cmd_demo(argparse.Namespace(out=None))
    if token is None:
        raise StartupError(plain("cli.no_token", _lang()))
    configure_logging(config.log_level, secrets=[token])
    asyncio.run(_serve_until_signalled(config, token))
    return EXIT_OK


async def _serve_until_signalled(config: AppConfig, token: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    clock: Clock = SystemClock()
    if clock_file := os.environ.get(CLOCK_ENV):
        log.warning(plain("cli.file_clock", _lang(), path=clock_file))
        clock = FileClock(Path(clock_file))
    from bot.runner import serve

    def collect_from_now_on() -> None:
        # Once the first poll is on its way: what start-up left behind is collected, and what
        # it made to keep is set aside from later collections (they no longer walk it).
        def settle() -> None:
            gc.collect()
            gc.freeze()
            gc.enable()

        loop.call_later(1, settle)

    await serve(config, token=token, clock=clock, stop=stop, polling_since=collect_from_now_on)


def cmd_demo(args: argparse.Namespace) -> int:
    configure_logging("WARNING", secrets=[])
    # The demo plays against the local Bot API server: loaded for the demo only, so that the
    # running bot carries neither it nor aiohttp.
    from bot.demo import play_demo

    asyncio.run(play_demo(Path(args.out) if args.out else None))
    return EXIT_OK


def cmd_check_config(args: argparse.Namespace) -> int:
    config = _load(args.path)
    lang = _lang()
    print(plain("cli.config_ok", lang, path=args.path))
    for group in config.groups:
        print(
            plain(
                "cli.summary.group",
                lang,
                name=group.name,
                chat_id=group.chat_id,
                timezone=group.timezone_name,
                language=group.language,
            )
        )
        print(plain("cli.summary.secretariat", lang, count=len(group.secretariat)))
        print(plain("cli.summary.organizations", lang, count=len(group.organizations)))
        for o in group.organizations:
            # Asked at every situation of the plan; those of some situations are said below.
            questions = len([q for q in group.questions_for(o.code) if not q.levels])
            print(
                plain(
                    "cli.summary.organization",
                    lang,
                    name=o.name,
                    code=o.code,
                    leaders=len(o.leaders),
                    questions=questions,
                )
            )
        by_level = [q for q in group.questions if q.levels]
        if by_level:
            print(plain("cli.summary.level_questions", lang, count=len(by_level)))
        shared = sum(1 for q in group.questions if not q.organizations)
        print(
            plain(
                "cli.summary.questions",
                lang,
                count=len(group.questions),
                shared=shared,
                limited=len(group.questions) - shared,
                required=sum(1 for q in group.questions if q.required),
            )
        )
        schedule = group.schedule
        when = {
            name: f"{plain(f'weekday.{w.weekday}', lang)} {w.at:%H:%M}"
            for name, w in (
                ("call", schedule.call),
                ("reminder", schedule.reminder),
                ("deadline", schedule.deadline),
                ("digest", schedule.digest),
            )
        }
        print(plain("cli.summary.schedule", lang, **when))
    if os.environ.get(TOKEN_ENV, "").strip():
        print(plain("cli.summary.token_env", lang))
    elif config.telegram.token:
        print(plain("cli.summary.token_file", lang))
    else:
        print(plain("cli.summary.token_missing", lang))
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    config = _load(args.config)

    async def upgrade() -> tuple[str, str]:
        from bot.runner import open_database

        db = await open_database(config, SystemClock())
        try:
            return db.describe(), await db.current_revision()
        finally:
            await db.dispose()

    target, revision = asyncio.run(upgrade())
    print(plain("cli.db_upgraded", _lang(), target=target, revision=revision))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from storage.backup import backup_sqlite
    from storage.database import sqlite_path

    config = _load(args.config)
    source = sqlite_path(config.storage.url)
    if source is None:
        raise StartupError(plain("cli.backup_not_sqlite", _lang()))
    out = Path(args.out)
    try:
        size = backup_sqlite(source, out, busy_timeout_ms=config.storage.busy_timeout_ms)
    except (OSError, sqlite3.Error) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StartupError(
            plain("cli.backup_failed", _lang(), source=source, reason=reason)
        ) from None
    print(plain("cli.backup_done", _lang(), source=source, out=out, size=size))
    return EXIT_OK


FIRST_WEEK = PeriodKey(2000, 1)  # the operator may look back before the bot; not this far


def _check_weeks(group: GroupConfig, keys: list[PeriodKey]) -> None:
    """Weeks an operator may ask about: none still to come, none from before 2000 (a typo
    such as 0001-W01 or 9999-W52 would otherwise reach date arithmetic's limits)."""
    current = PeriodKey.at(SystemClock().now(), group.timezone)
    for key in keys:
        if not FIRST_WEEK <= key <= current:
            raise StartupError(plain("cli.no_such_period", _lang(), period=key, first=FIRST_WEEK,
                                     current=current))  # fmt: skip


def cmd_digest(args: argparse.Namespace) -> int:
    config = _load(args.config)
    lang = _lang()
    try:
        key = PeriodKey.parse(args.period)
    except ValueError:
        raise StartupError(plain("cli.bad_period", lang, period=args.period)) from None
    group = config.group(args.group)
    if group is None:
        raise StartupError(plain("cli.unknown_group", lang, group=args.group))
    _check_weeks(group, [key])
    token = config.resolve_token() if args.send else None
    if args.send and token is None:
        raise StartupError(plain("cli.no_token", lang))
    return asyncio.run(_digest(config, args.group, key, token))


async def _digest(config: AppConfig, chat_id: int, key: PeriodKey, token: str | None) -> int:
    from telegram import Bot

    from bot.runner import open_database
    from bot.services.chats import ChatService
    from bot.services.outbox import OutboxService
    from bot.services.weekly import WeeklyService
    from bot.views.plain import text_of
    from bot.views.weekly import WeekTexts
    from handlers.weekly import TelegramTransport

    lang, clock = _lang(), SystemClock()
    db = await open_database(config, clock)
    try:
        weekly = WeeklyService(db, config, WeekTexts())
        text = await weekly.digest_of(chat_id, key, clock.now())
        assert text is not None
        print(text_of(text))
        if token is None:
            return EXIT_OK
        if not await weekly.claim_digest(chat_id, key, clock.now()):
            print(plain("cli.digest_already_sent", lang, period=week(key, lang)), file=sys.stderr)
            return EXIT_OK
        bot = Bot(token, base_url=config.telegram.api_base_url)
        async with bot:
            outbox = OutboxService(db, config, ChatService(db, config, WeekTexts()))
            await outbox.deliver(clock.now(), TelegramTransport(bot))
        print(plain("cli.digest_sent", lang, period=week(key, lang)), file=sys.stderr)
        return EXIT_OK
    finally:
        await db.dispose()


def cmd_export(args: argparse.Namespace) -> int:
    from bot.services.exports import ExportFormat, ExportRequest

    config = _load(args.config)
    lang = _lang()
    if len(args.period) > 2:
        raise StartupError(plain("cli.bad_period", lang, period=" ".join(args.period)))
    keys = []
    for text in args.period:
        try:
            keys.append(PeriodKey.parse(text))
        except ValueError:
            raise StartupError(plain("cli.bad_period", lang, period=text)) from None
    group = config.group(args.group)
    if group is None:
        raise StartupError(plain("cli.unknown_group", lang, group=args.group))
    _check_weeks(group, keys)
    out = Path(args.out)
    fmt = args.format or out.suffix.lstrip(".").lower() or "docx"
    if fmt not in {f.value for f in ExportFormat}:
        raise StartupError(plain("cli.bad_format", lang, format=fmt))
    request = ExportRequest(ExportFormat(fmt), min(keys), max(keys))
    content = asyncio.run(_export(config, args.group, request))
    try:
        out.write_bytes(content)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StartupError(plain("cli.write_failed", _lang(), out=out, reason=reason)) from None
    print(plain("cli.export_done", _lang(), out=out, size=len(content)))
    return EXIT_OK


async def _export(config: AppConfig, chat_id: int, request: ExportRequest) -> bytes:
    from bot.runner import open_database
    from bot.services.exports import ExportService

    clock = SystemClock()
    db = await open_database(config, clock)
    try:
        file = await ExportService(db, config).export_file(chat_id, request, clock.now())
    finally:
        await db.dispose()
    assert file is not None
    return file.content


def cmd_plan_import(args: argparse.Namespace) -> int:
    """``giaoban plan import FILE --group CHAT_ID``: the response plan, all or nothing; what
    is wrong is printed by row and column, and the exit status says whether it was taken."""
    from bot.services.plan_outcomes import PlanImported
    from bot.views import render
    from bot.views.plain import as_plain

    config = _load(args.config)
    if config.group(args.group) is None:
        raise StartupError(plain("cli.unknown_group", _lang(), group=args.group))
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StartupError(plain("cli.read_failed", _lang(), path=path, reason=reason)) from None
    outcome = asyncio.run(_plan_import(config, args.group, content, path.name))
    print(as_plain(render(outcome, private=True)))
    return EXIT_OK if isinstance(outcome, PlanImported) else EXIT_USAGE


async def _plan_import(config: AppConfig, chat_id: int, content: bytes, name: str) -> Outcome:
    from bot.runner import open_database
    from bot.services.plans import PlanService
    from bot.views.weekly import WeekTexts

    clock = SystemClock()
    db = await open_database(config, clock)
    try:
        return await PlanService(db, config, WeekTexts()).import_file(
            chat_id, content, name, clock.now()
        )
    finally:
        await db.dispose()


def cmd_plan_template(args: argparse.Namespace) -> int:
    """``giaoban plan template FILE``: the empty plan to fill in (XLSX)."""
    from bot.exports.plan_file import template_xlsx

    out = Path(args.out)
    try:
        out.write_bytes(template_xlsx())
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StartupError(plain("cli.write_failed", _lang(), out=out, reason=reason)) from None
    print(plain("cli.export_done", _lang(), out=out, size=out.stat().st_size))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from bot.services.exports import ExportFormat

    parser = argparse.ArgumentParser(
        prog="giaoban", description="Giao Ban: bot báo cáo tuần (weekly-report bot)"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="chạy bot (run the bot)")
    run.add_argument("--config", default="config.toml", help="tệp cấu hình (config.toml)")
    run.add_argument("--demo-without-token", action="store_true",
                     help="không có token thì chạy thử (offline demo when no token)")  # fmt: skip
    run.set_defaults(func=cmd_run)

    demo = commands.add_parser("demo", help="chạy thử ngoại tuyến một tuần (offline demo)")
    demo.add_argument("--out", help="thư mục ghi các tệp (mặc định: thư mục tạm mới)")
    demo.set_defaults(func=cmd_demo)

    check = commands.add_parser("check-config", help="kiểm tra tệp cấu hình (validate config)")
    check.add_argument("path")
    check.set_defaults(func=cmd_check_config)

    db = commands.add_parser("db", help="cơ sở dữ liệu (database)")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser("upgrade", help="nâng cấp lược đồ (migrate to newest)")
    upgrade.add_argument("--config", default="config.toml")
    upgrade.set_defaults(func=cmd_db_upgrade)

    backup = commands.add_parser("backup", help="sao lưu SQLite đang chạy (online backup)")
    backup.add_argument("out")
    backup.add_argument("--config", default="config.toml")
    backup.set_defaults(func=cmd_backup)

    digest = commands.add_parser("digest", help="in bản tổng hợp một tuần (print a digest)")
    digest.add_argument("--group", type=int, required=True, help="chat_id của nhóm")
    digest.add_argument("--period", required=True, help="tuần, ví dụ 2026-W47")
    digest.add_argument("--send", action="store_true", help="gửi vào nhóm (post it)")
    digest.add_argument("--config", default="config.toml")
    digest.set_defaults(func=cmd_digest)

    export = commands.add_parser("export", help="xuất báo cáo ra tệp (write a report file)")
    export.add_argument("--group", type=int, required=True, help="chat_id của nhóm")
    export.add_argument("--period", nargs="+", required=True,
                        help="tuần, hoặc tuần đầu và tuần cuối: 2026-W40 2026-W48")  # fmt: skip
    export.add_argument("--format", choices=[f.value for f in ExportFormat],
                        help="docx, xlsx hoặc csv (mặc định: theo đuôi tệp --out)")  # fmt: skip
    export.add_argument("--out", required=True, help="tệp kết quả")
    export.add_argument("--config", default="config.toml")
    export.set_defaults(func=cmd_export)

    plan = commands.add_parser("plan", help="phương án ứng phó (response plan)")
    plan_commands = plan.add_subparsers(dest="plan_command", required=True)
    load = plan_commands.add_parser("import", help="nhập phương án từ tệp XLSX/CSV")
    load.add_argument("file")
    load.add_argument("--group", type=int, required=True, help="chat_id của nhóm")
    load.add_argument("--config", default="config.toml")
    load.set_defaults(func=cmd_plan_import)
    template = plan_commands.add_parser("template", help="tệp mẫu phương án để điền (XLSX)")
    template.add_argument("out")
    template.set_defaults(func=cmd_plan_template)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Start-up makes objects that live as long as the bot: modules, the configuration, the
    # roster. The cyclic garbage collector would walk them again and again while they are made
    # (a tenth of start-up): it is paused until the bot polls, and what start-up made is then
    # left out of later collections (see _serve_until_signalled). Other commands collect as
    # usual once their arguments are read.
    gc.disable()
    try:
        args = build_parser().parse_args(argv)
        if args.func is not cmd_run:
            gc.enable()
        result: int = args.func(args)
        return result
    except StartupError as exc:
        token = os.environ.get(TOKEN_ENV, "")
        print(redact(str(exc), [token]), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
