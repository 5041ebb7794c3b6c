"""Texts of the loops around an entry (issue 12): notices to handlers, reporters, assignees and
the levels an issue is escalated to; reopening, confirming, joining; lists and the digest.
key -> (sv, en). Swedish agrees in gender: ditt behov, ditt ärende, din avvikelse, din risk,
din ändringsbegäran."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # kinds with their gender
    "new_kind.need": ("Nytt behov", "New need"),
    "new_kind.issue": ("Nytt ärende", "New issue"),
    "new_kind.deviation": ("Ny avvikelse", "New deviation"),
    "new_kind.risk": ("Ny risk", "New risk"),
    "new_kind.change": ("Ny ändringsbegäran", "New change request"),
    "yours.need": ("ditt behov", "your need"),
    "yours.issue": ("ditt ärende", "your issue"),
    "yours.deviation": ("din avvikelse", "your deviation"),
    "yours.risk": ("din risk", "your risk"),
    "yours.change": ("din ändringsbegäran", "your change request"),
    "Yours.need": ("Ditt behov", "Your need"),
    "Yours.issue": ("Ditt ärende", "Your issue"),
    "Yours.deviation": ("Din avvikelse", "Your deviation"),
    "Yours.risk": ("Din risk", "Your risk"),
    "Yours.change": ("Din ändringsbegäran", "Your change request"),
    # to handlers
    "notice.new_entry": (
        "{new_kind} att hantera: {ref} ”{title}” från {reporter}{details}",
        "{new_kind} to handle: {ref} “{title}” from {reporter}{details}",
    ),
    "notice.new_deviation_channel": (
        "Ny avvikelse att hantera: {ref}. Handläggare: visa {ref}.",
        "New deviation to handle: {ref}. Handlers: show {ref}.",
    ),
    "notice.nobody_reached": (
        "Ingen handläggare kunde nås om {ref}. Se över handling i programfilen.",
        "No handler could be reached about {ref}. Check handling in the programme file.",
    ),
    "notice.comment": ("Kommentera", "Comment"),
    "notice.confirm_fixed": ("Ja, det är löst", "Yes, it is fixed"),
    "notice.not_fixed": ("Inte löst – öppna igen", "Not fixed – reopen"),
    "reported_by_many": ("{count} har rapporterat detta", "{count} have reported this"),
    "rule.risk_value": ("Regel: riskvärde {value} ≥ {limit}", "Rule: risk value {value} ≥ {limit}"),
    "notify_status_assignee": (
        "{actor} satte status {status} på {ref} ”{title}”, som du handlägger.",
        "{actor} set {ref} “{title}”, which you handle, to {status}.",
    ),
    "notify_reporter_comment": (
        "{actor}, som rapporterat {ref} ”{title}”, skriver: {text}",
        "{actor}, who reported {ref} “{title}”, writes: {text}",
    ),
    "notify_comment_assignee": (
        "{actor} kommenterade {ref} ”{title}”, som du handlägger: {text}",
        "{actor} commented on {ref} “{title}”, which you handle: {text}",
    ),
    # escalation (issues only)
    "escalate_route.need": (
        "Bara ärenden eskaleras. {ref} är ett behov: behov går till behovshanteringen (DigIn), "
        "som prioriterar dem.",
        "Only issues are escalated. {ref} is a need: needs go to the needs function (DigIn), "
        "which prioritises them.",
    ),
    "escalate_route.deviation": (
        "Bara ärenden eskaleras. {ref} är en avvikelse: programkontoret hanterar den, och efter "
        "införandet regionens avvikelsesystem.",
        "Only issues are escalated. {ref} is a deviation: the programme office handles it, and "
        "after go-live the region's deviation system.",
    ),
    "escalate_route.risk": (
        "Bara ärenden eskaleras. {ref} är en risk: riskägaren hanterar den enligt riktlinjen för "
        "riskhantering.",
        "Only issues are escalated. {ref} is a risk: its owner handles it by the risk "
        "management guideline.",
    ),
    "escalate_route.change": (
        "Bara ärenden eskaleras. {ref} är en ändringsbegäran: den beslutas enligt riktlinjen för "
        "ändringshantering.",
        "Only issues are escalated. {ref} is a change request: it is decided by the change "
        "management guideline.",
    ),
    "escalate_reason_missing": (
        "Skriv varför det ska eskaleras, till exempel: eskalera ÄRE-7 Projektet kan inte besluta.",
        "Say why it should be escalated, for example: escalate ÄRE-7 The project cannot decide.",
    ),
    "escalate_why": (
        "Varför ska {ref} eskaleras till {level}? Skälet följer med beskedet till dem.",
        "Why should {ref} be escalated to {level}? The reason goes with the notice to them.",
    ),
    "escalate_title": ("Eskalera {ref}", "Escalate {ref}"),
    "escalate_next": ("Vidare", "Next"),
    "field.escalation_reason": ("Skäl till eskalering", "Reason for escalation"),
    "escalate_confirm": (
        "Eskalera {ref} ”{title}” till {level}?\nSkäl: {reason}\nBesked går till: {people}",
        "Escalate {ref} “{title}” to {level}?\nReason: {reason}\nThe notice goes to: {people}",
    ),
    "escalate_nobody": (
        "ingen – nivån har inga personer i programfilen",
        "nobody – the level has no people in the programme file",
    ),
    "escalate_yes": ("Ja, eskalera", "Yes, escalate"),
    "escalate_stale": (
        "Den eskaleringen är redan gjord eller avbruten. Skriv eskalera ÄRE-7 <skäl> för att "
        "börja om.",
        "That escalation is already done or cancelled. Write escalate ÄRE-7 <reason> to start "
        "again.",
    ),
    "escalate_cancelled": (
        "Inget eskalerades; {ref} är som förut.",
        "Nothing was escalated; {ref} is as before.",
    ),
    "escalate_told": ("Besked gick till {names}.", "Told: {names}."),
    "escalate_none_told": (
        "Ingen på nivån {level} kunde nås. Lägg till dem i programfilen (organisation) eller "
        "kontakta dem själv.",
        "Nobody at the level {level} could be reached. Add them to the programme file "
        "(organisation) or contact them yourself.",
    ),
    "notify_escalated_level": (
        "{ref} ”{title}” är eskalerat till {level} av {actor}.\nSkäl: {reason}\n"
        "Rapporterat av {reporter}{details}",
        "{ref} “{title}” is escalated to {level} by {actor}.\nReason: {reason}\n"
        "Reported by {reporter}{details}",
    ),
    # the reporter's follow-up
    "followup_reporters_only": (
        "Bara den som rapporterat {ref} kan göra det. Handläggare ändrar status med: status {ref} "
        "<status>.",
        "Only those who reported {ref} can do that. Handlers change its status with: status {ref} "
        "<status>.",
    ),
    "reopen_not_resolved": (
        "{ref} har status {status} och är inte löst, så det finns inget att öppna igen.",
        "{ref} has status {status} and is not resolved, so there is nothing to reopen.",
    ),
    "reopen_reason_missing": (
        "Skriv vad som inte är löst, till exempel: öppna igen {ref} Det hänger fortfarande.",
        "Say what is not fixed, for example: reopen {ref} It still freezes.",
    ),
    "reopen_why": (
        "Vad är inte löst med {ref}? Det du skriver går till den som handlägger.",
        "What is not fixed about {ref}? What you write goes to whoever handles it.",
    ),
    "reopen_title": ("Öppna {ref} igen", "Reopen {ref}"),
    "reopen_submit": ("Öppna igen", "Reopen"),
    "field.reopened": ("Öppnad igen – varför", "Reopened – why"),
    "reopened": (
        "{ref} har öppnats igen och har status {status}. Den som handlägger har fått besked.",
        "{ref} is reopened with status {status}. Whoever handles it has been told.",
    ),
    "notify_reopened": (
        "{actor} öppnade {ref} ”{title}” igen: {reason}",
        "{actor} reopened {ref} “{title}”: {reason}",
    ),
    "confirm_not_resolved": (
        "{ref} har status {status}. Du kan bekräfta när det är löst.",
        "{ref} has status {status}. You can confirm once it is resolved.",
    ),
    "confirmed": (
        "Tack! {ref} har stängts. Den som löste det har fått besked.",
        "Thank you! {ref} is closed. Whoever resolved it has been told.",
    ),
    "notify_confirmed": (
        "{actor} bekräftar att {ref} ”{title}” är löst; det har stängts.",
        "{actor} confirms that {ref} “{title}” is fixed; it is closed.",
    ),
    # duplicates
    "similar_found": (
        "Det finns liknande som redan är rapporterat. Är det samma sak? Då läggs du till och får "
        "besked när något händer.",
        "Something similar is already reported. Is it the same thing? Then you are added and "
        "hear when something happens.",
    ),
    "similar_row": ("{ref} ”{title}” · {status} · {count}", "{ref} “{title}” · {status} · {count}"),
    "similar_same": ("Samma sak – lägg till mig", "Same thing – add me"),
    "similar_or_new": ("Eller är det något annat?", "Or is it something else?"),
    "similar_new": ("Nej, något annat", "No, something else"),
    "similar_new_form": ("Nej, spara som nytt", "No, save it as new"),
    "joined": (
        "Tack! Du är tillagd på {ref} – nu har {count} rapporterat detta. Du får besked här när "
        "något händer med det.",
        "Thank you! You are added to {ref} – {count} have now reported this. You will hear from "
        "me here when something happens to it.",
    ),
    "join_already": ("Du är redan med på {ref}.", "You are already on {ref}."),
    "join_closed": (
        "{ref} har status {status}; registrera gärna ett nytt i stället.",
        "{ref} has status {status}; please log a new one instead.",
    ),
    "notify_joined": (
        "{actor} har också rapporterat {ref} ”{title}” – nu har {count} rapporterat detta.",
        "{actor} has also reported {ref} “{title}” – {count} have now reported this.",
    ),
    "field.reporters": ("Antal som rapporterat", "Number who reported"),
    # the handler sets what the reporter could not know
    "opt.benefit.unknown": ("Vet inte", "Don't know"),
    "benefit_needs_only": (
        "Nyttoobjekt finns bara på behov, och {ref} är inget behov.",
        "Only needs have a benefit objective, and {ref} is not a need.",
    ),
    "benefit_usage": (
        "Skriv ett nyttoobjekt 1–5, till exempel: nyttoobjekt BEH-3 2",
        "Give a benefit objective 1–5, for example: benefit BEH-3 2",
    ),
    "benefit_set": (
        "{ref} har nu nyttoobjekt {benefit}.",
        "{ref} now has benefit objective {benefit}.",
    ),
    "benefit_unknown_note": (
        "Nyttoobjekt: vet inte – handläggaren sätter det.",
        "Benefit objective: not known – the handler sets it.",
    ),
    # notices one by one or daily
    "notices_unknown_person": (
        "Den inställningen finns för personer i programfilen. Be programkontoret lägga till dig.",
        "That setting is for people in the programme file. Ask the programme office to add you.",
    ),
    "notices_daily": (
        "Klart: nya poster att hantera kommer i en sammanfattning en gång om dagen. Skriv "
        "notiser direkt för att få dem en och en igen.",
        "Done: new entries to handle come in a digest once a day. Write notices immediate to "
        "get them one by one again.",
    ),
    "notices_at_once": (
        "Klart: du får besked om varje ny post att hantera direkt.",
        "Done: you hear of every new entry to handle at once.",
    ),
    "notices_now_daily": (
        "Du får nya poster i en daglig sammanfattning. Skriv notiser direkt för att få dem en "
        "och en.",
        "You get new entries in a daily digest. Write notices immediate to get them one by one.",
    ),
    "notices_now_at_once": (
        "Du får besked om varje ny post direkt. Skriv notiser dagligen för en sammanfattning om "
        "dagen i stället.",
        "You hear of every new entry at once. Write notices daily for one digest a day instead.",
    ),
    "digest": (
        "Sammanfattning: {count} nya poster att hantera sedan sist:",
        "Digest: {count} new entries to handle since last time:",
    ),
    "digest_unassigned": ("Lista otilldelade", "List unassigned"),
    "comment_on_resolved": (
        "{ref} är markerat som löst. Stämmer det, eller ska det öppnas igen?",
        "{ref} is marked as resolved. Is that right, or should it be reopened?",
    ),
    # comments by button
    "comment_field": ("Kommentar", "Comment"),
    "comment_title": ("Kommentera {ref}", "Comment on {ref}"),
    "comment_submit": ("Skicka", "Send"),
    # lists that fit the work
    "age.now": ("nyss", "just now"),
    "age.hours": ("{count} tim", "{count} h"),
    "age.day": ("1 dag", "1 day"),
    "age.days": ("{count} dagar", "{count} days"),
    "list_queue_header": (
        "{count} att hantera, mest brådskande och äldst först{more}:",
        "{count} to handle, most urgent and oldest first{more}:",
    ),
    "list_queue_more": (" (visar {shown})", " (showing {shown})"),
    "list_queue_empty": ("Inget att hantera här just nu.", "Nothing to handle here right now."),
}
