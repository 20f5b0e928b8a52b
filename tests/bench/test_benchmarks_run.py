"""Each benchmark runs, at a tiny size, so that ``make bench`` cannot rot unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.__main__ import main
from tests.bench.busy_monday import busy_monday_figures
from tests.bench.digests import chart_of_group, digest_by_history, digests_for_groups
from tests.bench.figures import Figure, table
from tests.bench.footprint import footprint_figures
from tests.bench.monday import monday_under_limits
from tests.bench.provinces import province_figures
from tests.bench.throughput import answer_figures


async def test_the_digest_benchmark_measures_each_history_size(tmp_path: Path) -> None:
    figures = await digest_by_history(tmp_path, organizations=3, histories=(2, 5), repeat=1)

    assert [f.name for f in figures] == [
        "digest, 3 organizations, 2 weeks of history",
        "digest, 3 organizations, 5 weeks of history",
    ]
    assert all(f.value > 0 for f in figures)


async def test_the_many_groups_benchmark_claims_a_digest_and_a_call_per_group(
    tmp_path: Path,
) -> None:
    figures = await digests_for_groups(tmp_path, groups=3, organizations=2, weeks=2)

    tick = next(f for f in figures if f.name.startswith("Monday tick"))
    assert tick.note == "9 messages claimed in the outbox (digest, chart, call)"


async def test_the_province_benchmark_rolls_up_its_communes_and_claims_every_digest(
    tmp_path: Path,
) -> None:
    figures = await province_figures(tmp_path, provinces=1, communes=3, weeks=2)

    tick = next(f for f in figures if f.name.startswith("Monday tick"))
    assert tick.note == "8 messages claimed (digests with roll-ups, calls)"  # 4 groups: 2 each
    assert all(f.value > 0 for f in figures)


async def test_the_chart_benchmark_reads_and_draws_the_weeks_shown(tmp_path: Path) -> None:
    figures = await chart_of_group(tmp_path, organizations=2, weeks=3, repeat=1)

    assert [f.name for f in figures] == [
        "chart, 2 organizations, 3 weeks: reading",
        "chart, 2 organizations, 3 weeks: drawing",
    ]
    assert all(f.value > 0 for f in figures)


async def test_the_answer_benchmarks_time_our_bot_beside_an_echo_bot(tmp_path: Path) -> None:
    figures = await answer_figures(tmp_path, answers=3, leaders=3, rounds=2)

    assert [f.name for f in figures] == [
        "report answer, end to end (median)",
        "bare PTB echo bot, same round trip (median)",
        "report answer / echo bot",
        "the same, synchronous=normal",
        "CPU per report answer",
        "CPU per echo",
        "answers per second, 3 leaders at once",
    ]
    assert figures[6].note.startswith("6 answers in ")
    assert all(f.value > 0 for f in figures)


async def test_the_footprint_benchmark_starts_the_bot_and_reads_its_memory(
    tmp_path: Path,
) -> None:
    figures = await footprint_figures(tmp_path, many=2)

    assert [f.name for f in figures] == [
        "start-up to first poll, 1 group",
        "start-up to first poll, 1 group, restart",
        "resident memory idle, 1 group",
        "start-up to first poll, 2 groups",
        "start-up to first poll, 2 groups, restart",
        "resident memory idle, 2 groups",
    ]
    assert all(f.value > 0 for f in figures)


async def test_the_monday_benchmark_delivers_every_message_within_the_limits(
    tmp_path: Path,
) -> None:
    delivery, refused = await monday_under_limits(tmp_path, groups=3)

    assert delivery.note.startswith("6 of 6 messages")
    assert refused.value == 0


async def test_the_busy_monday_benchmark_times_replies_beside_a_quiet_day(tmp_path: Path) -> None:
    figures = await busy_monday_figures(tmp_path, leaders=3, groups=2, rounds=2)

    assert [f.name for f in figures] == [
        "reply to 3 leaders at once, quiet day, p50",
        "reply to 3 leaders at once, quiet day, p99",
        "the same while 2 digests and charts go out, p50",
        "the same while 2 digests and charts go out, p99",
    ]
    assert figures[3].note.endswith("2 charts")
    assert all(f.value > 0 for f in figures)


def test_the_table_has_a_line_per_figure_with_the_values_aligned() -> None:
    lines = table([Figure("a", 1.5, "ms"), Figure("b", 1234.0, "s", "note")]).splitlines()

    assert [line.split() for line in lines[2:]] == [
        ["a", "1.50", "ms"],
        ["b", "1,234.00", "s", "note"],
    ]
    assert lines[2].index("1.50") + 4 == lines[3].index("1,234.00") + 8


def test_the_command_line_runs_the_benchmarks_named_and_refuses_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["no_such_benchmark"]) == 2
    assert "known: digests, monday, footprint" in capsys.readouterr().out
