"""Every user-facing text, in Swedish and English. Swedish is the default."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.i18n import (
    cli_texts,
    dialogue_texts,
    governance_texts,
    home_texts,
    loop_texts,
    plan_texts,
    report_texts,
)

DEFAULT_LOCALE = "sv"
LOCALES = ("sv", "en")

# key -> (Swedish, English)
TEXTS: dict[str, tuple[str, str]] = {
    # kinds
    "kind.need": ("Behov", "Need"),
    "kind.issue": ("Ärende", "Issue"),
    "kind.deviation": ("Avvikelse", "Deviation"),
    "kind.risk": ("Risk", "Risk"),
    "kind.change": ("Ändringsbegäran", "Change request"),
    "kind_a.need": ("ett behov", "a need"),
    "kind_a.issue": ("ett ärende", "an issue"),
    "kind_a.deviation": ("en avvikelse", "a deviation"),
    "kind_a.risk": ("en risk", "a risk"),
    "kind_a.change": ("en ändringsbegäran", "a change request"),
    # statuses and levels
    "status.new": ("Ny", "New"),
    "status.in_progress": ("Pågår", "In progress"),
    "status.escalated": ("Eskalerad", "Escalated"),
    "status.resolved": ("Löst", "Resolved"),
    "status.closed": ("Stängd", "Closed"),
    "status.rejected": ("Avvisad", "Rejected"),
    "status.awaiting_decision": ("Väntar på beslut", "Awaiting decision"),
    "status.approved": ("Beviljad", "Approved"),
    "status.postponed": ("Vilande", "Postponed"),
    "status.handed_to_line": ("Lämnad till linjen", "Handed to the line organisation"),
    "level.project": ("Projekt", "Project"),
    "level.programme": ("Program", "Programme"),
    "level.steering_group": ("Programstyrgrupp", "Programme steering group"),
    # field labels
    "field.title": ("Rubrik", "Title"),
    "field.description": ("Beskrivning", "Description"),
    "field.unit": ("Enhet", "Unit"),
    "field.benefit": ("Nyttoobjekt", "Benefit objective"),
    "field.priority": ("Prioritet", "Priority"),
    "field.urgency": ("Brådska", "Urgency"),
    "field.type": ("Typ", "Type"),
    "field.what": ("Vad", "What"),
    "field.when": ("När", "When"),
    "field.area": ("Område", "Area"),
    "field.category": ("Kategori", "Category"),
    "field.consequence": ("Konsekvens (1–4)", "Consequence (1–4)"),
    "field.probability": ("Sannolikhet (1–4)", "Probability (1–4)"),
    "field.immediate_action": ("Omedelbar åtgärd", "Immediate action"),
    "field.lex_maria": ("Möjligt Lex Maria-ärende", "Possible Lex Maria case"),
    "field.owner": ("Riskägare", "Risk owner"),
    "field.mitigation": ("Åtgärd för att minska risken", "Mitigation"),
    "field.why": ("Varför", "Why"),
    "field.impact_scope": ("Påverkan på omfattning", "Impact on scope"),
    "field.impact_time": ("Påverkan på tidplan", "Impact on time"),
    "field.impact_budget": ("Påverkan på budget", "Impact on budget"),
    "field.status": ("Status", "Status"),
    "field.assignee": ("Handläggare", "Assignee"),
    "field.escalation_level": ("Eskaleringsnivå", "Escalation level"),
    "field.reporter": ("Rapporterad av", "Reported by"),
    "field.created": ("Registrerad", "Logged"),
    "field.source": ("Källa", "Source"),
    "field.risk_value": ("Riskvärde", "Risk value"),
    "field.forwarded": (
        "Vidarebefordrad till avvikelsesystemet",
        "Forwarded to the deviation system",
    ),
    # questions, one at a time
    "ask.title": (
        "Vilken rubrik ska det ha? En kort mening räcker.",
        "What title should it have? One short sentence is enough.",
    ),
    "ask.description": (
        "Beskriv det lite mer: vad behövs och varför?",
        "Describe it a little more: what is needed and why?",
    ),
    "ask.unit": (
        "Vilken enhet gäller det (till exempel avdelning 5, Akuten)?",
        "Which unit is it about (for example ward 5, Emergency)?",
    ),
    "ask.benefit": (
        "Vilket nyttoobjekt i programplanen stödjer det?",
        "Which benefit objective of the programme plan does it support?",
    ),
    "ask.priority": ("Hur viktigt är det?", "How important is it?"),
    "ask.urgency": ("Hur brådskande är det?", "How urgent is it?"),
    "ask.type": ("Vilken sorts avvikelse är det?", "What sort of deviation is it?"),
    "ask.what": (
        "Vad hände? Beskriv vad, inte vem – inga namn eller personnummer.",
        "What happened? Describe what, not who – no names or personal identity numbers.",
    ),
    "ask.when": (
        "När hände det? Skriv till exempel ”igår kl 14”, ”i morse” eller ”3/12 10:00”.",
        "When did it happen? For example “yesterday 2pm”, “this morning” or “3/12 10:00”.",
    ),
    "ask.area": ("Inom vilket område?", "In which area?"),
    "ask.category": ("Vilken kategori passar bäst?", "Which category fits best?"),
    "ask.consequence": (
        "Hur allvarlig är konsekvensen? 1 = liten, 4 = katastrofal.",
        "How serious is the consequence? 1 = minor, 4 = catastrophic.",
    ),
    "ask.probability": (
        "Hur sannolikt är det att det händer igen? 1 = osannolikt, 4 = mycket sannolikt.",
        "How likely is it to happen again? 1 = unlikely, 4 = very likely.",
    ),
    "ask.immediate_action": (
        "Vilken omedelbar åtgärd vidtogs? (skriv ”-” om ingen)",
        "What immediate action was taken? (write “-” if none)",
    ),
    "ask.lex_maria": ("Kan det vara ett Lex Maria-ärende?", "Could it be a Lex Maria case?"),
    "ask.owner": (
        "Vem i programmet äger risken? (Någon utanför programmet: skriv ”extern: namn”.)",
        "Who in the programme owns the risk? (Someone outside it: write “extern: name”.)",
    ),
    "ask.mitigation": (
        "Hur kan risken minskas? (skriv ”-” om du inte vet)",
        "How can the risk be reduced? (write “-” if you don't know)",
    ),
    "ask.why": ("Varför behövs ändringen?", "Why is the change needed?"),
    "ask.impact_scope": (
        "Hur påverkas programmets omfattning?",
        "How is the programme's scope affected?",
    ),
    "ask.impact_time": ("Hur påverkas tidplanen?", "How is the timeline affected?"),
    "ask.impact_budget": ("Hur påverkas budgeten?", "How is the budget affected?"),
    # option labels
    "opt.priority.low": ("Låg", "Low"),
    "opt.priority.medium": ("Medel", "Medium"),
    "opt.priority.high": ("Hög", "High"),
    "opt.urgency.low": ("Låg", "Low"),
    "opt.urgency.normal": ("Normal", "Normal"),
    "opt.urgency.high": ("Hög", "High"),
    "opt.urgency.critical": ("Akut", "Critical"),
    "opt.type.negative_event": ("Negativ händelse", "Negative event"),
    "opt.type.near_miss": ("Tillbud", "Near miss"),
    "opt.type.risk": ("Risk", "Risk"),
    "opt.area.care": ("Vård", "Care"),
    "opt.area.administration": ("Administration", "Administration"),
    "opt.area.it": ("IT och system", "IT and systems"),
    "opt.area.programme": ("Programmet", "The programme"),
    "opt.category.patient_safety": ("Patientsäkerhet", "Patient safety"),
    "opt.category.information_security": ("Informationssäkerhet", "Information security"),
    "opt.category.it_failure": ("IT-/systemfel", "IT/system failure"),
    "opt.category.work_environment": ("Arbetsmiljö", "Work environment"),
    "opt.category.plan_time": (
        "Avvikelse från programplan: tid",
        "Deviation from the programme plan: time",
    ),
    "opt.category.plan_scope": (
        "Avvikelse från programplan: omfattning",
        "Deviation from the programme plan: scope",
    ),
    "opt.category.plan_budget": (
        "Avvikelse från programplan: budget",
        "Deviation from the programme plan: budget",
    ),
    "opt.lex_maria.no": ("Nej", "No"),
    "opt.lex_maria.maybe": ("Kanske", "Maybe"),
    "opt.lex_maria.yes": ("Ja", "Yes"),
    "opt.scale.1": ("1 – liten", "1 – minor"),
    "opt.scale.2": ("2 – måttlig", "2 – moderate"),
    "opt.scale.3": ("3 – betydande", "3 – major"),
    "opt.scale.4": ("4 – mycket allvarlig", "4 – severe"),
    # the conversation
    "help": (
        "Jag är FVIS-boten. Jag tar emot behov, ärenden, avvikelser, risker och ändringsbegäranden "
        "för FVIS-programmet, påminner om milstolpar och beslutspunkter, publicerar kommunikation "
        "och skriver rapporter i Word.\n\n"
        "Registrera:\n"
        "  behov <text> · ärende <text> · avvikelse <text> · risk <text> · ändring <text>\n"
        "  …eller skriv bara vad det gäller, så frågar jag vad som saknas.\n"
        "Se och följ upp:\n"
        "  lista [mina|alla] [typ] [status] · visa BEH-12 · sök <ord>\n"
        "  kommentera BEH-12 <text>\n"
        "Handläggare:\n"
        "  status BEH-12 <status> · tilldela ÄRE-7 <person> · eskalera ÄRE-7\n"
        "Milstolpar och påminnelser:\n"
        "  milstolpar · milstolpe ny · beslut B4 <utfall> <motivering> · uppnådd M-NYTTA\n"
        "  påminn mig nästa fredag kl 9 om … · påminnelser\n"
        "Kommunikation:\n"
        "  kommunikation · kommunikation ny · kommunikation godkänn 3\n"
        "Rapporter (Word):\n"
        "  rapport vecka · rapport register behov [excel] · rapport BEH-12 · rapport beslut\n"
        "  lägesbedömning grön|gul|röd <text> · ekonomi budget 250 mnkr prognos 262 mnkr\n"
        "avbryt avslutar en pågående dialog.\n\n"
        "Skriv aldrig personnummer eller patientuppgifter här.",
        "I am the FVIS bot. I take needs, issues, deviations, risks and change requests for the "
        "FVIS programme, remind of milestones and decision points, publish communication and "
        "write reports in Word.\n\n"
        "Log:\n"
        "  need <text> · issue <text> · deviation <text> · risk <text> · change <text>\n"
        "  …or just write what it is about and I will ask for what is missing.\n"
        "See and follow up:\n"
        "  list [mine|all] [kind] [status] · show BEH-12 · search <words>\n"
        "  comment BEH-12 <text>\n"
        "Handlers:\n"
        "  status BEH-12 <status> · assign ÄRE-7 <person> · escalate ÄRE-7\n"
        "Milestones and reminders:\n"
        "  milestones · milestone new · decision B4 <outcome> <reason> · reached M-NYTTA\n"
        "  remind me next Friday at 9 to … · reminders\n"
        "Communication:\n"
        "  comms · comms new · comms approve 3\n"
        "Reports (Word):\n"
        "  report week · report register needs [excel] · report BEH-12 · report decisions\n"
        "  assessment green|yellow|red <text> · budget budget 250 MSEK forecast 262 MSEK\n"
        "cancel ends a dialogue in progress.\n\n"
        "Never write personal identity numbers or patient details here.",
    ),
    "unknown_command": (
        "Jag förstod inte ”{text}”. Skriv hjälp för att se vad jag kan.",
        "I did not understand “{text}”. Type help to see what I can do.",
    ),
    "empty": (
        "Skriv något så hjälper jag dig. Skriv hjälp för att se vad jag kan.",
        "Write something and I will help. Type help to see what I can do.",
    ),
    "classify": (
        "Det låter som {kind_a}. Stämmer det, eller är det något annat?",
        "That sounds like {kind_a}. Is that right, or is it something else?",
    ),
    "classify_unsure": ("Vad vill du registrera?", "What would you like to log?"),
    "choice.form": ("Fyll i formulär i stället", "Fill in a form instead"),
    "choice.cancel": ("Avbryt", "Cancel"),
    "choice.save": ("Spara", "Save"),
    "choice.edit": ("Ändra i formulär", "Edit in a form"),
    "summary": (
        "Stämmer det här? Jag sparar när du bekräftar.\n\n{summary}",
        "Is this right? I will save it when you confirm.\n\n{summary}",
    ),
    "saved": (
        "Tack! Sparat som {ref}. Du får besked här när något händer med det.",
        "Thank you! Saved as {ref}. You will hear from me here when something happens to it.",
    ),
    "already_saved": ("Det här är redan sparat som {ref}.", "This is already saved as {ref}."),
    "cancelled": ("Avbrutet. Inget sparades.", "Cancelled. Nothing was saved."),
    "nothing_to_cancel": (
        "Det finns ingen pågående dialog att avbryta.",
        "There is no dialogue in progress to cancel.",
    ),
    "expired": (
        "Din förra dialog ({kind}) avbröts eftersom det gick för lång tid. Inget sparades.",
        "Your previous dialogue ({kind}) expired after a long pause. Nothing was saved.",
    ),
    "stale_action": (
        "Den knappen hör till en dialog som redan är avslutad. Börja gärna om.",
        "That button belongs to a dialogue that has already ended. Feel free to start again.",
    ),
    "form_title": ("Registrera {kind}", "Log {kind}"),
    "form_submit": ("Skicka", "Submit"),
    "form_errors": (
        "Något behöver rättas i formuläret – se markeringarna.",
        "Something in the form needs fixing – see the marked fields.",
    ),
    "pick_one": ("Välj ett av alternativen: {options}.", "Pick one of the options: {options}."),
    "when_hint": (
        "t.ex. ”igår kl 14”, ”i morse”, ”3/12 10:00”",
        "e.g. “yesterday 2pm”, “this morning”, “3/12 10:00”",
    ),
    # refusals and checks
    "pii_refused": (
        "Jag kan inte spara det: texten innehåller något som ser ut som ett personnummer eller "
        "samordningsnummer. Patientuppgifter får inte finnas här. Skriv om utan numret – inget "
        "av det du skrev sparades.",
        "I cannot save that: the text contains what looks like a Swedish personal identity or "
        "coordination number. Patient data must not be stored here. Please rewrite it without "
        "the number – nothing of what you wrote was saved.",
    ),
    "search_too_big": (
        "Sökningen blev för stor – förfina den: färre ord, eller längre, till exempel "
        "”sök skrivare avd 5”.",
        "The search was too big – refine it: fewer words, or longer ones, for example "
        "“search printer ward 5”.",
    ),
    "storage_busy": (
        "Försök igen om en stund – inget sparades. Databasen är upptagen av något annat just nu.",
        "Please try again in a moment – nothing was saved. The database is busy with something "
        "else right now.",
    ),
    "storage_unavailable": (
        "Det går inte att spara just nu: databasen kan inte skrivas till (full disk eller "
        "skrivskydd). Inget sparades.",
        "Nothing can be saved right now: the database cannot be written (disk full or "
        "read-only). Nothing was saved.",
    ),
    "pii_refused.timestamp": (
        "Jag kan inte spara det: en siffergrupp i texten ser ut som ett personnummer. Är det ett "
        "datum med klockslag? Skriv det med bindestreck och kolon, till exempel 2024-03-15 14:30. "
        "Inget av det du skrev sparades.",
        "I cannot save that: a group of digits in the text looks like a Swedish personal identity "
        "number. Is it a date and time? Write it with dashes and a colon, for example "
        "2024-03-15 14:30. Nothing of what you wrote was saved.",
    ),
    "pii_refused.phone": (
        "Jag kan inte spara det: en siffergrupp i texten ser ut som ett personnummer. Är det ett "
        "telefonnummer? Skriv det i grupper, till exempel 070-123 45 67. Inget av det du skrev "
        "sparades.",
        "I cannot save that: a group of digits in the text looks like a Swedish personal identity "
        "number. Is it a phone number? Write it in groups, for example 070-123 45 67. Nothing of "
        "what you wrote was saved.",
    ),
    "too_long": (
        "Texten är för lång: {length} tecken, högst {limit} går. Korta den eller dela upp den.",
        "The text is too long: {length} characters, at most {limit}. Shorten it or split it up.",
    ),
    "required": ("Det här behövs.", "This is required."),
    "bad_option": ("Välj ett av alternativen.", "Pick one of the options."),
    "bad_when": (
        "Jag förstod inte tidpunkten ”{text}”. Skriv till exempel ”igår kl 14” eller ”3/12 10:00”.",
        "I did not understand the time “{text}”. Write for example “yesterday 2pm” or “3/12 10:00”.",
    ),
    "future_when": (
        "Tidpunkten {when} ligger i framtiden. När hände det?",
        "{when} is in the future. When did it happen?",
    ),
    # after saving
    "risk_flagged": (
        "Riskvärdet är {value} (konsekvens × sannolikhet). Det är 8 eller mer, så avvikelsen är "
        "eskalerad och flaggad för medicinskt ansvarig.",
        "The risk value is {value} (consequence × probability). That is 8 or more, so the deviation "
        "is escalated and flagged for the medically responsible.",
    ),
    "forward_care": (
        "Vårdrelaterade avvikelser ska också rapporteras i regionens avvikelsesystem – FVIS-boten "
        "ersätter det inte. Öppna {url} och klistra in texten nedan:\n\n{text}",
        "Care-related deviations must also be reported in the region's deviation system – the FVIS "
        "bot does not replace it. Open {url} and paste the text below:\n\n{text}",
    ),
    "flag_channel_post": (
        "{ref} har riskvärde {value} och är flaggad för medicinskt ansvarig. Handläggare: visa {ref}.",
        "{ref} has risk value {value} and is flagged for the medically responsible. Handlers: show {ref}.",
    ),
    # browsing and triage
    "not_found": ("Jag hittar inget {ref}.", "I cannot find {ref}."),
    "no_ref": ("Skriv vilket, till exempel {example}.", "Say which one, for example {example}."),
    "forbidden_read": ("Du har inte behörighet att se {ref}.", "You are not allowed to see {ref}."),
    "forbidden_triage": (
        "Bara handläggare och projektledare kan göra det.",
        "Only handlers and project leads can do that.",
    ),
    "list_empty": ("Inga poster matchar.", "No entries match."),
    "list_header": ("{count} poster{more}:", "{count} entries{more}:"),
    "list_header_one": ("1 post:", "1 entry:"),
    "list_header_many": ("Fler än {count} poster{more}:", "More than {count} entries{more}:"),
    "bad_list_word": (
        "”{text}” känner jag inte igen. Skriv mina eller alla, en typ ({kinds}) eller en status ({options}).",
        "I do not recognise “{text}”. Write mine or all, a kind ({kinds}) or a status ({options}).",
    ),
    "list_more": (" (visar de {shown} senaste)", " (showing the latest {shown})"),
    "list_own_only": ("Du ser dina egna poster.", "You see your own entries."),
    "search_empty": ("Inga träffar för ”{query}”.", "No hits for “{query}”."),
    "search_usage": (
        "Skriv vad du söker efter, till exempel: sök skrivare",
        "Say what to search for, for example: search printer",
    ),
    "bad_status": (
        "”{text}” är ingen status. Välj en av: {options}.",
        "“{text}” is not a status. Pick one of: {options}.",
    ),
    "status_same": ("{ref} har redan status {status}.", "{ref} already has status {status}."),
    "status_changed": ("{ref} har nu status {status}.", "{ref} now has status {status}."),
    "assign_usage": (
        "Skriv vem, till exempel: tilldela ÄRE-7 bertil",
        "Say who, for example: assign ÄRE-7 bertil",
    ),
    "unknown_person": (
        "Jag känner inte till ”{name}”. Kända personer: {names}.",
        "I do not know “{name}”. Known people: {names}.",
    ),
    "assigned": ("{ref} är tilldelat {name}.", "{ref} is assigned to {name}."),
    "comment_usage": (
        "Skriv kommentaren efter numret, till exempel: kommentera BEH-12 Klart på fredag",
        "Write the comment after the number, for example: comment BEH-12 Done on Friday",
    ),
    "commented": ("Kommentaren är sparad på {ref}.", "The comment is saved on {ref}."),
    "escalated": ("{ref} är eskalerat till {level}.", "{ref} is escalated to {level}."),
    "escalate_top": (
        "{ref} är redan eskalerat till programstyrgruppen, högsta nivån.",
        "{ref} is already escalated to the programme steering group, the highest level.",
    ),
    "comments": ("Kommentarer", "Comments"),
    "history": ("Historik", "History"),
    # feedback to the reporter
    "notify_status": (
        "{Yours} {ref} ”{title}” har fått status {status} ({actor}).",
        "{Yours} {ref} “{title}” now has status {status} ({actor}).",
    ),
    "notify_comment": (
        "{actor} kommenterade {yours} {ref} ”{title}”: {text}",
        "{actor} commented on {yours} {ref} “{title}”: {text}",
    ),
    "notify_assigned": (
        "Du har fått {ref} ”{title}” tilldelat av {actor}.",
        "{actor} assigned {ref} “{title}” to you.",
    ),
    "notify_escalated": (
        "{Yours} {ref} ”{title}” är eskalerat till {level}. Skäl: {reason}",
        "{Yours} {ref} “{title}” is escalated to {level}. Reason: {reason}",
    ),
    "notify_undelivered": (
        "Jag kunde inte meddela {name} om {ref}: {error}",
        "I could not tell {name} about {ref}: {error}",
    ),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "error": (
        "Något gick fel hos mig. Inget av det du skrev gick förlorat – försök igen om en stund.",
        "Something went wrong on my side. Nothing you wrote was lost – try again in a moment.",
    ),
}


def register(source: str, texts: Mapping[str, tuple[str, str]]) -> None:
    """Add a feature's or an adapter's texts to the catalogue; a key may exist only once.

    Adapters register their own texts when they are imported, so the core names no platform."""
    clash = {key for key in TEXTS.keys() & texts.keys() if TEXTS[key] != texts[key]}
    if clash:
        raise RuntimeError(f"{source} redefines texts: {sorted(clash)}")
    TEXTS.update(texts)


register(cli_texts.__name__, cli_texts.TEXTS)
register(dialogue_texts.__name__, dialogue_texts.TEXTS)
register(home_texts.__name__, home_texts.TEXTS)
register(loop_texts.__name__, loop_texts.TEXTS)
register(plan_texts.__name__, plan_texts.TEXTS)
register(report_texts.__name__, report_texts.TEXTS)
register(governance_texts.__name__, governance_texts.TEXTS)


def count(value: int) -> str:
    """Thousands grouped with a space, as both Swedish and the bot's English texts write them."""
    return f"{value:,}".replace(",", " ")


