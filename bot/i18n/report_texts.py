"""User-facing texts of the reports feature, in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

_MONTHS = (
    ("januari", "January"),
    ("februari", "February"),
    ("mars", "March"),
    ("april", "April"),
    ("maj", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augusti", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
)

TEXTS: dict[str, tuple[str, str]] = {
    **{f"reports.month.{i}": pair for i, pair in enumerate(_MONTHS, start=1)},
    # the header block, as in the programme plan
    "reports.header.document_type": ("Dokumenttyp", "Document type"),
    "reports.header.registration_number": ("Diarienummer", "Registration number"),
    "reports.header.programme": ("Program", "Programme"),
    "reports.header.date": ("Datum", "Date"),
    "reports.header.edition": ("Utgåva", "Edition"),
    "reports.header.page": ("Sida", "Page"),
    "reports.author": ("{programme}-boten", "The {programme} bot"),
    "reports.type.status": ("Statusrapport", "Status report"),
    "reports.type.register": ("Register", "Register"),
    "reports.type.record": ("Registerpost", "Register entry"),
    "reports.type.decisions": ("Beslutslogg", "Decision log"),
    "reports.file.status_week": ("Statusrapport {year}-v{week}", "Status report {year}-w{week}"),
    "reports.file.status_period": ("Statusrapport {start}–{end}", "Status report {start}–{end}"),
    "reports.file.register": ("Register {kinds} {date}", "Register {kinds} {date}"),
    "reports.file.decisions": ("Beslutslogg {date}", "Decision log {date}"),
    "reports.kind_plural.need": ("Behov", "Needs"),
    "reports.kind_plural.issue": ("Ärenden", "Issues"),
    "reports.kind_plural.deviation": ("Avvikelser", "Deviations"),
    "reports.kind_plural.risk": ("Risker", "Risks"),
    "reports.kind_plural.change": ("Ändringsbegäranden", "Change requests"),
    "reports.generated": (
        "Skapad av FVIS-boten åt {name} den {date} kl. {time}.",
        "Made by the FVIS bot for {name} on {date} at {time}.",
    ),
    "reports.scope.all": ("Rapporten omfattar alla poster.", "The report covers all entries."),
    "reports.scope.own": (
        "Rapporten omfattar bara poster du själv har registrerat.",
        "The report covers only entries you logged yourself.",
    ),
    "reports.week_short": ("v. {week}", "w. {week}"),
    # status report
    "reports.status.title_week": (
        "Statusrapport vecka {week} {year}",
        "Status report week {week} {year}",
    ),
    "reports.status.title_period": ("Statusrapport {period}", "Status report {period}"),
    "reports.status.summary": ("Sammanfattning", "Summary"),
    "reports.status.nothing_in_period": (
        "Inga poster registrerades eller löstes under perioden.",
        "No entries were logged or resolved in the period.",
    ),
    "reports.status.by_kind": ("Poster per typ", "Entries by kind"),
    "reports.status.open_by_status": ("Öppna poster per status", "Open entries by status"),
    "reports.status.no_open": ("Det finns inga öppna poster.", "There are no open entries."),
    "reports.status.escalated": ("Eskalerade ärenden", "Escalated issues"),
    "reports.status.no_escalated": ("Inga ärenden är eskalerade.", "No issues are escalated."),
    "reports.status.escalated_more": (
        "De {shown} högst eskalerade av {count}; alla finns i rapport register ärenden eskalerad.",
        "The {shown} escalated highest of {count}; all are in report register issues escalated.",
    ),
    "reports.status.deviations": ("Avvikelser", "Deviations"),
    "reports.status.deviations_intro": (
        "Avvikelser registrerade under perioden, per kategori och konsekvens (1–4).",
        "Deviations logged in the period, by category and consequence (1–4).",
    ),
    "reports.status.no_deviations": (
        "Inga avvikelser registrerades under perioden.",
        "No deviations were logged in the period.",
    ),
    "reports.status.risks": ("Risker", "Risks"),
    "reports.status.no_risks": ("Det finns inga öppna risker.", "There are no open risks."),
    "reports.status.top_risks": ("De {count} högsta riskerna", "The {count} highest risks"),
    "reports.status.matrix": ("Riskmatris", "Risk matrix"),
    "reports.status.milestones": (
        "Milstolpar och beslutspunkter",
        "Milestones and decision points",
    ),
    "reports.status.coming": ("De närmaste {days} dagarna", "The next {days} days"),
    "reports.status.no_coming": (
        "Inga milstolpar eller beslutspunkter de närmaste {days} dagarna.",
        "No milestones or decision points in the next {days} days.",
    ),
    "reports.status.overdue": ("Försenade", "Overdue"),
    "reports.status.no_overdue": (
        "Inga milstolpar eller beslutspunkter är försenade.",
        "No milestones or decision points are overdue.",
    ),
    "reports.status.decisions": ("Fattade beslut", "Decisions taken"),
    "reports.status.no_decisions": (
        "Inga beslut registrerades under perioden.",
        "No decisions were recorded in the period.",
    ),
    "reports.status.comms": ("Kommunikation", "Communication"),
    "reports.status.published": ("Publicerat under perioden", "Published in the period"),
    "reports.status.no_published": (
        "Inget publicerades under perioden.",
        "Nothing was published in the period.",
    ),
    "reports.status.coming_comms": (
        "Planerat de närmaste {days} dagarna",
        "Planned for the next {days} days",
    ),
    "reports.status.no_coming_comms": (
        "Inget är planerat de närmaste {days} dagarna.",
        "Nothing is planned for the next {days} days.",
    ),
    "reports.open_risks_value": (
        "{count} (högsta riskvärde {highest})",
        "{count} (highest risk value {highest})",
    ),
    "reports.chart.per_week": ("Nya poster per vecka och typ", "New entries per week and kind"),
    "reports.chart.entries": ("Antal poster", "Entries"),
    "reports.chart.per_week_alt": (
        "Stapeldiagram, nya poster per vecka: {values}.",
        "Bar chart, new entries per week: {values}.",
    ),
    "reports.chart.matrix": (
        "Öppna risker efter sannolikhet och konsekvens ({count} st)",
        "Open risks by probability and consequence ({count})",
    ),
    "reports.chart.matrix_cell": (
        "konsekvens {consequence}, sannolikhet {probability}: {count}",
        "consequence {consequence}, probability {probability}: {count}",
    ),
    "reports.chart.matrix_alt": (
        "Riskmatris 4 × 4 med antal öppna risker per ruta: {cells}.",
        "4 × 4 risk matrix with the number of open risks per cell: {cells}.",
    ),
    # labels in tables and summaries
    "reports.label.period": ("Period", "Period"),
    "reports.label.created": ("Nya poster", "New entries"),
    "reports.label.resolved": ("Lösta eller stängda", "Resolved or closed"),
    "reports.label.open_now": ("Öppna poster just nu", "Open entries now"),
    "reports.label.escalated": ("Eskalerade ärenden", "Escalated issues"),
    "reports.label.deviations": ("Avvikelser under perioden", "Deviations in the period"),
    "reports.label.open_risks": ("Öppna risker", "Open risks"),
    "reports.label.coming_milestones": (
        "Milstolpar och beslutspunkter inom 30 dagar",
        "Milestones and decision points within 30 days",
    ),
    "reports.label.overdue_milestones": (
        "Försenade milstolpar och beslutspunkter",
        "Overdue milestones and decision points",
    ),
    "reports.label.kind": ("Typ", "Kind"),
    "reports.label.new": ("Nya", "New"),
    "reports.label.resolved_short": ("Lösta", "Resolved"),
    "reports.label.open": ("Öppna", "Open"),
    "reports.label.total": ("Summa", "Total"),
    "reports.label.number": ("Nummer", "Number"),
    "reports.label.count": ("Antal", "Count"),
    "reports.label.flagged": ("Riskvärde {threshold} eller mer", "Risk value {threshold} or more"),
    "reports.label.probability_short": ("S", "P"),
    "reports.label.consequence_short": ("K", "C"),
    "reports.label.date": ("Datum", "Date"),
    "reports.label.id": ("Id", "Id"),
    "reports.label.description": ("Beskrivning", "Description"),
    "reports.label.type": ("Typ", "Type"),
    "reports.label.owner": ("Ägare", "Owner"),
    "reports.label.decision_point": ("Beslutspunkt", "Decision point"),
    "reports.label.decision": ("Beslut", "Decision"),
    "reports.label.motivation": ("Motivering", "Reasoning"),
    "reports.label.recorded_by": ("Registrerat av", "Recorded by"),
    "reports.label.decided_by": ("Beslutande", "Decided by"),
    "reports.label.decision_day": ("Beslutsdag", "Day of decision"),
    "reports.label.published_at": ("Publicerad", "Published"),
    "reports.label.send_at": ("Planerad", "Planned for"),
    "reports.label.title": ("Rubrik", "Title"),
    "reports.label.channels": ("Kanaler", "Channels"),
    "reports.label.updated": ("Senast ändrad", "Last changed"),
    "reports.label.medical_review": (
        "Flaggad för medicinskt ansvarig",
        "Flagged for the medically responsible",
    ),
    "reports.label.when": ("Tidpunkt", "When"),
    "reports.label.by": ("Av", "By"),
    "reports.label.comment": ("Kommentar", "Comment"),
    "reports.label.change": ("Ändrat", "Changed"),
    "reports.label.from": ("Från", "From"),
    "reports.label.to": ("Till", "To"),
    "reports.label.state": ("Läge", "State"),
    "reports.milestone_kind.decision": ("Beslutspunkt", "Decision point"),
    "reports.milestone_kind.milestone": ("Milstolpe", "Milestone"),
    "reports.outcome.continue": ("Fortsätta", "Continue"),
    "reports.outcome.change": ("Ändra", "Change"),
    "reports.outcome.stop": ("Avbryta", "Stop"),
    "reports.comms.draft": ("Utkast", "Draft"),
    "reports.comms.awaiting_approval": ("Väntar på godkännande", "Awaiting approval"),
    "reports.comms.approved": ("Godkänd", "Approved"),
    "reports.comms.published": ("Publicerad", "Published"),
    "reports.comms.failed": ("Misslyckades", "Failed"),
    "reports.comms.cancelled": ("Inställd", "Cancelled"),
    "reports.comms.withdrawn": ("Återkallad", "Withdrawn"),
    # register
    "reports.short.consequence": ("K", "C"),
    "reports.short.probability": ("S", "P"),
    "reports.short.escalation_level": ("Nivå", "Level"),
    "reports.register.scales": (
        "K = konsekvens, S = sannolikhet, båda 1–4; riskvärdet är K × S.",
        "C = consequence, P = probability, both 1–4; the risk value is C × P.",
    ),
    "reports.register.title": ("Register: {kinds}", "Register: {kinds}"),
    "reports.register.all_statuses": ("Alla", "All"),
    "reports.register.all_time": ("Hela tiden", "All time"),
    "reports.register.empty": ("Inga poster matchar urvalet.", "No entries match the selection."),
    "reports.register.shortened": (
        "Långa texter är förkortade här; hela texten finns i postens egen rapport "
        "(till exempel ”rapport BEH-12”).",
        "Long texts are shortened here; the whole text is in the entry's own report "
        "(for example “report BEH-12”).",
    ),
    # one entry
    "reports.record.details": ("Uppgifter", "Details"),
    "reports.record.handling": ("Hantering", "Handling"),
    "reports.record.no_comments": ("Inga kommentarer.", "No comments."),
    "reports.record.no_history": ("Ingen historik.", "No history."),
    # decision log
    "reports.decisions.title": ("Beslutslogg", "Decision log"),
    "reports.decisions.taken": ("Fattade beslut", "Decisions taken"),
    "reports.decisions.none": (
        "Inga beslut är registrerade ännu.",
        "No decisions are recorded yet.",
    ),
    "reports.decisions.points": ("Programmets beslutspunkter", "The programme's decision points"),
    "reports.decisions.no_points": (
        "Programmet har inga beslutspunkter.",
        "The programme has no decision points.",
    ),
    "reports.decisions.state_decided": ("Fattat", "Decided"),
    "reports.decisions.state_coming": ("Kommande", "Coming"),
    "reports.decisions.state_overdue": ("Försenat", "Overdue"),
    # the chat command
    "reports.usage": (
        "Jag gör Word-rapporter. Skriv till exempel:\n"
        "• rapport vecka – statusrapport för förra veckan (rapport vecka 47 för en viss vecka)\n"
        "• rapport period 2026-11-01 2026-11-30 – statusrapport för en period\n"
        "• rapport register behov – register för en typ ({kinds}), "
        "gärna med status och period: rapport register risk pågår\n"
        "• rapport BEH-12 – en posts alla uppgifter, kommentarer och historik\n"
        "• rapport beslut – beslutsloggen",
        "I make Word reports. Write for example:\n"
        "• report week – status report for last week (report week 47 for a given week)\n"
        "• report period 2026-11-01 2026-11-30 – status report for a period\n"
        "• report register needs – register of one kind ({kinds}), "
        "optionally with status and period: report register risk in_progress\n"
        "• report BEH-12 – one entry's fields, comments and history\n"
        "• report decisions – the decision log",
    ),
    "reports.ready": ("Här är din rapport: {what}.", "Here is your report: {what}."),
    "reports.bad_week": (
        "”{text}” är ingen vecka jag känner igen. Skriv till exempel rapport vecka 47.",
        "“{text}” is not a week I recognise. Write for example report week 47.",
    ),
    "reports.bad_date": (
        "”{text}” förstår jag inte som ett datum. Skriv till exempel 2026-11-01 eller 1 november.",
        "I do not understand “{text}” as a date. Write for example 2026-11-01 or 1 November.",
    ),
    "reports.need_period": (
        "Ange perioden med två datum, till exempel rapport period 2026-11-01 2026-11-30.",
        "Give the period as two dates, for example report period 2026-11-01 2026-11-30.",
    ),
    "reports.bad_period": (
        "Perioden slutar före den börjar ({start} – {end}).",
        "The period ends before it starts ({start} – {end}).",
    ),
    "reports.future_period": (
        "Perioden har inte börjat än ({start}). Välj en period som börjar i dag eller tidigare.",
        "The period has not started yet ({start}). Pick one that starts today or earlier.",
    ),
    "reports.register_kind": (
        "Vilken typ ska registret gälla? Skriv till exempel rapport register behov ({kinds}).",
        "Which kind should the register cover? Write for example report register needs ({kinds}).",
    ),
    "reports.bad_register_word": (
        "”{text}” känner jag inte igen. Efter typen kan du skriva en status ({options}) "
        "och en period (två datum).",
        "I do not recognise “{text}”. After the kind you may write a status ({options}) "
        "and a period (two dates).",
    ),
    "reports.unknown": (
        "”{text}” är ingen rapport jag kan göra.",
        "“{text}” is not a report I can make.",
    ),
    "reports.weekly_person": ("projektledningen", "the project leads"),
    "reports.weekly_post_late": (
        "Veckans statusrapport, vecka {week} – försenad, boten var inte igång måndag kl. 07.00: "
        "{file}",
        "This week's status report, week {week} – late, the bot was not running on Monday at "
        "07:00: {file}",
    ),
    "reports.weekly_post": (
        "Veckans statusrapport, vecka {week}: {file}",
        "This week's status report, week {week}: {file}",
    ),
}
