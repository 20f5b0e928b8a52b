from __future__ import annotations

import copy
from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.config import AppConfig, ConfigError, load_config, parse_config
from bot.core.answers import AnswerKind
from bot.core.periods import WeeklyTime

EXAMPLE = Path(__file__).parents[2] / "config.example.toml"

MINIMAL: dict[str, Any] = {
    "groups": [
        {
            "chat_id": -100123,
            "name": "Nhóm",
            "secretariat": [1],
            "organizations": [{"code": "doan", "name": "Tỉnh đoàn", "leaders": [2]}],
            "questions": [{"key": "kq", "text": "Kết quả?"}],
        }
    ]
}


def with_change(path: str, value: Any) -> dict[str, Any]:
    """MINIMAL with one key changed; path like 'groups.0.chat_id'. A value of ... deletes."""
    data = copy.deepcopy(MINIMAL)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
    if value is ...:
        del node[int(last) if last.isdigit() else last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return data


def test_the_example_configuration_is_the_tay_ninh_group_with_six_reporting_bodies() -> None:
    config = load_config(EXAMPLE)
    (group,) = config.groups
    assert group.name == "MTT-CTXH tỉnh Tây Ninh"
    assert [o.name for o in group.organizations] == [
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Tỉnh đoàn",
        "Liên đoàn Lao động tỉnh",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Hội Nông dân tỉnh",
        "Hội Cựu chiến binh tỉnh",
    ]
    kinds = {q.kind for q in group.questions}
    assert kinds == set(AnswerKind) - {AnswerKind.PROGRESS}  # the bot asks that one itself
    assert [q.key for q in group.questions if q.proposals] == ["kien_nghi"]
    assert [q.key for q in group.questions_for("hnd") if q.organizations] == ["nong_san"]


def test_defaults_leave_a_working_day_after_the_deadline_and_speak_vietnamese() -> None:
    config = parse_config(MINIMAL)
    group = config.groups[0]
    assert group.timezone_name == "Asia/Ho_Chi_Minh"
    assert group.language == "vi"
    assert group.schedule.call == WeeklyTime(1, time(8, 0))
    assert group.schedule.reminder == WeeklyTime(3, time(17, 0))
    assert group.schedule.deadline == WeeklyTime(4, time(17, 0))  # Friday: overdue reminders
    assert group.schedule.digest == WeeklyTime(1, time(8, 0))
    assert config.telegram.api_base_url == "https://api.telegram.org/bot"
    assert config.telegram.file_url == "https://api.telegram.org/file/bot"
    assert config.storage.url == "sqlite+aiosqlite:///giaoban.db"
    assert group.questions[0].kind is AnswerKind.TEXT
    assert group.questions[0].required


def test_the_default_sending_limits_are_telegrams() -> None:
    limits = parse_config(MINIMAL).telegram.limits
    assert (
        limits.messages_per_second,
        limits.group_messages_per_minute,
        limits.chat_messages_per_second,
    ) == (30, 20, 1)


def test_the_token_from_the_environment_wins_over_the_file() -> None:
    config = parse_config(with_change("telegram.token", "111:FILE"))
    assert config.resolve_token({"TELEGRAM_BOT_TOKEN": "222:ENV"}) == "222:ENV"
    assert config.resolve_token({"TELEGRAM_BOT_TOKEN": "  "}) == "111:FILE"
    assert parse_config(MINIMAL).resolve_token({}) is None


def test_the_token_never_shows_in_the_configurations_repr() -> None:
    config = parse_config(with_change("telegram.token", "111:SECRET-TOKEN"))
    assert "SECRET-TOKEN" not in repr(config)


def test_a_64_bit_chat_id_is_accepted() -> None:
    config = parse_config(with_change("groups.0.chat_id", -1009223372036854775))
    assert config.groups[0].chat_id == -1009223372036854775


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("groups", ..., "groups: thiếu khóa bắt buộc"),
        ("groups", [], "groups: không được để trống"),
        ("groups.0.chat_id", "abc", "groups[0].chat_id: phải là số nguyên"),
        ("groups.0.chat_id", 2**63, "groups[0].chat_id: phải nằm trong khoảng"),
        ("groups.0.name", "  ", "groups[0].name: không được để trống"),
        ("groups.0.timezone", "Asia/Hanoi_City", "groups[0].timezone: múi giờ “Asia/Hanoi_City”"),
        ("groups.0.language", "fr", "groups[0].language: phải là một trong: vi, en"),
        ("groups.0.secretariat", [], "groups[0].secretariat: không được để trống"),
        ("groups.0.secretariat", [True], "groups[0].secretariat: phải là danh sách user id"),
        ("groups.0.secretariat", [-5], "groups[0].secretariat: phải là danh sách user id"),
        ("groups.0.secretariat", [1, 1], "groups[0].secretariat: bị trùng lặp"),
        ("groups.0.leader", [2], "groups[0].leader: khóa không được hỗ trợ"),
        ("groups.0.organizations.0.code", "Đoàn", "groups[0].organizations[0].code: “Đoàn”"),
        ("groups.0.organizations.0.leaders", "2", "groups[0].organizations[0].leaders: phải là"),
        ("groups.0.questions.0.kind", "date", "groups[0].questions[0].kind: phải là một trong"),
        (
            "groups.0.questions.0.organizations",
            ["hnd"],
            "groups[0].questions[0].organizations: mã tổ chức “hnd”",
        ),
        ("groups.0.questions.0.required", "yes", "groups[0].questions[0].required: phải là true"),
        ("groups.0.schedule.deadline", "friday 5pm", "groups[0].schedule.deadline: “friday 5pm”"),
        (
            "groups.0.schedule.deadline",
            "monday 07:00",
            "groups[0].schedule.deadline: hạn báo cáo phải sau giờ kêu gọi",
        ),
        (
            "groups.0.schedule.reminder",
            "saturday 09:00",
            "groups[0].schedule.reminder: giờ nhắc phải",
        ),
        ("telegram.api_base_url", "api.telegram.org", "telegram.api_base_url: phải là địa chỉ"),
        ("telegram.poll_timeout", 600, "telegram.poll_timeout: phải nằm trong khoảng 0 đến 60"),
        ("storage.url", "giaoban.db", "storage.url: phải là URL SQLAlchemy"),
        ("storage.synchronous", "off", "storage.synchronous: phải là một trong: full, normal"),
        ("logging.level", "LOUD", "logging.level: phải là một trong: DEBUG"),
        ("database", {}, "database: khóa không được hỗ trợ"),
    ],
)
def test_each_configuration_error_names_the_key_and_the_problem_in_one_line(
    path: str, value: Any, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(with_change(path, value))
    text = str(caught.value)
    assert text.startswith(message)
    assert "\n" not in text


def test_duplicate_organization_codes_are_refused() -> None:
    data = copy.deepcopy(MINIMAL)
    data["groups"][0]["organizations"].append({"code": "doan", "name": "Khác"})
    with pytest.raises(ConfigError, match=r"groups\[0\]\.organizations\[1\]\.code: bị trùng"):
        parse_config(data)


def test_an_organization_without_any_question_is_refused() -> None:
    data = copy.deepcopy(MINIMAL)
    data["groups"][0]["organizations"].append({"code": "hnd", "name": "Hội Nông dân"})
    data["groups"][0]["questions"][0]["organizations"] = ["doan"]
    with pytest.raises(ConfigError, match=r"groups\[0\]\.organizations\[1\]: tổ chức này"):
        parse_config(data)


def test_a_broken_file_is_one_line_naming_the_toml_problem(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[[groups]\nchat_id = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^sai cú pháp TOML: .*line 1"):
        load_config(path)


def test_a_missing_file_is_reported_as_such(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="không tìm thấy tệp cấu hình"):
        load_config(tmp_path / "absent.toml")


def test_errors_can_be_read_in_english() -> None:
    with pytest.raises(ConfigError, match=r"groups\[0\]\.chat_id: must be an integer"):
        parse_config(with_change("groups.0.chat_id", "x"), lang="en")


def test_the_configuration_is_immutable() -> None:
    config: AppConfig = parse_config(MINIMAL)
    with pytest.raises(AttributeError):
        config.groups[0].name = "khác"  # type: ignore[misc]


def test_a_group_telegram_moved_is_found_by_its_old_and_its_new_chat_id() -> None:
    config = parse_config(MINIMAL)
    group = config.groups[0]
    config.moves.record(-100123, -1009990000123)

    assert config.group(-100123) is group
    assert config.group(-1009990000123) is group
    assert config.chat_of(group) == -1009990000123
    assert config.group(-555) is None


def test_a_config_naming_the_new_id_of_a_moved_group_finds_it_by_the_old_one() -> None:
    config = parse_config(with_change("groups.0.chat_id", -1009990000123))
    config.moves.record(-100123, -1009990000123)

    assert config.group(-100123) is config.groups[0]
    assert config.chat_of(config.groups[0]) == -1009990000123


def test_a_numeric_question_may_bound_its_figures() -> None:
    data = with_change(
        "groups.0.questions.0", {"key": "ho", "text": "Hộ", "kind": "count", "min": 1, "max": 500}
    )
    question = parse_config(data).groups[0].questions[0]
    assert (question.minimum, question.maximum) == (Decimal(1), Decimal(500))


def test_bounds_on_a_text_question_or_a_max_below_the_min_are_refused_by_key() -> None:
    text = with_change("groups.0.questions.0.max", 5)
    with pytest.raises(ConfigError, match=r"groups\[0\]\.questions\[0\]\.max: chỉ đặt được"):
        parse_config(text)
    upside_down = with_change(
        "groups.0.questions.0", {"key": "ho", "text": "Hộ", "kind": "count", "min": 9, "max": 5}
    )
    with pytest.raises(ConfigError, match=r"groups\[0\]\.questions\[0\]\.max: phải lớn hơn"):
        parse_config(upside_down)


@pytest.mark.parametrize(("written", "delimiter"), [(",", ","), (";", ";"), ("tab", "\t")])
def test_the_csv_delimiter_is_a_comma_a_semicolon_or_a_tab(written: str, delimiter: str) -> None:
    data = copy.deepcopy(MINIMAL)
    data["groups"][0]["document"] = {"csv_delimiter": written}

    assert parse_config(data).groups[0].document.csv_delimiter == delimiter


def test_another_csv_delimiter_is_refused_with_the_choices() -> None:
    data = copy.deepcopy(MINIMAL)
    data["groups"][0]["document"] = {"csv_delimiter": "|"}

    with pytest.raises(ConfigError, match='csv_delimiter: phải là một trong: ",", ";", "tab"'):
        parse_config(data)
