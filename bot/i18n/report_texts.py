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
    "reports.status.escalated": ("Eskalerade poster", "Escalated entries"),
    "reports.status.no_escalated": ("Inget är eskalerat.", "Nothing is escalated."),
    "reports.status.escalated_more": (
        "De {shown} högst eskalerade av {count}; alla finns i rapport register ärenden eskalerad.",
        "The {shown} escalated highest of {count}; all are in report register issues escalated.",
    ),
    "reports.status.deviations": ("Avvikelser", "Deviations"),
    "reports.status.new_deviations": (
        "Nya avvikelser per kategori och konsekvens",
        "New deviations by category and consequence",
    ),
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
    # the status report: what a steering group decides from
    "reports.status.assessment": ("Lägesbedömning", "Overall assessment"),
    "reports.assessment.none": (
        "Programledaren har inte gjort någon lägesbedömning. Den skrivs i chatten, till exempel: "
        "lägesbedömning gul Leveransen från Cambio är två veckor sen.",
        "The programme manager has made no assessment yet. It is written in the chat, for "
        "example: assessment yellow The delivery from Cambio is two weeks late.",
    ),
    "reports.assessment.colour": ("Läge", "Status"),
    "reports.assessment.text": ("Bedömning", "Assessment"),
    "reports.assessment.by": ("Gjord av", "Made by"),
    "reports.assessment.made": ("{name}, {date}", "{name}, {date}"),
    "reports.assessment.carried": (
        "{name}, {date} – oförändrad sedan dess",
        "{name}, {date} – unchanged since",
    ),
    "reports.colour.green": ("Grönt – enligt plan", "Green – on track"),
    "reports.colour.yellow": (
        "Gult – avvikelse som programmet hanterar",
        "Yellow – a deviation the programme is handling",
    ),
    "reports.colour.red": (
        "Rött – styrgruppen behöver agera",
        "Red – the steering group needs to act",
    ),
    "reports.status.to_decide": ("Att besluta", "For decision"),
    "reports.status.changes": (
        "Ändringsbegäranden som väntar på beslut",
        "Change requests awaiting decision",
    ),
    "reports.status.no_changes": (
        "Inga ändringsbegäranden väntar på beslut.",
        "No change requests await a decision.",
    ),
    "reports.status.more": (
        "De första {shown} av {count}; alla finns i {command}.",
        "The first {shown} of {count}; all are in {command}.",
    ),
    "reports.command.changes": (
        "”rapport register ändringsbegäranden”",
        "“report register change requests”",
    ),
    "reports.command.escalated": (
        "registren, till exempel ”rapport register ärenden eskalerad”",
        "the registers, for example “report register issues escalated”",
    ),
    "reports.command.deviations": ("”rapport register avvikelser”", "“report register deviations”"),
    "reports.status.plan_deviations": (
        "Avvikelser från programplanen (tid, omfattning, budget)",
        "Deviations from the programme plan (time, scope, budget)",
    ),
    "reports.status.no_plan_deviations": (
        "Inga öppna avvikelser från programplanen.",
        "No open deviations from the programme plan.",
    ),
    "reports.status.high_risk": (
        "Öppna avvikelser med riskvärde {threshold} eller mer",
        "Open deviations with risk value {threshold} or more",
    ),
    "reports.status.no_high_risk": (
        "Ingen öppen avvikelse har riskvärde {threshold} eller mer.",
        "No open deviation has a risk value of {threshold} or more.",
    ),
    "reports.status.benefits": ("Behov per nyttoobjekt", "Needs per benefit objective"),
    "reports.benefit.none": ("Inget nyttoobjekt angivet", "No benefit objective given"),
    "reports.status.budget": ("Ekonomi: budget och prognos", "Budget and forecast"),
    "reports.budget.none": (
        "Inga budgetsiffror är inlagda. Programledaren skriver dem i chatten, till exempel: "
        "ekonomi budget 250 mnkr utfall 180 mnkr prognos 262 mnkr.",
        "No budget figures have been entered. The programme manager writes them in the chat, "
        "for example: budget budget 250 MSEK actual 180 MSEK forecast 262 MSEK.",
    ),
    "reports.budget.unreadable": (
        "Budgetfilen kunde inte läsas: {error}",
        "The budget file could not be read: {error}",
    ),
    "reports.budget.from_chat": (
        "Källa: inlagt i chatten av {name} {when}.",
        "Source: entered in the chat by {name} on {when}.",
    ),
    "reports.budget.from_file": (
        "Källa: filen {file}, senast ändrad {when}.",
        "Source: the file {file}, last changed {when}.",
    ),
    "reports.budget.note": ("Kommentar: {note}", "Comment: {note}"),
    "reports.budget.line": ("Post", "Line"),
    "reports.budget.programme": ("Programmet totalt", "The programme in total"),
    "reports.budget.budget": ("Budget", "Budget"),
    "reports.budget.outcome": ("Utfall", "Actual"),
    "reports.budget.forecast": ("Prognos", "Forecast"),
    "reports.budget.difference": ("Prognos mot budget", "Forecast vs budget"),
    "reports.money.million": ("{amount} mnkr", "SEK {amount}m"),
    "reports.money.thousand": ("{amount} tkr", "SEK {amount}k"),
    "reports.money.kronor": ("{amount} kr", "SEK {amount}"),
    "reports.plan.intro": (
        "Milstolpar och beslutspunkter mot tidplanen: försenade ({overdue}), de närmaste "
        "{days} dagarna och de som beslutats nyligen. {coming} infaller inom 30 dagar.",
        "Milestones and decision points against the time plan: overdue ({overdue}), the next "
        "{days} days and those decided lately. {coming} fall within 30 days.",
    ),
    "reports.plan.none": (
        "Inga milstolpar eller beslutspunkter är försenade eller infaller de närmaste {days} dagarna.",
        "No milestones or decision points are overdue or fall in the next {days} days.",
    ),
    "reports.plan.decided": ("Beslutad", "Decided"),
    "reports.plan.reached": ("Uppnådd", "Reached"),
    "reports.plan.late": ("Försenad {days} dagar", "{days} days late"),
    "reports.plan.today": ("I dag", "Today"),
    "reports.plan.unrecorded": ("Inget beslut registrerat", "No decision recorded"),
    "reports.plan.in_days": ("Om {days} dagar", "In {days} days"),
    "reports.status.not_out": (
        "Inte ute än eller misslyckat",
        "Not out yet, or failed",
    ),
    "reports.post.waiting": ("Väntar på kanalen", "Waiting for the channel"),
    "reports.post.failed": ("Misslyckades", "Failed"),
    "reports.post.missed": ("Missad (boten var nere)", "Missed (the bot was down)"),
    "reports.post.claimed": ("Osäker – kontrollera", "Unconfirmed – check"),
    "reports.post.unconfirmed": ("Osäker – kontrollera", "Unconfirmed – check"),
    "reports.platform.webchat": ("Webbchatten", "The web chat"),
    "reports.platform.slack": ("Slack", "Slack"),
    "reports.platform.teams": ("Teams", "Teams"),
    "reports.platform.sharepoint": ("Intranätet (nyheter)", "The intranet (news)"),
    "reports.channel.programme": ("{platform}, programkanalen", "{platform}, programme channel"),
    "reports.comms.no_audience": ("Alla", "Everyone"),
    "reports.comms.weekly_title": ("{title} (varje vecka)", "{title} (weekly)"),
    "reports.label.audience": ("Målgrupp", "Audience"),
    "reports.label.where": ("Kanal", "Channel"),
    "reports.label.changes_waiting": (
        "Ändringsbegäranden som väntar på beslut",
        "Change requests awaiting decision",
    ),
    "reports.label.plan_deviations": (
        "Öppna avvikelser från programplanen",
        "Open deviations from the programme plan",
    ),
    "reports.label.impact_scope": ("Omfattning", "Scope"),
    "reports.label.impact_time": ("Tidplan", "Time"),
    "reports.label.impact_budget": ("Budget", "Budget"),
    "reports.label.to_decide": ("Att besluta", "To decide"),
    "reports.label.level": ("Nivå", "Level"),
    "reports.label.new_in_period": ("Nya under perioden", "New in the period"),
    "reports.label.planned": ("Planerat", "Planned"),
    "reports.sheet.about": ("Om registret", "About"),
    "reports.sheet.made_for": ("Gjort åt", "Made for"),
    "reports.sheet.made_at": ("Gjort", "Made"),
    "reports.sheet.scope": ("Omfattning", "Scope"),
    "reports.no_excel": (
        "Excel-register är inte påslagna här.",
        "Excel registers are not available here.",
    ),
    "reports.excel_ready": (
        "Här är registret som Excel: {what} ({count} poster).",
        "Here is the register as Excel: {what} ({count} entries).",
    ),
    "cli.operator": ("Driftansvarig (kommandoraden)", "Operator (command line)"),
    # the programme manager's inputs in chat
    "inputs.forbidden": (
        "Lägesbedömning och ekonomi för statusrapporten skrivs av programledaren "
        "(projektledare i programfilen).",
        "The assessment and budget figures of the status report are entered by the programme "
        "manager (a project lead in the programme file).",
    ),
    "inputs.assessment_usage": (
        "Skriv lägesbedömning grön, gul eller röd och sedan en kort motivering, till exempel: "
        "lägesbedömning gul Leveransen är två veckor sen.",
        "Write assessment green, yellow or red and then a short reason, for example: "
        "assessment yellow The delivery is two weeks late.",
    ),
    "inputs.assessment_text": (
        "Skriv en kort motivering efter färgen, till exempel: lägesbedömning gul Leveransen är "
        "två veckor sen.",
        "Write a short reason after the colour, for example: assessment yellow The delivery "
        "is two weeks late.",
    ),
    "inputs.refused": ("{error}", "{error}"),
    "inputs.assessment_saved": (
        "Lägesbedömningen är sparad: {colour}. Den står i statusrapporterna tills du gör en ny.",
        "The assessment is saved: {colour}. The status reports show it until you make a new one.",
    ),
    "inputs.no_assessment": (
        "Ingen lägesbedömning är gjord. Skriv till exempel: lägesbedömning grön Allt enligt plan.",
        "No assessment has been made. Write for example: assessment green All on track.",
    ),
    "inputs.assessment_now": (
        "Senaste lägesbedömningen: {colour}\n{text}\n({name}, {date})",
        "The latest assessment: {colour}\n{text}\n({name}, {date})",
    ),
    "inputs.budget_usage": (
        "Skriv siffrorna med vad de är, till exempel: ekonomi budget 250 mnkr utfall 180 mnkr "
        "prognos 262 mnkr (tkr och kr går också).",
        "Write the figures with what they are, for example: budget budget 250 MSEK actual "
        "180 MSEK forecast 262 MSEK (k and SEK work too).",
    ),
    "inputs.budget_saved": (
        "Siffrorna är sparade och står i nästa statusrapport:",
        "The figures are saved and go into the next status report:",
    ),
    "inputs.no_budget": (
        "Inga budgetsiffror är inlagda. Skriv till exempel: ekonomi budget 250 mnkr utfall "
        "180 mnkr prognos 262 mnkr.",
        "No budget figures have been entered. Write for example: budget budget 250 MSEK actual "
        "180 MSEK forecast 262 MSEK.",
    ),
    "inputs.budget_now": (
        "Budget {budget} · utfall {outcome} · prognos {forecast} ({name}, {when})",
        "Budget {budget} · actual {outcome} · forecast {forecast} ({name}, {when})",
    ),
    # labels in tables and summaries
    "reports.label.period": ("Period", "Period"),
    "reports.label.created": ("Nya poster", "New entries"),
    "reports.label.resolved": ("Lösta eller stängda", "Resolved or closed"),
    "reports.label.open_now": ("Öppna poster just nu", "Open entries now"),
    "reports.label.escalated": ("Eskalerade poster", "Escalated entries"),
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
    "reports.comms.failed": ("Misslyckad", "Failed"),
    "reports.comms.cancelled": ("Inställd", "Cancelled"),
    "reports.comms.withdrawn": ("Tillbakadragen", "Withdrawn"),
    # register
    "reports.short.consequence": ("K", "C"),
    "reports.short.probability": ("S", "P"),
    "reports.short.escalation_level": ("Nivå", "Level"),
    "reports.register.scales": (
        "K = konsekvens, S = sannolikhet, båda 1–4; riskvärdet är K × S.",
        "C = consequence, P = probability, both 1–4; the risk value is C × P.",
    ),
    "reports.register.title": ("Register: {kinds}", "Register: {kinds}"),
    "reports.register.selection": ("Urval", "Selection"),
    "reports.register.section": ("{status} ({count})", "{status} ({count})"),
    "reports.register.benefits": (
        "Kolumnen Nyttoobjekt anger numret på programmets nyttoobjekt:",
        "The Benefit objective column gives the number of the programme's benefit objective:",
    ),
    "reports.register.all_statuses": ("Alla", "All"),
    "reports.register.all_time": ("Hela tiden", "All time"),
    "reports.register.empty": ("Inga poster matchar urvalet.", "No entries match the selection."),
    "reports.register.shortened": (
        "Registret visar de uppgifter man söker på, med långa texter förkortade. Alla uppgifter "
        "finns i postens egen rapport (till exempel ”rapport {ref}”) och i registret som "
        "Excel (”rapport register {kinds} excel”).",
        "The register shows what one looks for, long texts shortened. Every field is in the "
        "entry's own report (for example “report {ref}”) and in the register as Excel "
        "(“report register {kinds} excel”).",
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
    "reports.bad_dnr": (
        "Diarienumret ska vara högst {limit} tecken, till exempel: rapport vecka dnr RV 2026/123.",
        "The registration number can be at most {limit} characters, for example: "
        "report week dnr RV 2026/123.",
    ),
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
