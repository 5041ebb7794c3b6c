"""Handling entries: status, assignee, comments, escalation; feedback to the reporter;
who may see and change what; the audit log; listing, showing and searching."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.app.build import Bot
from bot.domain.model import REF_PATTERN
from bot.i18n.catalogue import t

NEED = {
    "title": "Skrivare saknas på avdelning 5",
    "description": "Skrivaren i korridoren är borttagen",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}
NEED_EN = {
    "title": "Printer missing in the emergency room",
    "description": "We print referrals by hand",
    "unit": "Emergency",
    "benefit": "2",
    "priority": "medium",
}
ISSUE = {
    "title": "Läkemedelslistan visar fel dos",
    "description": "Dosen visas i mg i stället för ml",
    "unit": "Avdelning 5",
    "urgency": "high",
}
DEVIATION = {
    "type": "near_miss",
    "what": "Journalen visade en annan patients allergier",
    "when": "igår kl 14",
    "unit": "Avdelning 5",
    "area": "it",
    "category": "information_security",
    "consequence": "2",
    "probability": "2",
    "lex_maria": "no",
}


def entry_row(bot: Bot, kind: str, number: int = 1) -> dict[str, Any]:
    rows = list(bot.db.query("SELECT * FROM entries WHERE kind = ? AND number = ?", [kind, number]))
    assert len(rows) == 1
    return dict(rows[0])


def history(bot: Bot) -> list[tuple[str, str, str, str]]:
    return [
        (r["actor_id"], r["field"], r["old"], r["new"])
        for r in bot.db.query("SELECT * FROM history ORDER BY id")
    ]


def audit(bot: Bot) -> list[tuple[str, str, str]]:
    return [
        (r["actor"], r["action"], r["ref"]) for r in bot.db.query("SELECT * FROM audit ORDER BY id")
    ]


def inbox(bot: Bot, user: str) -> list[str]:
    assert bot.webchat is not None
    return [m["text"] for m in bot.webchat.inbox(user, 0) if m["direct"]]


@pytest.fixture
async def entries(chat: Any) -> dict[str, str]:
    """anna's need BEH-1 and issue ÄRE-1, omar's need BEH-2."""
    anna, omar = chat("anna"), chat("omar")
    return {
        "anna_need": await anna.log("need", NEED),
        "anna_issue": await anna.log("issue", ISSUE),
        "omar_need": await omar.log("need", NEED_EN),
    }


# -- status -------------------------------------------------------------------------------


async def test_handler_changes_status_and_the_reporter_is_told(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    await bertil.say("status BEH-1 pågår")
    assert bertil.text == "BEH-1 har nu status pågår."
    assert bertil.last[0].style == "success"
    assert entry_row(bot, "need")["status"] == "in_progress"
    assert history(bot)[-1] == ("webchat:bertil", "status", "new", "in_progress")
    assert inbox(bot, "anna") == [
        "Ditt behov BEH-1 ”Skrivare saknas på avdelning 5” har fått status pågår (Bertil Nordin)."
    ]
    # Nobody else got it.
    assert inbox(bot, "omar") == []
    assert inbox(bot, "bertil") == []


async def test_status_in_english_and_the_english_reporter_is_told_in_english(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    stranger_en = chat("stranger", locale="en")
    await stranger_en.say("status BEH-2 resolved")
    assert stranger_en.text == "Only handlers and project leads can do that."
    # No word tells the language, so Bertil's profile (Swedish) does, not his English client.
    bertil_en = chat("bertil", locale="en")
    await bertil_en.say("status BEH-2 resolved")
    assert bertil_en.text == "BEH-2 har nu status löst."
    assert entry_row(bot, "need", 2)["status"] == "resolved"
    assert inbox(bot, "omar") == [
        "Your need BEH-2 “Printer missing in the emergency room” now has status resolved (Bertil Nordin)."
    ]
    # A Swedish handler may use the English word; the answer follows his own language.
    david = chat("david")
    await david.say("status BEH-1 resolved")
    assert david.text == t("sv", "status_changed", ref="BEH-1", status_key="resolved")
    assert inbox(bot, "anna") == [
        t(
            "sv",
            "notify_status",
            ref="BEH-1",
            title=NEED["title"],
            status_key="resolved",
            actor="David Berg",
            Yours="Ditt behov",
        )
    ]


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Pågår", "in_progress"),
        ("pagar", "in_progress"),
        ("in progress", "in_progress"),
        ("löst", "resolved"),
        ("lost", "resolved"),
        ("stängd", "closed"),
        ("stangd", "closed"),
        ("avvisad", "rejected"),
        ("rejected", "rejected"),
        ("eskalerad", "escalated"),
    ],
)
async def test_status_words(
    chat: Any, bot: Bot, entries: dict[str, str], word: str, status: str
) -> None:
    bertil = chat("bertil")
    await bertil.say(f"status BEH-1 {word}")
    if status in ("closed", "rejected"):
        # Ending someone else's entry is asked first; nothing changes until then.
        assert bertil.text.startswith("Vill du sätta BEH-1 ")
        assert entry_row(bot, "need")["status"] == "new"
        await bertil.click(bertil.last[0].choices[0].label)
    assert bertil.last[0].style == "success", bertil.text
    assert entry_row(bot, "need")["status"] == status


async def test_closing_someone_elses_entry_can_be_called_off(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    await bertil.say("status BEH-1 stängd")
    assert bertil.text == (
        "Vill du sätta BEH-1 ”Skrivare saknas på avdelning 5” till stängd? Anna Lindqvist registrerade det och "
        "får besked."
    )
    assert [c.label for c in bertil.last[0].choices] == [
        "Ja, sätt BEH-1 till stängd",
        "Nej, låt BEH-1 vara",
    ]
    await bertil.click("Nej, låt BEH-1 vara")
    assert bertil.text == "Inget ändrades på BEH-1."
    assert entry_row(bot, "need")["status"] == "new"
    assert inbox(bot, "anna") == []


async def test_same_status_again_says_so_and_changes_nothing(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    await bertil.say("status BEH-1 pågår")
    before = history(bot)
    await bertil.say("status BEH-1 pågår")
    assert bertil.text == "BEH-1 har redan status pågår."
    assert history(bot) == before
    assert len(inbox(bot, "anna")) == 1


# -- assign -------------------------------------------------------------------------------


async def test_assign_to_a_handler(chat: Any, bot: Bot, entries: dict[str, str]) -> None:
    david = chat("david")
    await david.say("tilldela ÄRE-1 bertil")
    assert david.text == "ÄRE-1 är tilldelat Bertil Nordin."
    row = entry_row(bot, "issue")
    assert row["assignee"] == "Bertil Nordin"
    # A new entry that someone takes is in progress.
    assert row["status"] == "in_progress"
    assert history(bot)[-2:] == [
        ("webchat:david", "assignee", "", "Bertil Nordin"),
        ("webchat:david", "status", "new", "in_progress"),
    ]
    assert inbox(bot, "bertil") == [
        t("sv", "notify_assigned", ref="ÄRE-1", title=ISSUE["title"], actor="David Berg")
    ]


async def test_assign_to_oneself_and_by_name(chat: Any, bot: Bot, entries: dict[str, str]) -> None:
    bertil = chat("bertil")
    await bertil.say("tilldela ÄRE-1 mig")
    assert bertil.text == "ÄRE-1 är tilldelat Bertil Nordin."
    assert inbox(bot, "bertil") == []  # nobody needs to be told what they did themselves
    await bertil.say("tilldela ÄRE-1 David Berg")
    assert bertil.text == "ÄRE-1 är tilldelat David Berg."
    assert entry_row(bot, "issue")["assignee"] == "David Berg"


async def test_assign_mistakes_get_clear_answers(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    await bertil.say("tilldela ÄRE-1 zorro")
    assert bertil.last[0].style == "error"
    # People by name, never by the programme file's ids.
    assert bertil.text.startswith(
        "Jag känner inte till ”zorro”. Kända personer: Anna Lindqvist, Omar Haddad,"
    )
    await bertil.say("tilldela ÄRE-1")
    assert bertil.text == t("sv", "assign_usage")
    await bertil.say("tilldela bertil")
    assert bertil.text == t("sv", "no_ref", example="BEH-12")
    await chat("bertil", locale="en").say("assign ÄRE-1 zorro")
    assert entry_row(bot, "issue")["assignee"] == ""


# -- comments -----------------------------------------------------------------------------


async def test_comment_is_stored_and_the_reporter_is_told(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    await bertil.say("kommentera BEH-1 Vi beställer en ny skrivare till fredag")
    assert bertil.text == "Kommentaren är sparad på BEH-1."
    comments = list(bot.db.query("SELECT author_id, text FROM comments"))
    assert comments == [
        {"author_id": "webchat:bertil", "text": "Vi beställer en ny skrivare till fredag"}
    ]
    assert inbox(bot, "anna") == [
        "Bertil Nordin kommenterade ditt behov BEH-1 ”Skrivare saknas på avdelning 5”: "
        "Vi beställer en ny skrivare till fredag"
    ]


async def test_comment_in_english_to_the_english_reporter(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    david = chat("david", locale="en")
    await david.say("comment BEH-2 Ordered a new printer")
    assert david.text == "The comment is saved on BEH-2."
    assert inbox(bot, "omar") == [
        "David Berg commented on your need BEH-2 “Printer missing in the emergency room”: "
        "Ordered a new printer"
    ]


async def test_a_reporter_may_comment_on_their_own_entry_only(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    anna = chat("anna")
    await anna.say("kommentera BEH-1 Det gäller även avdelning 6")
    assert anna.text == t("sv", "commented", ref="BEH-1")
    # Nobody tells anna about her own comment.
    assert inbox(bot, "anna") == []
    await anna.say("kommentera BEH-2 Här också")
    assert anna.text == t("sv", "forbidden_read", ref="BEH-2")
    assert [r["text"] for r in bot.db.query("SELECT text FROM comments")] == [
        "Det gäller även avdelning 6"
    ]
    assert inbox(bot, "omar") == []


async def test_comment_without_text_asks_for_it_in_a_form(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    await bertil.say("kommentera BEH-1")
    form = bertil.last[0].form
    assert form is not None and form.id == "comment:BEH-1"
    await bertil.submit(form.id, {"text": ""})
    assert bertil.text == t("sv", "comment_usage")
    await bertil.submit(form.id, {"text": "Beställd"})
    assert bertil.text == "Kommentaren är sparad på BEH-1."
    assert [r["text"] for r in bot.db.query("SELECT text FROM comments")] == ["Beställd"]


# -- escalation ---------------------------------------------------------------------------


async def escalate(person: Any, ref: str, reason: str) -> str:
    """Escalate with a reason and confirm it; the answer."""
    await person.say(
        f"eskalera {ref} {reason}" if person.locale != "en" else f"escalate {ref} {reason}"
    )
    await person.click(t(person.locale or "sv", "escalate_yes"))
    return str(person.text)


async def test_escalation_goes_project_programme_steering_group_then_stops(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    bertil = chat("bertil")
    assert entry_row(bot, "issue")["escalation_level"] == "project"
    answer = await escalate(bertil, "ÄRE-1", "Projektet kan inte besluta")
    assert answer.startswith("ÄRE-1 är eskalerat till programnivå.")
    row = entry_row(bot, "issue")
    assert (row["escalation_level"], row["status"]) == ("programme", "escalated")
    answer = await escalate(bertil, "ÄRE-1", "Programmet kan inte besluta")
    assert answer.startswith("ÄRE-1 är eskalerat till programstyrgruppen.")
    assert entry_row(bot, "issue")["escalation_level"] == "steering_group"
    before = history(bot)
    await bertil.say("eskalera ÄRE-1 Igen")
    assert bertil.last[0].style == "error"
    assert bertil.text == "ÄRE-1 är redan eskalerat till programstyrgruppen, den högsta nivån."
    assert entry_row(bot, "issue")["escalation_level"] == "steering_group"
    assert history(bot) == before
    assert inbox(bot, "anna") == [
        "Ditt ärende ÄRE-1 ”Läkemedelslistan visar fel dos” är eskalerat till programnivå. "
        "Skäl: Projektet kan inte besluta",
        "Ditt ärende ÄRE-1 ”Läkemedelslistan visar fel dos” är eskalerat till programstyrgruppen. "
        "Skäl: Programmet kan inte besluta",
    ]


async def test_escalation_in_english(chat: Any, bot: Bot, entries: dict[str, str]) -> None:
    david = chat("david", locale="en")
    answer = await escalate(david, "ÄRE-1", "The project cannot decide")
    assert answer.startswith("ÄRE-1 is escalated to programme level.")
    await david.say("escalate BEH-2 Important")
    assert david.text == t("en", "escalate_route.need", ref="BEH-2")
    assert entry_row(bot, "need", 2)["escalation_level"] == "project"


# -- reporters cannot triage --------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        "status BEH-1 löst",
        "tilldela BEH-1 anna",
        "eskalera ÄRE-1 Brådskar",
        "status BEH-2 löst",
        "status BEH-999 löst",
    ],
)
@pytest.mark.parametrize("user", ["anna", "cecilia", "eva"])
async def test_only_handlers_and_project_leads_triage(
    chat: Any, bot: Bot, entries: dict[str, str], user: str, command: str
) -> None:
    before = (list(bot.db.query("SELECT * FROM entries")), history(bot))
    person = chat(user)
    await person.say(command)
    assert person.last[0].style == "error"
    assert person.text == "Bara handläggare och projektledare kan göra det."
    assert (list(bot.db.query("SELECT * FROM entries")), history(bot)) == before
    assert inbox(bot, "anna") == [] and inbox(bot, "omar") == []


async def test_reporter_is_refused_in_english(chat: Any, bot: Bot, entries: dict[str, str]) -> None:
    omar = chat("omar")
    for command in ("status BEH-2 resolved", "assign BEH-2 omar", "escalate BEH-2"):
        await omar.say(command)
        assert omar.text == "Only handlers and project leads can do that."
    row = entry_row(bot, "need", 2)
    assert (row["status"], row["assignee"], row["escalation_level"]) == ("new", "", "project")


# -- who sees what ------------------------------------------------------------------------


async def test_a_reporter_lists_only_their_own_entries(chat: Any, entries: dict[str, str]) -> None:
    anna = chat("anna")
    await anna.say("lista alla")
    assert anna.last[0].text == t("sv", "list_own_only")
    listing = anna.last[1].text
    assert listing.startswith("2 poster:")
    assert "BEH-1 · Ny · Skrivare saknas på avdelning 5" in listing
    assert "ÄRE-1 · Ny · Läkemedelslistan visar fel dos" in listing
    assert "BEH-2" not in listing and "Printer" not in listing

    omar = chat("omar")
    await omar.say("list all")
    assert omar.last[0].text == "You see your own entries."
    assert omar.last[1].text.startswith("1 entry:")
    assert "BEH-2 · New · Printer missing in the emergency room" in omar.last[1].text
    assert "BEH-1" not in omar.last[1].text

    await anna.say("lista")
    assert "BEH-2" not in anna.text and "BEH-1" in anna.text


async def test_handlers_and_project_leads_list_everyone(chat: Any, entries: dict[str, str]) -> None:
    for user in ("bertil", "david"):
        person = chat(user)
        await person.say("lista alla")
        assert person.text.startswith("3 poster:")
        assert all(ref in person.text for ref in ("BEH-1", "BEH-2", "ÄRE-1"))
        await person.say("lista mina")
        assert person.text == t("sv", "list_empty")
        await person.say("lista behov")
        assert "BEH-1" in person.text and "BEH-2" in person.text and "ÄRE-1" not in person.text


async def test_a_reporter_cannot_show_someone_elses_entry(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    anna = chat("anna")
    await anna.say("visa BEH-2")
    assert anna.last[0].style == "error"
    assert anna.text == "Du har inte behörighet att se BEH-2."
    assert "Printer" not in anna.text
    omar = chat("omar")
    await omar.say("show BEH-1")
    assert omar.text == "You are not allowed to see BEH-1."
    await anna.say("visa BEH-1")
    assert anna.text.startswith("BEH-1 – Skrivare saknas på avdelning 5")


@pytest.fixture
async def deviation(chat: Any) -> str:
    return await chat("anna").log("deviation", DEVIATION)


@pytest.mark.parametrize("user", ["anna", "bertil", "david"])
async def test_a_deviation_is_shown_to_its_reporter_handlers_and_leads(
    chat: Any, bot: Bot, deviation: str, user: str
) -> None:
    person = chat(user)
    await person.say("visa AVV-1")
    assert person.text.startswith("AVV-1 – Journalen visade en annan patients allergier")
    assert (f"webchat:{user}", "read", "AVV-1") in audit(bot)


@pytest.mark.parametrize(
    ("user", "refusal"),
    [
        ("cecilia", "Du har inte behörighet att se AVV-1."),
        ("karin", "Du har inte behörighet att se AVV-1."),
        ("eva", "Du har inte behörighet att se AVV-1."),
        # Omar's profile is English, but he writes Swedish commands here: Swedish answers.
        ("omar", "Du har inte behörighet att se AVV-1."),
    ],
)
async def test_a_deviation_is_refused_to_everyone_else(
    chat: Any, bot: Bot, deviation: str, user: str, refusal: str
) -> None:
    person = chat(user)
    await person.say("visa AVV-1")
    assert person.text == refusal
    assert "allergier" not in person.text
    await person.say("kommentera AVV-1 Vad hände?")
    assert person.text == refusal
    assert list(bot.db.query("SELECT * FROM comments")) == []
    await person.say("lista alla")
    assert "AVV-1" not in person.text
    await person.say("sök allergier")
    assert "AVV-1" not in person.text
    # The attempt is in the audit log; a read is not.
    actions = [a for a in audit(bot) if a[0] == f"webchat:{user}"]
    assert ("webchat:" + user, "read-denied", "AVV-1") in actions
    assert all(action != "read" for _, action, _ in actions)


# -- the audit log ------------------------------------------------------------------------


async def test_every_read_of_a_deviation_and_every_change_is_audited(
    chat: Any, bot: Bot, entries: dict[str, str], deviation: str
) -> None:
    assert audit(bot) == [
        ("webchat:anna", "create", "BEH-1"),
        ("webchat:anna", "create", "ÄRE-1"),
        ("webchat:omar", "create", "BEH-2"),
        ("webchat:anna", "create", "AVV-1"),
    ]
    bertil, david = chat("bertil"), chat("david")
    start = len(audit(bot))

    await bertil.say("visa AVV-1")
    await david.say("lista avvikelser")
    await david.say("sök allergier")
    await chat("anna").say("lista mina")
    reads = audit(bot)[start:]
    assert reads == [
        ("webchat:bertil", "read", "AVV-1"),
        ("webchat:david", "list", "AVV-1"),
        ("webchat:david", "list", "AVV-1"),
        ("webchat:anna", "list", "AVV-1"),
    ]

    start = len(audit(bot))
    await bertil.say("status BEH-1 pågår")
    await bertil.say("tilldela ÄRE-1 david")
    await bertil.say("kommentera BEH-2 Vi tittar på det")
    await escalate(bertil, "ÄRE-1", "Projektet kan inte besluta")
    await bertil.say("status AVV-1 löst")
    changes = [a for a in audit(bot)[start:] if a[1] not in ("read", "list")]
    assert changes == [
        ("webchat:bertil", "status", "BEH-1"),
        ("webchat:bertil", "assign", "ÄRE-1"),
        ("webchat:bertil", "comment", "BEH-2"),
        ("webchat:bertil", "escalate", "ÄRE-1"),
        ("webchat:bertil", "status", "AVV-1"),
    ]
    # Changing a deviation reads it first: that read is logged as well.
    assert ("webchat:bertil", "read", "AVV-1") in audit(bot)[start:]
    details = {
        (r["action"], r["ref"]): r["detail"]
        for r in bot.db.query("SELECT * FROM audit WHERE actor = 'webchat:bertil'")
    }
    assert details[("status", "BEH-1")] == "in_progress"
    assert details[("assign", "ÄRE-1")] == "david"
    assert details[("escalate", "ÄRE-1")] == "programme"
    assert details[("status", "AVV-1")] == "resolved"


async def test_reads_of_other_kinds_are_not_audited(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    start = len(audit(bot))
    await chat("david").say("visa BEH-1")
    await chat("anna").say("visa BEH-1")
    assert audit(bot)[start:] == []


# -- showing one entry --------------------------------------------------------------------


async def test_show_has_comments_and_history(chat: Any, entries: dict[str, str]) -> None:
    bertil = chat("bertil")
    await bertil.say("tilldela BEH-1 bertil")
    await bertil.say("kommentera BEH-1 Ny skrivare är beställd")
    await bertil.say("status BEH-1 eskalerad")
    await bertil.say("nyttoobjekt BEH-1 3")
    await bertil.say("nyttoobjekt BEH-1 2")
    anna = chat("anna")
    await anna.say("visa BEH-1")
    text = anna.text
    assert text.startswith("BEH-1 – Skrivare saknas på avdelning 5\n\nStatus: Eskalerad\n")
    assert "Rubrik: Skrivare saknas på avdelning 5" in text
    assert "Nyttoobjekt: 2. Förbättrade och smartare arbetsformer i det dagliga arbetet" in text
    assert "Prioritet: Hög" in text
    assert "Handläggare: Bertil Nordin" in text
    assert "Eskaleringsnivå" not in text  # needs are not escalated (issues are)
    assert "Rapporterad av: Anna Lindqvist\n" in text
    assert "Kommentarer:\n  2026-11-25 10:00 Bertil Nordin: Ny skrivare är beställd" in text
    history_part = text.split("Historik:\n", 1)[1].splitlines()
    assert history_part == [
        "  2026-11-25 10:00 Anna Lindqvist: Status: Ny",
        "  2026-11-25 10:00 Bertil Nordin: Handläggare: Bertil Nordin",
        "  2026-11-25 10:00 Bertil Nordin: Status: Ny → Pågår",
        "  2026-11-25 10:00 Bertil Nordin: Status: Pågår → Eskalerad",
        "  2026-11-25 10:00 Bertil Nordin: Nyttoobjekt: 2 → 3",
        "  2026-11-25 10:00 Bertil Nordin: Nyttoobjekt: 3 → 2",
    ]


async def test_show_in_english(chat: Any, entries: dict[str, str]) -> None:
    await chat("david").say("kommentera BEH-2 Ordered")
    omar = chat("omar")
    await omar.say("show BEH-2")
    assert omar.text.startswith("BEH-2 – Printer missing in the emergency room\n\nStatus: New\n")
    assert "Priority: Medium" in omar.text
    assert "Comments:\n  2026-11-25 10:00 David Berg: Ordered" in omar.text
    assert "History:\n  2026-11-25 10:00 Omar Haddad: Status: New" in omar.text


# -- search -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("skrivare", {"BEH-1"}),
        ("Skrivare", {"BEH-1"}),
        ("skriv", {"BEH-1"}),  # a prefix
        ("läkemedelslistan", {"ÄRE-1"}),
        ("lakemedelslistan", {"ÄRE-1"}),  # without å/ä/ö
        ("LAKEMEDEL", {"ÄRE-1"}),
        ("avdelning", {"BEH-1", "ÄRE-1"}),
        ("avdelning dos", {"ÄRE-1"}),  # every word must match
        ("printer", {"BEH-2"}),
        ("are", {"ÄRE-1"}),  # the number, typed without the dots
        ("äre-1", {"ÄRE-1"}),
        ("mg ml", {"ÄRE-1"}),  # in the description
        ("skrivare*", {"BEH-1"}),
        ('"skrivare', {"BEH-1"}),
        ("skrivare)", {"BEH-1"}),
        ("zebra", set()),
    ],
)
async def test_search_by_words(
    chat: Any, entries: dict[str, str], query: str, hits: set[str]
) -> None:
    david = chat("david")
    await david.say(f"sök {query}")
    assert david.last[0].style == "info"
    found = set(REF_PATTERN.findall(david.text))
    assert {f"{prefix}-{number}" for prefix, number in found} == hits
    if not hits:
        assert david.text == t("sv", "search_empty", query=query)


async def test_search_in_english(chat: Any, entries: dict[str, str]) -> None:
    omar = chat("omar")
    await omar.say("search printer")
    assert omar.text.startswith("1 entry:")
    assert "BEH-2 · New · Printer missing in the emergency room" in omar.text
    await omar.say("search")
    assert omar.text == "Say what to search for, for example: search printer"
    await omar.say("search zebra")
    assert omar.text == "No hits for “zebra”."


async def test_search_respects_visibility(
    chat: Any, entries: dict[str, str], deviation: str
) -> None:
    anna = chat("anna")
    await anna.say("sok printer")
    assert anna.text == t("sv", "search_empty", query="printer")
    await anna.say("sök avdelning")
    assert set(REF_PATTERN.findall(anna.text)) == {("BEH", "1"), ("ÄRE", "1"), ("AVV", "1")}
    omar = chat("omar")
    await omar.say("search skrivare")
    assert omar.text == "No hits for “skrivare”."
    await omar.say("search allergier")
    assert omar.text == "No hits for “allergier”."
    for user in ("cecilia", "eva"):
        person = chat(user)
        await person.say("sök allergier")
        assert person.text == t("sv", "search_empty", query="allergier")
    bertil = chat("bertil")
    await bertil.say("sök allergier")
    assert "AVV-1" in bertil.text


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"""',
        "*",
        "**",
        "(",
        ")",
        "()",
        "NEAR",
        "NEAR(skrivare avdelning)",
        "NEAR(skrivare avdelning, 2)",
        "skrivare NEAR avdelning",
        "AND",
        "OR",
        "NOT",
        "skrivare NOT avdelning",
        "skrivare OR zebra",
        "-skrivare",
        "^skrivare",
        "+",
        ":",
        "title:skrivare",
        "{title search_text}: skrivare",
        "skri*are",
        "'; DROP TABLE entries; --",
        "\\",
        "%",
        "_",
        "🖨️",
        "ﷺ",
        "\u200f",
    ],
)
async def test_search_syntax_characters_do_not_crash(
    chat: Any, bot: Bot, entries: dict[str, str], query: str
) -> None:
    david = chat("david")
    await david.say(f"sök {query}")
    assert david.last, "an answer"
    assert david.text != t("sv", "error")
    assert david.last[0].style == "info"
    # Whatever was typed, the entries are all still there.
    assert len(list(bot.db.query("SELECT id FROM entries"))) == 3
    if query in ("-skrivare", "^skrivare"):
        # Operators are plain characters: the word is still searched for.
        assert "BEH-1" in david.text


