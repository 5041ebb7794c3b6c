"""User-facing texts of the programme's governance, in Swedish and English (key -> (sv, en)):
decision points and their outcomes, milestones reached, change-request decisions, deviations
referred to the region's system, risks owned and handed to the line organisation."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- the plan's words (programplan 5.4): translated for English readers, never replaced ----
    "verb.starta": ("starta", "start"),
    "verb.godkänna": ("godkänna", "approve"),
    "verb.fortsätta": ("fortsätta", "continue"),
    "verb.ändra": ("ändra", "change"),
    "verb.avbryta": ("avbryta", "discontinue"),
    "verb.avsluta": ("avsluta", "close"),
    "ms.quarter": ("kvartal {quarter} {year}", "Q{quarter} {year}"),
    # -- decision points and milestones ---------------------------------------------------
    "ms.next_decision": (
        "Registrera beslutet med: beslut {id} {outcomes} <motivering>",
        "Record the decision with: decision {id} {outcomes} <motivation>",
    ),
    "ms.next_no_outcomes": (
        "{id} har inga utfall angivna. En projektledare anger dem med: milstolpe ändra {id}",
        "{id} has no outcomes given. A project lead gives them with: milestone edit {id}",
    ),
    "ms.next_reached": (
        "Markera den uppnådd med: uppnådd {id}",
        "Mark it reached with: reached {id}",
    ),
    "ms.outcomes_line": ("Utfall enligt planen: {outcomes}", "Outcomes in the plan: {outcomes}"),
    "ms.body_line": ("Beslutande: {body}", "Decided by: {body}"),
    "ms.outcome_unknown": (
        "”{word}” är inget av utfallen för {id}. Skriv milstolpe {id} för att se dem.",
        "“{word}” is not one of the outcomes of {id}. Type milestone {id} to see them.",
    ),
    "ms.outcome_missing": (
        "{id} har {count} beslut – ge ett ord för vart och ett. Det saknas: {missing}",
        "{id} has {count} decisions – give one word for each. Missing: {missing}",
    ),
    "ms.outcome_conflict": (
        "{id}: ”{first}” och ”{second}” är alternativ till samma beslut – välj ett.",
        "{id}: “{first}” and “{second}” are alternatives of the same decision – pick one.",
    ),
    "ms.bad_decision_day": (
        "”{text}” är inget datum. Skriv beslutsdagen som ÅÅÅÅ-MM-DD.",
        "“{text}” is not a date. Write the day of decision as YYYY-MM-DD.",
    ),
    "ms.future_decision_day": (
        "Beslutsdagen {day} har inte varit än.",
        "The day of decision {day} has not come yet.",
    ),
    "ms.bad_outcomes": (
        "Jag förstod inte utfallen ”{text}”. Skriv till exempel: godkänna; fortsätta, ändra eller avbryta",
        "I did not understand the outcomes “{text}”. Write for example: godkänna; fortsätta, ändra eller avbryta",
    ),
    "ms.outcomes_missing": (
        "En beslutspunkt behöver sina utfall, till exempel: godkänna; fortsätta, ändra eller avbryta",
        "A decision point needs its outcomes, for example: godkänna; fortsätta, ändra eller avbryta",
    ),
    "ms.field.outcomes": ("Utfall (beslutspunkter)", "Outcomes (decision points)"),
    "ms.field.outcomes_help": (
        "Planens ord: ”;” mellan besluten, ”,” eller ”eller” mellan alternativen – till exempel "
        "godkänna; fortsätta, ändra eller avbryta",
        "The plan's words: “;” between decisions, “,” or “eller” between alternatives – for "
        "example godkänna; fortsätta, ändra eller avbryta",
    ),
    "ms.not_a_decision_point": (
        "{id} är en milstolpe, inte en beslutspunkt: den tar inga beslut. Markera den uppnådd "
        "med: uppnådd {id}",
        "{id} is a milestone, not a decision point: it takes no decisions. Mark it reached with: "
        "reached {id}",
    ),
    "ms.reach_decision_point": (
        "{id} är en beslutspunkt: den blir klar när beslutet registreras. {next}",
        "{id} is a decision point: it is done when its decision is recorded. {next}",
    ),
    "ms.forbidden_reached": (
        "Bara projektledare eller ägaren till {id} kan markera den uppnådd.",
        "Only project leads or the owner of {id} can mark it reached.",
    ),
    "ms.already_reached": (
        "{id} är redan markerad uppnådd ({day}, {name}).",
        "{id} is already marked reached ({day}, {name}).",
    ),
    "ms.reached_usage": (
        "Skriv vilken milstolpe, till exempel: uppnådd M-NYTTA",
        "Say which milestone, for example: reached M-NYTTA",
    ),
    "ms.reached_saved": (
        "{id} är markerad uppnådd {at} av {name}. Programkanalen har fått veta.",
        "{id} is marked reached {at} by {name}. The programme channel has been told.",
    ),
    "ms.reached_post": (
        "Milstolpe {id} ”{title}” ({date}) är uppnådd, enligt {name}.",
        "Milestone {id} “{title}” ({date}) is reached, says {name}.",
    ),
    "ms.row_reached": ("uppnådd {date} ({name})", "reached {date} ({name})"),
    "ms.row_unrecorded": ("inget beslut registrerat", "no decision recorded"),
    "ms.row_unreached": ("inte markerad uppnådd", "not marked reached"),
    "ms.row_overdue_milestone": (
        "FÖRSENAD, inte markerad uppnådd",
        "OVERDUE, not marked reached",
    ),
    "ms.nudge_milestone": (
        "Milstolpe {id} ”{title}” var {date} ({late} dagar sedan) och är inte markerad uppnådd. "
        "Jag påminner varje arbetsdag den första veckan, sedan en gång i veckan.",
        "Milestone {id} “{title}” was due {date} ({late} days ago) and is not marked reached. I "
        "remind you every working day for the first week, then once a week.",
    ),
    "ms.from_file": ("programfilen (import)", "the programme file (import)"),
    "ms.decision_line": (
        "  {day}: {outcome} – beslutat av {body}, registrerat av {name} {at}. {motivation}",
        "  {day}: {outcome} – decided by {body}, recorded by {name} {at}. {motivation}",
    ),
    "ms.no_body": ("(beslutande ej angivet)", "(deciding body not given)"),
    # -- change requests (programplan 7.5) ------------------------------------------------
    "change.decision.approved": ("beviljad", "approved"),
    "change.decision.rejected": ("avslagen", "rejected"),
    "change.decision.postponed": ("vilande", "postponed"),
    "change.submit_usage": (
        "Skriv: till beslut ÄND-2 <nivå>",
        "Write: submit ÄND-2 <level>",
    ),
    "change.not_a_change": (
        "{ref} är ingen ändringsbegäran: bara ändringsbegäranden beslutas så här.",
        "{ref} is not a change request: only change requests are decided this way.",
    ),
    "change.not_submittable": (
        "{ref} har status {status} och kan inte skickas till beslut.",
        "{ref} has status {status} and cannot be sent for decision.",
    ),
    "change.no_levels": (
        "Programfilen säger inte vem som beslutar om ändringar (governance.change_requests.levels).",
        "The programme file does not say who decides changes (governance.change_requests.levels).",
    ),
    "change.unknown_level": (
        "”{text}” är ingen beslutsnivå. Nivåerna: {levels}",
        "“{text}” is not a decision level. The levels: {levels}",
    ),
    "change.which_level": (
        "På vilken nivå ska {ref} beslutas? Det beror på hur stor påverkan är: {levels}",
        "At which level is {ref} to be decided? It depends on the size of the impact: {levels}",
    ),
    "change.submitted": (
        "{ref} väntar nu på beslut av {body}. {names} har fått veta.",
        "{ref} now awaits the decision of {body}. {names} have been told.",
    ),
    "change.to_decide": (
        "Ändringsbegäran {ref} ”{title}” väntar på beslut av {body}. Påverkan på omfattning: "
        "{scope}. Tidplan: {time}. Budget: {budget}. Besluta med: beslut {ref} "
        "beviljad|avslagen|vilande <motivering>",
        "Change request {ref} “{title}” awaits the decision of {body}. Impact on scope: {scope}. "
        "Time: {time}. Budget: {budget}. Decide with: decision {ref} approved|rejected|postponed "
        "<motivation>",
    ),
    "change.notify_submitted": (
        "Din ändringsbegäran {ref} ”{title}” väntar nu på beslut av {body}.",
        "Your change request {ref} “{title}” now awaits the decision of {body}.",
    ),
    "change.decision_usage": (
        "Skriv: beslut {ref} beviljad|avslagen|vilande [beslutsdag ÅÅÅÅ-MM-DD] <motivering>",
        "Write: decision {ref} approved|rejected|postponed [day of decision YYYY-MM-DD] <motivation>",
    ),
    "change.not_awaiting": (
        "{ref} väntar inte på beslut (status {status}). Skicka den först: till beslut {ref} <nivå>",
        "{ref} does not await a decision (status {status}). Send it first: submit {ref} <level>",
    ),
    "change.forbidden_decision": (
        "{ref} beslutas av {body}: bara {names} kan registrera beslutet.",
        "{ref} is decided by {body}: only {names} can record the decision.",
    ),
    "change.motivation_missing": (
        "Skriv också en motivering: beslut {ref} beviljad <motivering>",
        "Add a motivation too: decision {ref} approved <motivation>",
    ),
    "change.decided": (
        "Beslutet om {ref} är registrerat: {outcome}. Beslutat av {body} {day}, registrerat {at}. "
        "Anmälaren och den som skickade den till beslut har fått veta.",
        "The decision on {ref} is recorded: {outcome}. Decided by {body} {day}, recorded {at}. "
        "The reporter and whoever sent it for decision have been told.",
    ),
    "change.notify_decided": (
        "Din ändringsbegäran {ref} ”{title}” är {outcome} av {body} {day}. Motivering: {motivation}",
        "Your change request {ref} “{title}” is {outcome} by {body} {day}. Motivation: {motivation}",
    ),
    "change.notify_decided_handler": (
        "{ref} ”{title}”, som du skickade till beslut, är {outcome} av {body} {day}. Motivering: "
        "{motivation}",
        "{ref} “{title}”, which you sent for decision, is {outcome} by {body} {day}. Motivation: "
        "{motivation}",
    ),
    "change.decided_post": (
        "Ändringsbegäran {ref} ”{title}” är {outcome} av {body} {day} (registrerat av {name}). "
        "Motivering: {motivation}",
        "Change request {ref} “{title}” is {outcome} by {body} {day} (recorded by {name}). "
        "Motivation: {motivation}",
    ),
    "change.pending_title": (
        "Ändringsbegäranden som väntar på beslut:",
        "Change requests awaiting decision:",
    ),
    "change.pending_row": (
        "• {ref} · {title} · beslutas av {body} · sedan {since}\n"
        "   omfattning: {scope} · tidplan: {time} · budget: {budget}",
        "• {ref} · {title} · decided by {body} · since {since}\n"
        "   scope: {scope} · time: {time} · budget: {budget}",
    ),
    "change.pending_none": ("  (inga)", "  (none)"),
    "change.pending_points": (
        "Beslutspunkter som väntar på beslut:",
        "Decision points awaiting decision:",
    ),
    "change.status_by_decision": (
        "En ändringsbegäran får sin status genom beslut: till beslut {ref} <nivå>, sedan beslut "
        "{ref} beviljad|avslagen|vilande <motivering>.",
        "A change request gets its status by decision: submit {ref} <level>, then decision {ref} "
        "approved|rejected|postponed <motivation>.",
    ),
    "status.not_for_kind": (
        "Status {status} gäller inte {ref}.",
        "Status {status} does not apply to {ref}.",
    ),
    "risk.status_by_handover": (
        "En risk lämnas till linjen med: lämna {ref} till linjen <mottagande chef>",
        "A risk is handed to the line organisation with: handover {ref} <receiving manager>",
    ),
    "field.decision_level": ("Beslutsnivå", "Decision level"),
    "status.change.rejected": ("Avslagen", "Rejected"),
    # -- risks (programplan 7.8, 8) ------------------------------------------------------
    "ask.risk.probability": (
        "Hur sannolikt är det att det händer? 1 = osannolikt, 4 = mycket sannolikt.",
        "How likely is it to happen? 1 = unlikely, 4 = very likely.",
    ),
    "ask.review_date": (
        "När ska risken ses över nästa gång? Skriv till exempel ”om 4 veckor” eller "
        "”15 januari” (skriv ”-” så blir det om 30 dagar).",
        "When is the risk to be reviewed next? For example “in 4 weeks” or “15 January” "
        "(write “-” for 30 days from now).",
    ),
    "help.review_date": (
        "t.ex. ”om 4 veckor”, ”15 januari”; tomt = om 30 dagar",
        "e.g. “in 4 weeks”, “15 January”; empty = in 30 days",
    ),
    "help.owner": (
        "Någon i programmet; någon utanför: ”extern: namn”",
        "Someone in the programme; someone outside it: “extern: name”",
    ),
    "field.review_date": ("Nästa genomgång", "Next review"),
    "field.line_manager": ("Lämnad till (linjen)", "Handed to (line organisation)"),
    "past_when": ("{when} har redan varit.", "{when} has already passed."),
    "risk.owner_unknown": (
        "Jag hittar ingen ”{name}” i programmet. Skriv någon i programmet (till exempel {names}), "
        "eller ”extern: {name}” för någon utanför programmet – hen får då inga besked från mig.",
        "I find nobody called “{name}” in the programme. Write someone in the programme (for "
        "example {names}), or “extern: {name}” for someone outside it – who then hears nothing "
        "from me.",
    ),
    "risk.manager_unknown": (
        "Jag hittar ingen ”{name}” i programmet. Skriv den mottagande chefen, eller ”extern: "
        "{name}” för en chef i linjen utanför programmet.",
        "I find nobody called “{name}” in the programme. Write the receiving manager, or "
        "“extern: {name}” for a manager in the line organisation outside the programme.",
    ),
    "risk.saved_owner": (
        "{name} är riskägare och har fått besked. Nästa genomgång: {review}; då påminner jag {name}.",
        "{name} owns the risk and has been told. Next review: {review}; I will remind {name} then.",
    ),
    "risk.saved_own": (
        "Du är riskägare ({name}). Nästa genomgång: {review}; då påminner jag dig.",
        "You own the risk ({name}). Next review: {review}; I will remind you then.",
    ),
    "risk.saved_external": (
        "Riskägaren {name} är utanför programmet och är markerad så; jag kan inte meddela hen. "
        "Nästa genomgång: {review}; då påminner jag dig.",
        "The risk owner {name} is outside the programme and marked so; I cannot tell them. Next "
        "review: {review}; I will remind you then.",
    ),
    "risk.owner_told": (
        "Du är riskägare för {ref} ”{title}” (riskvärde {value}), enligt {actor}. Nästa "
        "genomgång: {review}. Se risken: visa {ref}. Efter genomgång: granska {ref} <nästa datum>",
        "You own the risk {ref} “{title}” (risk value {value}), says {actor}. Next review: "
        "{review}. See it: show {ref}. After a review: review {ref} <next date>",
    ),
    "risk.owner_usage": (
        "Skriv: riskägare RIS-4 <namn> (någon utanför programmet: extern: <namn>)",
        "Write: riskowner RIS-4 <name> (someone outside the programme: extern: <name>)",
    ),
    "risk.owner_set": (
        "{name} är nu riskägare för {ref} och har fått besked.",
        "{name} now owns {ref} and has been told.",
    ),
    "risk.owner_set_external": (
        "{name} (utanför programmet) är nu riskägare för {ref}; hen får inga besked från mig.",
        "{name} (outside the programme) now owns {ref}; they hear nothing from me.",
    ),
    "risk.review_due": (
        "Dags att se över risken {ref} ”{title}” (riskvärde {value}, ägare {owner}). Efter "
        "genomgången: granska {ref} <nästa datum> [kommentar]. Kan programmet inte hantera den "
        "själv: lämna {ref} till linjen <mottagande chef> – <motivering>",
        "Time to review the risk {ref} “{title}” (risk value {value}, owner {owner}). After the "
        "review: review {ref} <next date> [comment]. If the programme cannot handle it itself: "
        "handover {ref} <receiving manager> – <reason>",
    ),
    "risk.review_usage": (
        "Skriv: granska RIS-4 <nästa datum> [kommentar]",
        "Write: review RIS-4 <next date> [comment]",
    ),
    "risk.bad_review": (
        "Jag förstod inte nästa genomgång ”{text}” – ett datum framåt i tiden, till exempel ”om 4 veckor”.",
        "I did not understand the next review “{text}” – a date ahead, for example “in 4 weeks”.",
    ),
    "risk.reviewed": (
        "{ref} är granskad. Nästa genomgång: {day}.",
        "{ref} is reviewed. Next review: {day}.",
    ),
    "risk.handover_usage": (
        "Skriv: lämna RIS-4 till linjen <mottagande chef> – <motivering>",
        "Write: handover RIS-4 <receiving manager> – <reason>",
    ),
    "risk.handed_over": (
        "{ref} är lämnad till linjen: mottagande chef {manager}, {at}. Riskägaren, anmälaren och "
        "chefen (om hen finns i programmet) har fått besked.",
        "{ref} is handed to the line organisation: receiving manager {manager}, {at}. The owner, "
        "the reporter and the manager (if in the programme) have been told.",
    ),
    "risk.handover_manager": (
        "{actor} har lämnat risken {ref} ”{title}” (riskvärde {value}) från FVIS-programmet till "
        "dig i linjen: programmet genererar den men kan inte hantera den själv. Motivering: "
        "{note}. Se den: visa {ref}",
        "{actor} has handed the risk {ref} “{title}” (risk value {value}) from the FVIS programme "
        "to you in the line organisation: the programme generates it but cannot handle it "
        "itself. Reason: {note}. See it: show {ref}",
    ),
    "risk.handover_owner": (
        "Risken {ref} ”{title}” som du äger är lämnad till linjen, till {manager} ({actor}). "
        "Motivering: {note}",
        "The risk {ref} “{title}” you own is handed to the line organisation, to {manager} "
        "({actor}). Reason: {note}",
    ),
    "risk.handover_reporter": (
        "Din risk {ref} ”{title}” är lämnad till linjen, till {manager} ({actor}). Motivering: {note}",
        "Your risk {ref} “{title}” is handed to the line organisation, to {manager} ({actor}). "
        "Reason: {note}",
    ),
    "risk.not_open": (
        "{ref} har status {status} och kan inte lämnas till linjen.",
        "{ref} has status {status} and cannot be handed over.",
    ),
    "risk.not_a_risk": ("{ref} är ingen risk.", "{ref} is not a risk."),
    "risk.forbidden": (
        "Bara handläggare, projektledare och riskägaren kan göra det med {ref}.",
        "Only handlers, project leads and the risk owner can do that with {ref}.",
    ),
    "risk.external_mark": ("utanför programmet", "outside the programme"),
    "demo.notice": (
        "Demodata: personerna, kanalerna och punkterna märkta (demo) är påhittade. Beslutspunkterna "
        "B1–B7 är programplanens (5.4), men inga beslut är registrerade.",
        "Demo data: the people, channels and points marked (demo) are made up. Decision points "
        "B1–B7 are the programme plan's (5.4), but no decisions are recorded.",
    ),
}