def normalise_locale(locale: str | None) -> str:
    if not locale:
        return DEFAULT_LOCALE
    short = locale.replace("_", "-").split("-")[0].lower()
    return short if short in LOCALES else "en" if short else DEFAULT_LOCALE


def locale_of_terminal(lang: str | None) -> str:
    """The command line's language from LANG: Swedish unless the terminal asks for another
    language (C and POSIX say nothing about one)."""
    code = (lang or "").split(".")[0]
    if not code or code.upper() in ("C", "POSIX"):
        return DEFAULT_LOCALE
    return normalise_locale(code)


def t(locale: str, key: str, **values: Any) -> str:
    pair = TEXTS.get(key)
    if pair is None:
        raise KeyError(f"missing text {key!r}")
    text = pair[1] if normalise_locale(locale) == "en" else pair[0]
    if not values:
        return text
    # `status_key="new"` becomes `status="Ny"`: callers pass codes, the reader gets words.
    for name, prefix in (("status", "status"), ("level", "level"), ("kind", "kind")):
        code = values.pop(f"{name}_key", None)
        if code is not None:
            values[name] = t(locale, f"{prefix}.{code}")
    return text.format(**values)


def option_label(locale: str, field: str, value: str) -> str:
    key = f"opt.{field}.{value}"
    if key in TEXTS:
        return t(locale, key)
    if f"opt.scale.{value}" in TEXTS and field in ("consequence", "probability"):
        return t(locale, f"opt.scale.{value}")
    return value
