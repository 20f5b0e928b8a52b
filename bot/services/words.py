"""What the services need worded without knowing any words.

The week's messages (the call for reports, reminders, the deadline notice, the digest, the
notices about chats) are stored in the ledger as text before they are sent, so the services
that claim them need their words at that moment. They receive them through ``WeekWords``,
implemented by ``bot.views.weekly.WeekTexts`` and handed over where the application is wired.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from bot.core.digest import Digest, OrganizationLine
from bot.core.directions import Picture
from bot.core.periods import PeriodKey
from bot.core.plans import PlanPicture
from bot.core.rollup import RollUp
from bot.services.outcomes import Audience, Outcome, Owing, Who

__all__ = ["Audience", "LateDirection", "Owing", "Rendered", "WeekWords"]

Rendered = tuple[str, str | None]  # Telegram HTML, and the inline keyboard as JSON (or None)
LateDirection = tuple[int, str, date]  # a direction's number, the organization, the due day


class WeekWords(Protocol):
    """Telegram HTML for each message of the week, from the facts the service has read."""

    def call(
        self,
        audience: Audience,
        period: PeriodKey,
        deadline_at: datetime,
        owing: tuple[Owing, ...],
    ) -> str: ...

    def call_button(self, language: str) -> str: ...

    def reminder(
        self,
        audience: Audience,
        period: PeriodKey,
        deadline_at: datetime,
        owing: tuple[Owing, ...],
    ) -> str: ...

    def deadline(
        self,
        audience: Audience,
        period: PeriodKey,
        submitted: int,
        expected: int,
        owing: tuple[Owing, ...],
        not_in_private: tuple[Who, ...] = (),
        late_directions: tuple[LateDirection, ...] = (),
    ) -> str: ...

    def overdue(self, audience: Audience, period: PeriodKey, owing: tuple[Owing, ...]) -> str: ...

    def secretariat_overdue(
        self,
        audience: Audience,
        period: PeriodKey,
        owing: tuple[Owing, ...],
        late_directions: tuple[LateDirection, ...] = (),
    ) -> str: ...

    def late_addition(
        self, audience: Audience, period: PeriodKey, line: OrganizationLine
    ) -> str: ...

    def digest(
        self,
        audience: Audience,
        digest: Digest,
        leaders_of: dict[str, tuple[Who, ...]],
        rollup: RollUp | None = None,
        directions: Picture | None = None,
        plan: PlanPicture | None = None,
    ) -> str: ...

    def chart_caption(self, group: str, language: str, weeks: int, period: PeriodKey) -> str: ...

    def chat_moved(self, group: str, language: str, new_chat_id: int) -> str: ...

    def chat_removed(self, group: str, language: str) -> str: ...

    def chat_back(self, group: str, language: str) -> str: ...

    def message(self, outcome: Outcome, private: bool) -> Rendered:
        """Any outcome as the message it is shown as: what a direction sends is claimed in
        the ledger in the words and with the buttons its view has."""
        ...
