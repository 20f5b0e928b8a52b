"""The pure domain core: functions of their inputs and an explicit ``now``.

Nothing here imports telegram, sqlalchemy or asyncio, and nothing reads the clock
(a test in ``tests/unit/test_core_purity.py`` keeps it that way).
"""
