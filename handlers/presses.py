"""What each button does: one table from the kind of press to the use case it runs."""

from __future__ import annotations

from bot import buttons
from bot.buttons import Press
from bot.services.container import Services
from bot.services.outcomes import Outcome, StaleButton
from handlers.adapter import Pressed


async def dispatch(services: Services, p: Pressed, press: Press) -> Outcome:
    reporting, membership, weekly = services.reporting, services.membership, services.weekly
    at = (p.chat, p.query_id, p.sender)
    match press:
        # the report conversation
        case buttons.ReportNow():
            return await reporting.start_from_button(*at, p.now)
        case buttons.ChooseOrganization(organization=organization):
            return await reporting.choose_organization(*at, organization, p.now)
        case buttons.ChoosePeriod(organization=organization, period=period):
            return await reporting.choose_period(*at, organization, period, p.now)
        case buttons.SkipQuestion(report=report, question=question):
            return await reporting.skip(*at, report, question, p.now)
        case buttons.FinishText(report=report, question=question):
            return await reporting.finish_text(*at, report, question, p.now)
        case buttons.FigureRight(report=report, question=question):
            return await reporting.confirm_figure(*at, report, question, True, p.now)
        case buttons.FigureAgain(report=report, question=question):
            return await reporting.confirm_figure(*at, report, question, False, p.now)
        case buttons.Submit(report=report):
            return await reporting.confirm(*at, report, p.now)
        case buttons.Change(report=report, question=question):
            return await reporting.change(*at, report, question, p.now)
        case buttons.Keep(report=report):
            return await reporting.keep(*at, report, p.now)
        case buttons.Choose(report=report, question=question, value=value):
            return await reporting.choose(*at, report, question, value, p.now)
        # membership
        case buttons.Join(organization=organization):
            return await membership.request(*at, organization, p.now)
        case buttons.Approve(request=request):
            return await membership.decide(*at, request, True, p.now)
        case buttons.Reject(request=request):
            return await membership.decide(*at, request, False, p.now)
        case buttons.Remove(membership=member):
            return await membership.remove(*at, member, p.now)
        # documents
        case buttons.SkipNote(note=note):
            return await services.exports.skip_note(*at, note, p.now)
        # the week
        case buttons.Holiday(period=period):
            return await weekly.skip_period(*at, period, p.now)
        case buttons.Excuse(organization=organization, period=period):
            return await weekly.excuse(*at, organization, period, p.now)
    return await _directions(services, p, press)


async def _directions(services: Services, p: Pressed, press: Press) -> Outcome:
    directions, at = services.directions, (p.chat, p.query_id, p.sender)
    match press:
        # giving
        case buttons.ToggleTarget(draft=draft, organization=organization):
            return await directions.toggle(*at, draft, organization, p.now)
        case buttons.TargetsChosen(draft=draft):
            return await directions.targets_chosen(*at, draft, p.now)
        case buttons.TextDone(draft=draft):
            return await directions.text_done(*at, draft, p.now)
        case buttons.DueChoice(direction=direction, choice=choice):
            return await directions.due_choice(*at, direction, choice, p.now)
        case buttons.SendDirection(draft=draft):
            return await directions.send(*at, draft, p.now)
        case buttons.DropDirection(direction=direction):
            return await directions.drop(*at, direction, p.now)
        # following
        case buttons.Acknowledge(direction=direction):
            return await directions.acknowledge(*at, direction, p.now)
        case buttons.ReportResult(direction=direction):
            return await directions.report(*at, direction, p.now)
        case buttons.ResultFor(direction=direction, organization=organization):
            return await directions.result_for(*at, direction, organization, p.now)
        case buttons.ResultChoice(direction=direction, organization=organization, result=result):
            return await directions.result_choice(*at, direction, organization, result, p.now)
        case buttons.NoNote(direction=direction):
            return await directions.no_note(*at, direction, p.now)
        # looking and managing
        case buttons.ShowDirection(number=number):
            return await directions.show(*at, number, p.now)
        case buttons.ChangeDue(direction=direction):
            return await directions.ask_new_due(*at, direction, p.now)
        case buttons.CloseDirection(direction=direction):
            return await directions.ask_reason(*at, direction, "closed", p.now)
        case buttons.WithdrawDirection(direction=direction):
            return await directions.ask_reason(*at, direction, "withdrawn", p.now)
    return await _plans(services, p, press)


async def _plans(services: Services, p: Pressed, press: Press) -> Outcome:
    plans, at = services.plans, (p.chat, p.query_id, p.sender)
    match press:
        case buttons.SwitchLevel(plan=plan, level=level):
            return await plans.ask_switch(*at, plan, level, p.now)
        case buttons.ConfirmSwitch(plan=plan, level=level):
            return await plans.switch(*at, plan, level, p.now)
        case buttons.KeepLevel(plan=plan):
            return await plans.keep(*at, plan, p.now)
        case buttons.OpenTask(carrier=carrier):
            return await plans.open_task(*at, carrier, p.now)
        case buttons.TaskProgress(carrier=carrier, state=state):
            return await plans.progress(*at, carrier, state, p.now)
        case buttons.TaskNoNote(carrier=carrier):
            return await plans.no_note(*at, carrier, p.now)
        case buttons.TasksFrom(start=start):
            return await plans.tasks_from(*at, start, p.now)
    return StaleButton(services.language_for_chat(p.chat.id))
