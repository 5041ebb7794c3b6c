"""Texts of the conversation's own rules (commands mid-dialogue, `var var vi?`, old buttons,
typo suggestions): key -> (sv, en)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "dialog.aside_generic": ("Det du höll på med", "What you were doing"),
    "dialog.put_aside": (
        "{what} ligger kvar. Skriv ”var var vi?” när du vill fortsätta.",
        "{what} is kept. Write “where were we?” when you want to go on.",
    ),
    "dialog.resume_button": ("Fortsätt där vi var", "Continue where we were"),
    "dialog.leave_question": (
        "Vill du lämna {what} och köra ”{command}”? Annars tar jag det som svar på frågan.",
        "Do you want to leave {what} and run “{command}”? Otherwise I take it as your answer.",
    ),
    "dialog.leave_yes": ("Ja, kör ”{command}”", "Yes, run “{command}”"),
    "dialog.leave_no": ("Nej, det var mitt svar", "No, that was my answer"),
    "dialog.where": ("Här var vi:", "This is where we were:"),
    "dialog.nothing_pending": (
        "Vi är inte mitt i något just nu. Skriv hjälp för att se vad jag kan.",
        "We are not in the middle of anything. Type help to see what I can do.",
    ),
    "dialog.question_gone": (
        "Den frågan är redan besvarad.",
        "That question has already been answered.",
    ),
    "suggest.command": ("Menade du ”{text}”?", "Did you mean “{text}”?"),
    "suggest.yes": ("Ja, kör ”{text}”", "Yes, run “{text}”"),
    "suggest.no_log": ("Nej, registrera texten", "No, log the text"),
    "suggest.no_help": ("Nej, något annat", "No, something else"),
    "suggest.person": (
        "Jag känner inte till ”{name}”. Menade du {person}?",
        "I do not know “{name}”. Did you mean {person}?",
    ),
    "suggest.person_yes": ("Ja, tilldela {person}", "Yes, assign {person}"),
    # confirmations before steps that are hard to undo
    "triage.confirm_status": (
        "Vill du sätta {ref} ”{title}” till {status}? {reporter} registrerade det och får besked.",
        "Do you want to set {ref} “{title}” to {status}? {reporter} logged it and will be told.",
    ),
    "triage.confirm_yes": ("Ja, sätt {ref} till {status}", "Yes, set {ref} to {status}"),
    "triage.keep": ("Nej, låt {ref} vara", "No, leave {ref} as it is"),
    "triage.kept": ("Inget ändrades på {ref}.", "Nothing was changed on {ref}."),
    # intake: fewer turns, one editable summary
    "classified_as": (
        "Jag registrerar det som {kind_a}. Du kan byta typ i sammanfattningen.",
        "I will log it as {kind_a}. You can change the kind in the summary.",
    ),
    "summary_proposed": (
        "Stämmer det här? Det som är märkt (förslag) fyllde jag i själv – ändra det som inte "
        "stämmer, eller spara.\n\n{summary}",
        "Is this right? What is marked (suggested) I filled in myself – change what is wrong, "
        "or save.\n\n{summary}",
    ),
    "proposed_mark": ("(förslag)", "(suggested)"),
    "summary_hint": (
        "Vill du ändra något? Skriv fältets namn och det nya värdet, till exempel ”enhet "
        "Avdelning 6”, eller välj nedan.",
        "Want to change something? Write the field's name and the new value, for example "
        "“unit Ward 6”, or choose below.",
    ),
    "choice.other_kind": ("Byt typ av post", "Change the kind of entry"),
    "dialog.aside_intake": ("Registreringen av {kind_a}", "Your draft of {kind_a}"),
    "dialog.aside_remind": ("Påminnelsen du började på", "The reminder you started"),
    "dialog.aside_intake_unknown": ("Registreringen du började på", "The entry you started"),
    "ask.issue.description": (
        "Beskriv problemet lite mer: vad händer, och vad försökte du göra?",
        "Describe the problem a little more: what happens, and what were you trying to do?",
    ),
    "ask.issue.title": (
        "Vilken rubrik ska ärendet ha? En kort mening om problemet räcker.",
        "What title should the issue have? One short sentence about the problem is enough.",
    ),
}
