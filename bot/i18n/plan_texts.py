"""User-facing texts of the time feature, in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- milestones and decisions ---------------------------------------------------------
    "ms.kind.decision": ("beslutspunkt", "decision point"),
    "ms.kind.milestone": ("milstolpe", "milestone"),
    "ms.outcome.continue": ("fortsätta", "continue"),
    "ms.outcome.change": ("ändra", "change"),
    "ms.outcome.stop": ("avbryta", "stop"),
    "ms.list_title": (
        "Kommande milstolpar och beslutspunkter:",
        "Coming milestones and decision points:",
    ),
    "ms.list_all_title": (
        "Alla milstolpar och beslutspunkter:",
        "All milestones and decision points:",
    ),
    "ms.list_empty": ("Inga kommande milstolpar.", "No coming milestones."),
    "ms.row": (
        "{id} · {kind} · {date} · {owner} · {title}",
        "{id} · {kind} · {date} · {owner} · {title}",
    ),
    "ms.row_in_days": ("om {days} dagar", "in {days} days"),
    "ms.row_today": ("i dag", "today"),
    "ms.row_overdue": ("FÖRSENAD, inget beslut registrerat", "OVERDUE, no decision recorded"),
    "ms.row_decided": (
        "beslut: {outcome} ({body} {date}, registrerat av {name})",
        "decision: {outcome} ({body} {date}, recorded by {name})",
    ),
    "ms.list_hint": (
        "Registrera ett beslut: beslut B5-R2 <utfall> <motivering> (utfallen står vid punkten). "
        "Markera en milstolpe uppnådd: uppnådd M-NYTTA. Alla: milstolpar alla.",
        "Record a decision: decision B5-R2 <outcome> <motivation> (the outcomes are listed with "
        "the point). Mark a milestone reached: reached M-NYTTA. All: milestones all.",
    ),
    "ms.choice.new": ("Ny milstolpe", "New milestone"),
    "ms.choice.all": ("Visa alla", "Show all"),
    "ms.form_title": ("Milstolpe eller beslutspunkt", "Milestone or decision point"),
    "ms.form_submit": ("Spara", "Save"),
    "ms.field.id": ("Id (till exempel B5-R2)", "Id (for example B5-R2)"),
    "ms.field.title": ("Rubrik", "Title"),
    "ms.field.kind": ("Typ", "Type"),
    "ms.field.date": ("Datum eller kvartal", "Date or quarter"),
    "ms.field.date_help": (
        "2027-03-15, 2027-Q1 (sista arbetsdagen i kvartalet) eller t.ex. ”15 mars 2027”.",
        "2027-03-15, 2027-Q1 (the quarter's last working day) or e.g. “15 March 2027”.",
    ),
    "ms.field.owner": ("Ägare (namn eller id)", "Owner (name or id)"),
    "ms.saved_new": (
        "{id} är sparad: {kind}, {date}, ägare {owner}. Påminnelser går ut {offsets} dagar före.",
        "{id} is saved: {kind}, {date}, owner {owner}. Reminders go out {offsets} days before.",
    ),
    "ms.saved_changed": (
        "{id} är ändrad: {kind}, {date}, ägare {owner}.",
        "{id} is changed: {kind}, {date}, owner {owner}.",
    ),
    "ms.required": ("Fyll i det här fältet.", "Fill in this field."),
    "ms.forbidden_edit": (
        "Bara projektledare kan lägga till eller ändra milstolpar.",
        "Only project leads can add or change milestones.",
    ),
    "ms.forbidden_decision": (
        "Bara projektledare eller ägaren till {id} kan registrera dess beslut.",
        "Only project leads or the owner of {id} can record its decision.",
    ),
    "ms.bad_id": (
        "”{text}” duger inte som id: använd bokstäver, siffror och bindestreck, till exempel B5-R2.",
        "“{text}” cannot be an id: use letters, digits and hyphens, for example B5-R2.",
    ),
    "ms.bad_date": (
        "Jag förstod inte datumet ”{text}”. Skriv till exempel 2027-03-15, 2027-Q1 eller 15 mars 2027.",
        "I did not understand the date “{text}”. Write for example 2027-03-15, 2027-Q1 or 15 March 2027.",
    ),
    "ms.unknown_owner": (
        "Jag hittar ingen person som heter ”{name}”.",
        "I find nobody called “{name}”.",
    ),
    "ms.not_found": (
        "Det finns ingen milstolpe ”{text}”. Skriv milstolpar för att se dem.",
        "There is no milestone “{text}”. Type milestones to see them.",
    ),
    "ms.ambiguous": (
        "”{text}” kan vara flera: {ids}. Skriv hela id:t.",
        "“{text}” could be several: {ids}. Type the whole id.",
    ),
    "ms.decision_usage": (
        "Skriv: beslut B4 <utfall> [beslutsdag ÅÅÅÅ-MM-DD] <motivering>. Punktens utfall visar "
        "milstolpe B4.",
        "Write: decision B4 <outcome> [day of decision YYYY-MM-DD] <motivation>. milestone B4 "
        "shows the point's outcomes.",
    ),
    "ms.motivation_missing": (
        "Skriv också en motivering: beslut {id} {outcome} <motivering>",
        "Add a motivation too: decision {id} {outcome} <motivation>",
    ),
    "ms.decision_saved": (
        "Beslutet vid {id} är registrerat: {outcome}. Beslutat av {body} {day}. Registrerat av "
        "{name} {at}.",
        "The decision at {id} is recorded: {outcome}. Decided by {body} {day}. Recorded by "
        "{name} {at}.",
    ),
    "ms.decision_post": (
        "Beslut vid {id} ”{title}”: {outcome}. Beslutat av {body} {day}. Motivering: "
        "{motivation} (registrerat av {name})",
        "Decision at {id} “{title}”: {outcome}. Decided by {body} {day}. Motivation: "
        "{motivation} (recorded by {name})",
    ),
    "ms.reminder": (
        "Påminnelse: {kind} {id} ”{title}” är {date}, om {days} dagar. Ägare: {owner}.",
        "Reminder: {kind} {id} “{title}” is on {date}, in {days} days. Owner: {owner}.",
    ),
    "ms.nudge": (
        "{id} ”{title}” var {date} ({late} dagar sedan) och inget beslut är registrerat. Jag "
        "påminner varje arbetsdag den första veckan, sedan en gång i veckan.",
        "{id} “{title}” was due {date} ({late} days ago) and no decision is recorded. I remind "
        "you every working day for the first week, then once a week.",
    ),
    "ms.missed": (
        "Boten var inte igång när den här påminnelsen skulle gå ut; den gick därför inte till kanalen. {reminder}",
        "The bot was not running when this reminder was due, so it did not go to the channel. {reminder}",
    ),
    "ms.post_failed": (
        "Påminnelsen om {id} kunde inte postas: {errors}",
        "The reminder about {id} could not be posted: {errors}",
    ),
    # -- personal reminders ---------------------------------------------------------------
    "remind.usage": (
        "Skriv till exempel: påminn mig nästa fredag kl 9 om B5-underlaget",
        "Write for example: remind me in 2 hours to call the ward",
    ),
    "remind.ask_when": (
        "När vill du bli påmind om ”{text}”? Skriv till exempel ”i morgon kl 8” eller ”om 2 timmar”.",
        "When do you want to be reminded about “{text}”? Write for example “tomorrow 8am” or “in 2 hours”.",
    ),
    "remind.ask_what": (
        "Vad ska jag påminna dig om {when}?",
        "What shall I remind you about {when}?",
    ),
    "remind.not_understood": (
        "Jag förstod inte tiden ”{text}”. Skriv till exempel ”nästa fredag kl 9”, ”den 3 december kl 10” eller ”om 20 minuter”.",
        "I did not understand the time “{text}”. Write for example “next Friday at 9”, “3 December 10:00” or “in 20 minutes”.",
    ),
    "remind.past_when": (
        "{when} har redan varit. När vill du bli påmind i stället?",
        "{when} has already passed. When do you want to be reminded instead?",
    ),
    "remind.past": ("Den tiden har redan varit.", "That time has already passed."),
    "remind.saved": (
        "Jag påminner dig {when} om: {text}",
        "I will remind you {when} about: {text}",
    ),
    "remind.too_many": (
        "Du har redan {limit} påminnelser. Ta bort några först (påminnelser).",
        "You already have {limit} reminders. Remove some first (reminders).",
    ),
    "remind.not_found": (
        "Den påminnelsen finns inte (längre).",
        "That reminder does not exist (any more).",
    ),
    "remind.cancelled": ("Påminnelsen {when} är borttagen.", "The reminder at {when} is removed."),
    "remind.list_title": ("Dina påminnelser:", "Your reminders:"),
    "remind.list_empty": ("Du har inga påminnelser.", "You have no reminders."),
    "remind.choice.cancel": ("Ta bort {when}", "Remove {when}"),
    "remind.post": ("Påminnelse: {text}", "Reminder: {text}"),
    "remind.missed": (
        "Boten var inte igång {when}, när du skulle ha påmints om: {text}",
        "The bot was not running at {when}, when you were to be reminded about: {text}",
    ),
    "remind.unconfirmed": (
        "Boten stoppades medan den skickade din påminnelse från {when}; kanske kom den inte fram. Den gällde: {text}",
        "The bot stopped while sending your reminder of {when}; it may not have arrived. It was about: {text}",
    ),
    # -- the communication plan -----------------------------------------------------------
    "comms.status.draft": ("utkast", "draft"),
    "comms.status.awaiting_approval": ("väntar på godkännande", "awaiting approval"),
    "comms.status.approved": ("godkänd, schemalagd", "approved, scheduled"),
    "comms.status.published": ("publicerad", "published"),
    "comms.status.failed": ("misslyckad", "failed"),
    "comms.status.missed": ("missad", "missed"),
    "comms.status.cancelled": ("inställd", "cancelled"),
    "comms.status.withdrawn": ("tillbakadragen", "withdrawn"),
    "comms.post.sent": ("postad {at}", "posted {at}"),
    "comms.post.failed": ("misslyckad: {error}", "failed: {error}"),
    "comms.post.waiting": (
        "väntar på att kanalen kopplas in",
        "waiting for the channel to be connected",
    ),
    "comms.post.missed": ("missad (boten var inte igång)", "missed (the bot was not running)"),
    "comms.post.unconfirmed": (
        "okänt om den kom fram – kontrollera kanalen",
        "unknown whether it arrived – check the channel",
    ),
    "comms.post.withdrawn": ("tillbakadragen {at}", "withdrawn {at}"),
    "comms.post.cancelled": ("inställd", "cancelled"),
    "comms.post.claimed": ("postas nu", "being posted"),
    "comms.channel.webchat": ("webbchattens kanal", "web chat channel"),
    "comms.channel.slack": ("Slack-kanal", "Slack channel"),
    "comms.channel.teams": ("Teams-kanal", "Teams channel"),
    "comms.channel.sharepoint": ("intranätets nyheter", "intranet news"),
    "comms.weekly": ("varje vecka", "every week"),
    "comms.list_coming": ("På gång i kommunikationsplanen:", "Coming in the communication plan:"),
    "comms.list_done": ("Har gått ut:", "Went out:"),
    "comms.list_empty": ("Kommunikationsplanen är tom.", "The communication plan is empty."),
    "comms.row": ("{ref} · {status} · {when} · {title}", "{ref} · {status} · {when} · {title}"),
    "comms.choice.new": ("Ny kommunikation", "New communication"),
    "comms.choice.show": ("Visa {ref}", "Show {ref}"),
    "comms.choice.submit": ("Skicka för godkännande", "Send for approval"),
    "comms.choice.approve": ("Godkänn {ref}", "Approve {ref}"),
    "comms.choice.edit": ("Ändra {ref}", "Edit {ref}"),
    "comms.choice.cancel": ("Ställ in {ref}", "Cancel {ref}"),
    "comms.choice.withdraw": ("Dra tillbaka {ref}", "Withdraw {ref}"),
    "comms.choice.repost": ("Posta igen: {where}", "Post again: {where}"),
    "comms.form_title": ("Kommunikation", "Communication"),
    "comms.form_submit": ("Spara utkast", "Save draft"),
    "comms.form_save": ("Spara ändringen", "Save the change"),
    "comms.field.title": ("Rubrik", "Title"),
    "comms.field.body": ("Meddelande (svenska)", "Message (Swedish)"),
    "comms.field.body_en": ("Meddelande på engelska (valfritt)", "Message in English (optional)"),
    "comms.field.audiences": ("Målgrupper", "Audiences"),
    "comms.field.audiences_help": (
        "Välj en eller flera.",
        "Choose one or more.",
    ),
    "comms.field.channels": ("Kanaler", "Channels"),
    "comms.field.channels_help": (
        "Välj en eller flera. En kanal som ännu inte är inkopplad väntar tills den är det.",
        "Choose one or more. A channel not connected yet waits until it is.",
    ),
    "comms.field.send_at": ("Skickas", "Send at"),
    "comms.field.send_at_help": (
        "T.ex. ”nästa fredag kl 9” eller ”2026-12-03 10:00”.",
        "E.g. “next Friday at 9” or “2026-12-03 10:00”.",
    ),
    "comms.field.recurrence": ("Upprepning", "Recurrence"),
    "comms.recurrence.none": ("Ingen", "None"),
    "comms.recurrence.weekly": ("Varje vecka", "Every week"),
    "comms.bad_audience": (
        "Okänd målgrupp: {text}. Välj bland: {names}",
        "Unknown audience: {text}. Choose from: {names}",
    ),
    "comms.bad_channel": (
        "Okänd kanal: {text}. Välj bland: {names}",
        "Unknown channel: {text}. Choose from: {names}",
    ),
    "comms.bad_when": (
        "Jag förstod inte tiden ”{text}”.",
        "I did not understand the time “{text}”.",
    ),
    "comms.when_past": (
        "{when} har redan varit; välj en tid framåt.",
        "{when} has passed; choose a time ahead.",
    ),
    "comms.saved": ("{ref} är sparad som utkast.", "{ref} is saved as a draft."),
    "comms.edited": ("{ref} är ändrad.", "{ref} is changed."),
    "comms.edited_back": (
        "{ref} är ändrad och måste godkännas igen.",
        "{ref} is changed and must be approved again.",
    ),
    "comms.lix": ("Läsbarhet (LIX): {lix}.", "Readability (LIX): {lix}."),
    "comms.lix_hard": (
        "Läsbarhet (LIX): {lix} – svår att ta till sig. Planen ber om lättlästa budskap: korta meningar och vanliga ord (sikta på under 50).",
        "Readability (LIX): {lix} – hard to take in. The plan asks for messages that are easy to read: short sentences and common words (aim below 50).",
    ),
    "comms.show": (
        "{ref} ”{title}”\nStatus: {status}\nSkickas: {when}{weekly}\nMålgrupper: {audiences}\nKanaler: {channels}\nFörfattare: {author}{approved}\n\n{body}",
        "{ref} “{title}”\nStatus: {status}\nSend at: {when}{weekly}\nAudiences: {audiences}\nChannels: {channels}\nAuthor: {author}{approved}\n\n{body}",
    ),
    "comms.approved_by": ("\nGodkänd av: {name}", "\nApproved by: {name}"),
    "comms.posts": ("Inlägg:", "Posts:"),
    "comms.submitted": (
        "{ref} väntar nu på godkännande av en annan kommunikatör.",
        "{ref} now awaits approval by another communicator.",
    ),
    "comms.approved": (
        "{ref} är godkänd och går ut {when} i: {channels}.",
        "{ref} is approved and goes out {when} on: {channels}.",
    ),
    "comms.cancelled": (
        "{ref} är inställd; inget postas.",
        "{ref} is cancelled; nothing will be posted.",
    ),
    "comms.withdraw_confirm": (
        "Vill du dra tillbaka {ref}? Den tas bort från alla kanaler där den är publicerad "
        "({channels}). Det går inte att ångra.",
        "Do you want to withdraw {ref}? It is taken down from every channel where it is "
        "published ({channels}). This cannot be undone.",
    ),
    "comms.choice.withdraw_yes": ("Ja, dra tillbaka {ref}", "Yes, withdraw {ref}"),
    "comms.choice.keep": ("Nej, låt {ref} vara kvar", "No, keep {ref}"),
    "comms.kept": ("Inget ändrades.", "Nothing was changed."),
    "comms.withdrawn": (
        "{ref} är tillbakadragen från alla kanaler där den postades.",
        "{ref} is withdrawn from every channel where it was posted.",
    ),
    "comms.withdraw_errors": (
        "{ref} är markerad som tillbakadragen, men här gick det inte: {errors}",
        "{ref} is marked withdrawn, but here it did not work: {errors}",
    ),
    "comms.reposted": ("Postad igen i {where}.", "Posted again in {where}."),
    "comms.repost_failed": ("Det gick inte heller nu: {error}", "That failed again: {error}"),
    "comms.usage": (
        "Skriv: kommunikation [ny|visa N|godkänn N|ändra N|ställ in N|dra tillbaka N]",
        "Write: comms [new|show N|approve N|edit N|cancel N|withdraw N]",
    ),
    "comms.forbidden": (
        "Kommunikationsplanen är till för kommunikatörer och projektledare.",
        "The communication plan is for communicators and project leads.",
    ),
    "comms.forbidden_draft": (
        "Bara kommunikatörer kan skriva och godkänna kommunikation.",
        "Only communicators can write and approve communication.",
    ),
    "comms.forbidden_cancel": (
        "Bara författaren eller en projektledare kan ställa in {ref}.",
        "Only the author or a project lead can cancel {ref}.",
    ),
    "comms.forbidden_withdraw": (
        "Bara författaren eller en projektledare kan dra tillbaka {ref}.",
        "Only the author or a project lead can withdraw {ref}.",
    ),
    "comms.own_approval": (
        "Du kan inte godkänna {ref}: du har skrivit eller ändrat den. En annan kommunikatör godkänner.",
        "You cannot approve {ref}: you wrote or changed it. Another communicator approves.",
    ),
    "comms.send_at_past": (
        "Tiden för {ref} har redan varit. Ändra tiden först.",
        "The time of {ref} has already passed. Change the time first.",
    ),
    "comms.wrong_status": (
        "Det går inte nu: {ref} har status {status}.",
        "Not possible now: {ref} has status {status}.",
    ),
    "comms.not_found": ("Det finns ingen {ref}.", "There is no {ref}."),
    "comms.changed_meanwhile": (
        "{ref} ändrades av någon annan nyss. Titta på den igen.",
        "{ref} was just changed by someone else. Look at it again.",
    ),
    "comms.nothing_to_withdraw": (
        "{ref} har inga inlägg att dra tillbaka.",
        "{ref} has no posts to withdraw.",
    ),
    "comms.nothing_to_repost": (
        "{ref} har inget inlägg att posta igen där.",
        "{ref} has no post to repost there.",
    ),
    "comms.please_approve": (
        "{name} ber om godkännande av {ref} ”{title}”. Skriv: kommunikation visa {ref}",
        "{name} asks for approval of {ref} “{title}”. Type: comms show {ref}",
    ),
    "comms.failed": (
        "{ref} ”{title}” kunde inte postas överallt: {errors}",
        "{ref} “{title}” could not be posted everywhere: {errors}",
    ),
    "comms.missed": (
        "{ref} ”{title}” skulle ha gått ut {when}, men boten var inte igång; den är inte postad. Ändra tiden och låt den godkännas igen.",
        "{ref} “{title}” was due at {when}, but the bot was not running; it is not posted. Change the time and have it approved again.",
    ),
    "comms.unconfirmed": (
        "Boten stoppades medan {ref} ”{title}” postades i {where}; jag vet inte om inlägget kom fram och postar inte igen av mig själv. Kontrollera kanalen; vill du posta igen: kommunikation visa {ref}",
        "The bot stopped while posting {ref} “{title}” in {where}; I do not know whether it arrived and will not post again on my own. Check the channel; to post again: comms show {ref}",
    ),
}
