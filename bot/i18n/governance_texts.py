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
    "demo.notice": (
        "Demodata: personerna, kanalerna och punkterna märkta (demo) är påhittade. Beslutspunkterna "
        "B1–B7 är programplanens (5.4), men inga beslut är registrerade.",
        "Demo data: the people, channels and points marked (demo) are made up. Decision points "
        "B1–B7 are the programme plan's (5.4), but no decisions are recorded.",
    ),
}
