"""A province and its communes in one configuration: question templates shared by many
groups, and groups that name the group above them, checked as a whole."""

from __future__ import annotations

from typing import Any

import pytest

from bot.config import ConfigError, parse_config

PROVINCE, COMMUNE_A, COMMUNE_B = -1001, -1002, -1003
ORGANIZATIONS = [{"code": "doan", "name": "Đoàn", "leaders": [2]},
                 {"code": "hnd", "name": "Hội Nông dân", "leaders": [3]}]  # fmt: skip
COMMUNE_TEMPLATE = {
    "name": "xa",
    "questions": [
        {"key": "ket_qua", "text": "Kết quả tuần?"},
        {"key": "ho", "text": "Hộ được hỗ trợ", "kind": "count", "unit": "hộ"},
        {"key": "nong_san", "text": "Nông sản (tấn)", "kind": "number", "unit": "tấn",
         "organizations": ["hnd"]},
    ],
}  # fmt: skip


def group(chat_id: int, name: str, **extra: Any) -> dict[str, Any]:
    return {"chat_id": chat_id, "name": name, "secretariat": [1],
            "organizations": ORGANIZATIONS, **extra}  # fmt: skip


def tree(**commune_b: Any) -> dict[str, Any]:
    return {
        "templates": [COMMUNE_TEMPLATE],
        "groups": [
            group(PROVINCE, "Tỉnh", questions=[{"key": "kq", "text": "Kết quả?"}]),
            group(COMMUNE_A, "Xã A", template="xa", parent=PROVINCE),
            group(COMMUNE_B, "Xã B", **({"template": "xa", "parent": PROVINCE} | commune_b)),
        ],
    }


def test_communes_ask_the_templates_questions_without_repeating_them() -> None:
    config = parse_config(tree())

    commune = config.groups[1]
    assert commune.template == "xa"
    assert commune.parent == PROVINCE
    assert [q.key for q in commune.questions] == ["ket_qua", "ho", "nong_san"]
    assert [q.key for q in commune.questions_for("doan")] == ["ket_qua", "ho"]


def test_a_group_adds_its_own_questions_after_the_templates() -> None:
    config = parse_config(tree(questions=[{"key": "rieng", "text": "Việc riêng của xã?"}]))

    assert [q.key for q in config.groups[2].questions] == ["ket_qua", "ho", "nong_san", "rieng"]


def test_a_single_group_configuration_needs_no_template_and_no_parent() -> None:
    config = parse_config({"groups": [group(PROVINCE, "Tỉnh",
                                            questions=[{"key": "kq", "text": "?"}])]})  # fmt: skip

    assert config.groups[0].template is None
    assert config.groups[0].parent is None


@pytest.mark.parametrize(
    ("commune_b", "where", "says"),
    [
        ({"template": "huyen"}, "groups[2].template", "không có mẫu câu hỏi “huyen” (các mẫu: xa)"),
        ({"parent": -1999}, "groups[2].parent", "không có nhóm cấp trên chat_id -1999"),
        ({"parent": COMMUNE_B}, "groups[2].parent", "không có nhóm cấp trên"),
        ({"questions": [{"key": "ho", "text": "Hộ?", "kind": "count"}]},
         "groups[2].questions[0].key", "trùng"),
        ({"template": None, "questions": [{"key": "ho", "text": "Hộ", "kind": "money"}]},
         "groups[2].questions", "“ho” khác loại hoặc đơn vị với nhóm “Xã A”"),
    ],
)  # fmt: skip
def test_a_broken_tree_is_refused_with_where_and_why(
    commune_b: dict[str, Any], where: str, says: str
) -> None:
    data = tree(**commune_b)
    if commune_b.get("template", "xa") is None:
        del data["groups"][2]["template"]

    with pytest.raises(ConfigError) as refused:
        parse_config(data)

    assert refused.value.key == where
    assert says in refused.value.problem


def test_a_chain_of_parents_that_comes_back_is_refused() -> None:
    data = tree()
    data["groups"][0]["parent"] = COMMUNE_A

    with pytest.raises(ConfigError, match="vòng lại"):
        parse_config(data)


def test_a_template_limiting_a_question_to_an_organization_a_group_lacks_is_refused() -> None:
    data = tree()
    data["groups"][2]["organizations"] = [{"code": "doan", "name": "Đoàn", "leaders": [2]}]

    with pytest.raises(ConfigError) as refused:
        parse_config(data)

    assert refused.value.key == "groups[2].template"
    assert "hnd" in refused.value.problem
