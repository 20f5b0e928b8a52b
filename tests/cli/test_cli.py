"""The giaoban command as an operator meets it: one clear line and exit 2 on every start-up
problem, never a traceback, never the token."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import socket
import sqlite3
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.local_api.server import LocalBotApi
from storage.database import head_revision
from tests.harness import TOKEN, YOUTH_LEADER_ID

ROOT = Path(__file__).parents[2]
SECRET = "987654321:SECRET-TOKEN-MUST-NOT-LEAK"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def config_text(api_base_url: str, db_url: str, level: str = "INFO") -> str:
    return f"""
[telegram]
api_base_url = "{api_base_url}"
poll_timeout = 5

[storage]
url = "{db_url}"

[logging]
level = "{level}"

[[groups]]
chat_id = -1001000000001
name = "MTT-CTXH thử nghiệm"
secretariat = [500001]

[[groups.organizations]]
code = "tinh_doan"
name = "Tỉnh đoàn"
leaders = [{YOUTH_LEADER_ID}]

[[groups.questions]]
key = "ket_qua"
text = "Kết quả trong tuần?"
"""


def environment(token: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    if token is not None:
        env["TELEGRAM_BOT_TOKEN"] = token
    return env


async def giaoban(*args: str, token: str | None = None, cwd: Path = ROOT) -> Result:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=cwd,
        env=environment(token),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return Result(process.returncode, stdout.decode(), stderr.decode())


def assert_one_clear_line(result: Result, starts_with: str) -> None:
    assert result.code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(starts_with), lines[0]
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_check_config_summarizes_the_example_without_showing_the_token() -> None:
    result = await giaoban("check-config", "config.example.toml", token=SECRET)
    assert result.code == 0, result.stderr
    assert "Cấu hình hợp lệ: config.example.toml" in result.stdout
    assert "Tổ chức báo cáo: 6" in result.stdout
    assert "Hội Cựu chiến binh tỉnh [hccb]: 1 lãnh đạo, 11 câu hỏi" in result.stdout
    assert "hạn thứ Năm 17:00" in result.stdout
    assert "Token: lấy từ biến môi trường TELEGRAM_BOT_TOKEN" in result.stdout
    assert SECRET not in result.stdout + result.stderr


async def test_a_broken_config_file_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[telegram]\napi_base_url = "http://x/bot"\n[[groups]\n', encoding="utf-8")
    for command in (["check-config", str(path)], ["run", "--config", str(path)]):
        result = await giaoban(*command, token=SECRET)
        assert_one_clear_line(result, f"Lỗi cấu hình {path}: sai cú pháp TOML")


async def test_an_invalid_value_names_its_key(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = config_text("http://127.0.0.1:1/bot", "sqlite+aiosqlite:///x.db")
    path.write_text(text.replace("leaders = [", 'leaders = ["'), encoding="utf-8")
    path.write_text(text.replace("chat_id = -1001000000001", 'chat_id = "nhóm"'), "utf-8")
    result = await giaoban("run", "--config", str(path), token=SECRET)
    assert_one_clear_line(result, f"Lỗi cấu hình {path}: groups[0].chat_id: phải là số nguyên")


async def test_a_missing_token_says_what_to_set(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(config_text("http://127.0.0.1:1/bot", "sqlite+aiosqlite:///x.db"), "utf-8")
    result = await giaoban("run", "--config", str(path), token=None)
    assert_one_clear_line(result, "Chưa có token của bot")
    assert "TELEGRAM_BOT_TOKEN" in result.stderr


async def test_an_unreachable_bot_api_server_gives_one_line_without_the_token(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    url = f"http://127.0.0.1:{free_port()}/bot"
    path.write_text(config_text(url, f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"), "utf-8")
    result = await giaoban("run", "--config", str(path), token=SECRET)
    assert_one_clear_line(result, f"Không kết nối được máy chủ Bot API tại {url}")


async def test_a_rejected_token_gives_one_line_without_the_token(
    api: LocalBotApi, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(config_text(api.base_url, f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"), "utf-8")
    result = await giaoban("run", "--config", str(path), token=SECRET)
    assert_one_clear_line(result, f"Máy chủ Bot API tại {api.base_url} từ chối token")


@pytest.mark.parametrize("where", ["missing-folder/giaoban.db", "a-file/giaoban.db"])
async def test_an_unwritable_database_path_gives_one_line_and_exit_2(
    api: LocalBotApi, tmp_path: Path, where: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    database = tmp_path / where
    path = tmp_path / "config.toml"
    path.write_text(config_text(api.base_url, f"sqlite+aiosqlite:///{database}"), "utf-8")
    result = await giaoban("run", "--config", str(path), token=TOKEN)
    assert_one_clear_line(result, f"Không mở được cơ sở dữ liệu {database}")
    assert api.calls == []  # nothing was attempted on Telegram


async def test_the_bot_runs_answers_and_stops_cleanly_on_sigterm(
    api: LocalBotApi, tmp_path: Path
) -> None:
    database = tmp_path / "giaoban.db"
    path = tmp_path / "config.toml"
    # DEBUG logging is the harshest test of keeping the token out of the logs.
    path.write_text(config_text(api.base_url, f"sqlite+aiosqlite:///{database}", "DEBUG"), "utf-8")
    api.token = SECRET
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        "--config",
        str(path),
        cwd=ROOT,
        env=environment(SECRET),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await api.wait_polling(timeout=30)
        leader = api.user(YOUTH_LEADER_ID, "Nguyễn Văn An")
        chat = api.private_chat(leader)
        api.send(chat, leader, "/start")
        reply = await api.next_message(chat.id, timeout=30)
        process.send_signal(signal.SIGTERM)
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    log = stderr.decode()
    assert reply.plain_text is not None
    assert reply.plain_text.startswith("Xin chào Nguyễn Văn An!")
    assert process.returncode == 0, log
    assert "Giao Ban đang chạy với bot @GiaoBanBot" in log
    # The last word is the clean stop (aiosqlite's worker thread may still log DEBUG lines).
    assert [line for line in log.splitlines() if " DEBUG " not in line][-1].endswith(
        "Giao Ban đã dừng."
    )
    assert "Traceback" not in log
    assert SECRET not in log + stdout.decode()
    assert "***" in log  # the token was there to hide, and it was hidden
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
    assert "report" in [c["command"] for c in api.commands_for()]


async def test_db_upgrade_creates_the_schema_and_reports_the_revision(tmp_path: Path) -> None:
    database = tmp_path / "giaoban.db"
    path = tmp_path / "config.toml"
    path.write_text(
        config_text("http://127.0.0.1:1/bot", f"sqlite+aiosqlite:///{database}"), "utf-8"
    )
    result = await giaoban("db", "upgrade", "--config", str(path))
    assert result.code == 0, result.stderr
    assert f"Cơ sở dữ liệu {database} đã ở phiên bản mới nhất ({head_revision()})." in result.stdout
    with sqlite3.connect(database) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert {"groups", "organizations", "reports", "answers", "sent_messages"} <= tables


async def test_backup_writes_a_readable_copy_of_the_database(tmp_path: Path) -> None:
    database = tmp_path / "giaoban.db"
    path = tmp_path / "config.toml"
    path.write_text(
        config_text("http://127.0.0.1:1/bot", f"sqlite+aiosqlite:///{database}"), "utf-8"
    )
    assert (await giaoban("db", "upgrade", "--config", str(path))).code == 0
    out = tmp_path / "sao-luu.db"

    result = await giaoban("backup", str(out), "--config", str(path))

    assert result.code == 0, result.stderr
    assert result.stdout.startswith(f"Đã sao lưu {database} vào {out}")
    with sqlite3.connect(out) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        groups = connection.execute("SELECT name FROM groups").fetchall()
    assert groups == [("MTT-CTXH thử nghiệm",)]


async def test_backup_of_a_missing_database_fails_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    database = tmp_path / "absent.db"
    path.write_text(
        config_text("http://127.0.0.1:1/bot", f"sqlite+aiosqlite:///{database}"), "utf-8"
    )
    result = await giaoban("backup", str(tmp_path / "out.db"), "--config", str(path))
    assert_one_clear_line(result, f"Không sao lưu được {database}")


async def test_digest_prints_a_period_and_send_posts_it_once(tmp_path: Path) -> None:
    api = LocalBotApi(SECRET)
    await api.start()
    try:
        path = tmp_path / "config.toml"
        path.write_text(
            config_text(api.base_url, f"sqlite+aiosqlite:///{tmp_path / 'g.db'}"), "utf-8"
        )
        api.group(-1001000000001, "MTT-CTXH thử nghiệm")
        common = ("--group", "-1001000000001", "--period", "2026-W47", "--config", str(path))

        printed = await giaoban("digest", *common)
        assert printed.code == 0, printed.stderr
        assert printed.stdout.startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
        assert "❌ 1. Tỉnh đoàn — quá hạn, chưa nộp" in printed.stdout
        assert api.messages_to(-1001000000001) == []

        sent = await giaoban("digest", *common, "--send", token=SECRET)
        assert sent.code == 0, sent.stderr
        assert "Đã gửi bản tổng hợp tuần 47 (16/11 – 22/11) vào nhóm." in sent.stderr
        again = await giaoban("digest", *common, "--send", token=SECRET)
        assert "đã được gửi trước đó; không gửi lại" in again.stderr
        digest, chart = api.messages_to(-1001000000001)
        assert (digest.plain_text or "").startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
        assert chart.kind == "photo"  # the chart goes with the digest, as on Mondays

        bad = await giaoban(
            "digest", "--group", "-1001000000001", "--period", "W47", "--config", str(path)
        )
        assert_one_clear_line(bad, "Không hiểu tuần W47")
        for week in ("0001-W01", "9999-W52"):
            far = await giaoban(
                "digest", "--group", "-1001000000001", "--period", week, "--config", str(path)
            )
            assert_one_clear_line(far, f"Không có tuần {week}")
    finally:
        await api.stop()


async def test_export_writes_the_word_spreadsheet_and_csv_files(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    database = f"sqlite+aiosqlite:///{tmp_path / 'g.db'}"
    path.write_text(config_text("http://127.0.0.1:9/bot", database), "utf-8")
    common = ("--group", "-1001000000001", "--config", str(path))

    word = await giaoban(
        "export", *common, "--period", "2026-W47", "--out", str(tmp_path / "w47.docx")
    )
    assert word.code == 0, word.stderr
    assert word.stdout.startswith(f"Đã ghi {tmp_path / 'w47.docx'} (")
    document = Document(str(tmp_path / "w47.docx"))
    assert (
        "Kết quả thực hiện công tác phối hợp của các tổ chức chính trị - xã hội\n"
        "tuần 47, từ ngày 16/11 đến ngày 22/11/2026"
    ) in [p.text for p in document.paragraphs]

    table = await giaoban(
        "export",
        *common,
        "--period",
        "2026-W48",
        "2026-W46",
        "--format",
        "xlsx",
        "--out",
        str(tmp_path / "range.bin"),
    )
    assert table.code == 0, table.stderr
    sheet = load_workbook(io.BytesIO((tmp_path / "range.bin").read_bytes())).active
    assert sheet is not None
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "tuần 46 (09/11 – 15/11)",
        "tuần 47 (16/11 – 22/11)",
        "tuần 48 (23/11 – 29/11)",
    ]

    comma = await giaoban(
        "export", *common, "--period", "2026-W47", "--out", str(tmp_path / "w47.csv")
    )
    assert comma.code == 0, comma.stderr
    assert (tmp_path / "w47.csv").read_bytes().startswith(b"\xef\xbb\xbfK")

    bad = await giaoban(
        "export", *common, "--period", "2026-W47", "--out", str(tmp_path / "w47.pdf")
    )
    assert_one_clear_line(bad, "Không có định dạng pdf")
