"""Words in one package above the services: every outcome becomes a View here.

``render`` is the one way in. Each feature's module words its own outcomes and gives None
for the others; the shared ones (silence, refusals, stale buttons) are in ``common``.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.services.outcomes import Outcome
from bot.views.base import Button, View
from bot.views.common import render_common
from bot.views.directions import render_directions
from bot.views.documents import render_documents
from bot.views.membership import render_membership
from bot.views.plans import render_plans
from bot.views.reporting import render_reporting
from bot.views.weekly import render_weekly

__all__ = ["Button", "View", "render"]

_FEATURES: tuple[Callable[[Outcome, bool], View | None], ...] = (
    render_common,
    render_reporting,
    render_membership,
    render_weekly,
    render_documents,
    render_directions,
    render_plans,
)


def render(outcome: Outcome, *, private: bool) -> View:
    """The view of an outcome, for a private chat or a group."""
    for feature in _FEATURES:
        view = feature(outcome, private)
        if view is not None:
            return view
    raise TypeError(f"no view for {outcome!r}")