async def test_search_finds_new_words_after_a_change(
    chat: Any, bot: Bot, entries: dict[str, str]
) -> None:
    """The index follows the entries: a status change or comment does not lose them."""
    bertil = chat("bertil")
    await bertil.say("status BEH-1 löst")
    await bertil.say("kommentera BEH-1 klart")
    await bertil.say("sök skrivare")
    assert "BEH-1 · Löst · Skrivare saknas på avdelning 5" in bertil.text
    row = entry_row(bot, "need")
    assert json.loads(row["fields"])["title"] == NEED["title"]


async def test_search_with_more_hits_than_the_count_cap_says_more_than(chat: Any, bot: Bot) -> None:
    """A common word's hits are not all counted: past 1 000 the header says "more than"."""
    from bot.domain.model import Entry, Kind

    repository = bot.entries.entries
    with bot.stores.uow.atomic():
        for number in range(1_005):
            repository.create(
                Entry(
                    kind=Kind.NEED,
                    title=f"Skrivare {number}",
                    fields={"title": f"Skrivare {number}"},
                    reporter_platform="webchat",
                    reporter_id="anna",
                    reporter_name="Anna",
                ),
                dedupe_key=f"bulk-{number}",
            )
    bertil = chat("bertil")
    await bertil.say("sök skrivare")
    assert bertil.last[0].text.startswith("Fler än 1 000 poster (visar de 20 senaste):")
    # "1004" is the title's number of BEH-1005 and the number of BEH-1004 itself.
    await bertil.say("sök skrivare 1004")
    assert bertil.last[0].text.startswith("2 poster:\nBEH-1005 · Ny · Skrivare 1004")


async def test_the_handler_is_told_when_the_reporter_cannot_be_reached(chat: Any, bot: Bot) -> None:
    """A reporter on a platform that is not running here: the handler hears it did not arrive."""
    slack_nurse = chat("U0NURSE", platform="slack")
    ref = await slack_nurse.log("need", NEED_VALUES_FOR_UNREACHABLE)
    bertil = chat("bertil")
    await bertil.say(f"status {ref} pågår")
    assert bertil.last[0].style == "success"
    notices = [m["text"] for m in bot.webchat.inbox("bertil", 0) if m["direct"]]
    assert notices == [
        f"Jag kunde inte meddela U0NURSE om {ref}: no adapter for platform 'slack' is running"
    ]


NEED_VALUES_FOR_UNREACHABLE = {
    "title": "Skrivare saknas",
    "description": "Ingen skrivare i korridoren.",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}
