"""Membership outcomes into words and buttons: joining, the secretariat's decision, the roster."""

from __future__ import annotations

from bot import buttons
from bot.i18n import Html, plain, t
from bot.services.outcomes import (
    ChooseJoin,
    ChooseRemoval,
    JoinAlreadyDecided,
    JoinAnswer,
    JoinDecided,
    JoinNothingLeft,
    JoinNotice,
    JoinPending,
    JoinRequested,
    MemberRemoved,
    NothingToRemove,
    Outcome,
    RemovedNotice,
    Roster,
    RosterGroup,
    RosterPerson,
)
from bot.views.base import Button, View, lead, mention, short


def render_membership(outcome: Outcome, private: bool) -> View | None:
    match outcome:
        case ChooseJoin(who=who, language=lang, options=options):
            rows = tuple(
                (Button(short(label), buttons.Join(who.user_id, org_id)),)
                for org_id, label in options
            )
            return View(Html(lead(who, private) + t("join.choose", lang)), rows)
        case JoinNothingLeft(language=lang):
            return View(t("join.nothing_left", lang))
        case JoinPending(language=lang, organization=organization):
            return View(t("join.pending", lang, organization=organization))
        case JoinRequested(language=lang, organization=organization):
            return View(t("join.requested", lang, organization=organization))
        case JoinNotice(language=lang, request_id=request_id, who=who):
            text = t(
                "join.notice",
                lang,
                person=mention(who),
                organization=outcome.organization,
                group=outcome.group,
            )
            approve = Button(plain("join.button.approve", lang), buttons.Approve(request_id))
            reject = Button(plain("join.button.reject", lang), buttons.Reject(request_id))
            return View(text, ((approve, reject),))
        case JoinDecided(language=lang, approved=approved, who=who):
            key = "join.decided.approved" if approved else "join.decided.rejected"
            text = t(
                key,
                lang,
                person=mention(who),
                organization=outcome.organization,
                by=outcome.decided_by,
            )
            return View(text, notice=plain(key + ".notice", lang))
        case JoinAlreadyDecided(language=lang, approved=approved, decided_by=by):
            key = "join.already.approved" if approved else "join.already.rejected"
            return View(notice=plain(key, lang, by=by))
        case JoinAnswer(language=lang, approved=approved, who=who, organization=organization):
            key = "join.answer.approved" if approved else "join.answer.rejected"
            return View(Html(lead(who, private) + t(key, lang, organization=organization)))
        case Roster(language=lang, groups=groups):
            return View(Html("\n\n".join(_roster_group(g, lang) for g in groups)))
        case ChooseRemoval(who=who, language=lang, options=options):
            rows = tuple(
                (Button(short(label), buttons.Remove(who.user_id, mid)),) for mid, label in options
            )
            return View(t("roster.choose_removal", lang), rows)
        case NothingToRemove(language=lang):
            return View(t("roster.nothing_to_remove", lang))
        case MemberRemoved(language=lang, person=person, organization=organization):
            return View(t("roster.removed", lang, person=person, organization=organization))
        case RemovedNotice(language=lang, organization=organization):
            return View(t("roster.removed_notice", lang, organization=organization))
    return None


def _person(person: RosterPerson, lang: str) -> Html:
    marks = ""
    if person.joined:
        marks += plain("roster.mark.joined", lang)
    if person.blocked:
        marks += " ⛔"
    elif not person.started_private:
        marks += " ⚠️"
    return Html(t("roster.person", lang, name=person.name) + marks)


def _roster_group(group: RosterGroup, lang: str) -> Html:
    lines = [t("roster.title", lang, group=group.name)]
    secretariat = ", ".join(_person(p, lang) for p in group.secretariat)
    lines.append(t("roster.secretariat", lang, people=Html(secretariat or "—")))
    for name, leaders in group.organizations:
        if leaders:
            people = Html(", ".join(_person(p, lang) for p in leaders))
            lines.append(t("roster.organization", lang, organization=name, people=people))
        else:
            lines.append(t("roster.organization_empty", lang, organization=name))
    if group.pending:
        lines.append(t("roster.pending", lang, count=len(group.pending)))
        for person, organization in group.pending:
            lines.append(t("roster.pending_item", lang, person=person, organization=organization))
    everyone = [*group.secretariat, *(p for _, ps in group.organizations for p in ps)]
    if any(not p.started_private and not p.blocked for p in everyone):
        lines.append(t("roster.not_started_hint", lang))
    if any(p.blocked for p in everyone):
        lines.append(t("roster.blocked_hint", lang))
    return Html("\n".join(lines))
