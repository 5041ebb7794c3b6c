"""Deviations as programplan 7.7 has them: "Avvikelser mot programplan hanteras enligt ”FVIS
riktlinje för uppföljning och rapportering”" and "Avvikelser som uppkommer efter, eller i samband
med, införandet av FVIS ska i första hand hanteras i regionens befintliga avvikelsesystem."

The two kinds are kept apart in the dialogue, the register and the reports; a go-live deviation
is referred to the region's system first, with a case-number follow-up and reminders until the
number is given; the record says what really happened (hänvisad / registrerad); a flagged one
reaches the unit's medically responsible person and line manager by name (the demo file's
Maria Sandberg and Lena Holmgren for Avdelning 5), and the record shows who was told and when."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app.build import Bot
from bot.domain.model import Entry, Kind, Status
from bot.i18n.catalogue import t
from bot.reports.model import Facts
from bot.reports.status_counts import deviations_table
from tests.conftest import FakeClock
from tests.test_reports_excel import workbook_of
from tests.time_helpers import channel_texts, dm_texts, local, time_side

URL = "https://intranat.example.se/avvikelsesystem"
GOLIVE = {
    "origin": "golive",
    "type": "negative_event",
    "what": "Läkemedelslistan visade fel dos efter bytet till FVIS",
    "when": "igår kl 14",
    "unit": "Avdelning 5",
    "area": "care",
    "category": "patient_safety",
    "consequence": "2",
    "probability": "2",
    "lex_maria": "no",
}
FLAGGED = GOLIVE | {"consequence": "4", "probability": "3"}
PLAN = {
    "origin": "plan",
    "what": "Leveransen av utbildningsmiljön är tre veckor sen",
    "when": "igår kl 9",
    "category": "plan_time",
    "consequence": "3",
}


def entry(bot: Bot, number: int = 1) -> Entry:
    found = bot.stores.entries.get(Kind.DEVIATION, number)
    assert found is not None
    return found


def reminders(bot: Bot, user: str) -> list[str]:
    return [text for text in dm_texts(bot, user) if text.startswith("Har du lagt in")]


# -- two kinds, kept apart in the dialogue -------------------------------------------------


async def test_a_deviation_from_the_plan_is_the_programmes_own(chat: Any, bot: Bot) -> None:
    """Time, scope, budget: no unit, probability or Lex Maria asked, nothing referred."""
    david = chat("david")
    await david.say("avvikelse Leveransen av utbildningsmiljön är försenad tre veckor")
    assert david.text == t("sv", "ask.when")
    await david.say("igår kl 9")
    assert david.text == t("sv", "ask.consequence")
    await david.click("4 – mycket allvarlig")
    assert "Slag av avvikelse: Mot programplanen (tid, omfattning, budget) (förslag)" in david.text
    assert "Kategori: Avvikelse från programplan: tid (förslag)" in david.text
    for absent in ("Enhet:", "Sannolikhet", "Lex Maria", "Riskvärde", "avvikelsesystem"):
        assert absent not in david.text, absent
    replies = await david.click("Spara")
    assert [r.text for r in replies] == [
        t("sv", "saved", ref="AVV-1"),
        "En avvikelse mot programplanen tas om hand av programmet. Det sker enligt FVIS riktlinje "
        "för uppföljning och rapportering.",
    ]
    saved = entry(bot)
    assert saved.fields["origin"] == "plan" and saved.fields["category"] == "plan_time"
    assert (saved.fields["unit"], saved.fields["probability"], saved.fields["area"]) == ("", "", "")
    # Consequence 4 is no risk value for the medically responsible: the flags stay empty.
    assert saved.flags == [] and saved.status is Status.NEW
    await david.say("visa AVV-1")
    assert "Avvikelsesystemet" not in david.text and "Enhet:" not in david.text


async def test_words_that_say_neither_kind_ask_which_and_offer_only_its_categories(
    chat: Any,
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Det blev fel")
    assert anna.text == t("sv", "ask.origin")
    assert [c.label for c in anna.last[0].choices][:2] == [
        "Mot programplanen (tid, omfattning, budget)",
        "Vid eller efter införandet av FVIS",
    ]
    await anna.click("Mot programplanen (tid, omfattning, budget)")
    assert anna.text == t("sv", "ask.when")
    await anna.say("i fredags kl 10")
    assert anna.text == t("sv", "ask.category")
    assert [c.label for c in anna.last[0].choices][:3] == [
        "Avvikelse från programplan: tid",
        "Avvikelse från programplan: omfattning",
        "Avvikelse från programplan: budget",
    ]
    assert "Patientsäkerhet" not in [c.label for c in anna.last[0].choices]
    # The other kind: its own categories, and its unit is asked.
    await anna.say("avbryt")
    await anna.say("avvikelse Det blev fel")
    await anna.click("Vid eller efter införandet av FVIS")
    await anna.say("i fredags kl 10")
    assert anna.text == t("sv", "ask.unit")
    await anna.say("Avdelning 5")
    labels = [c.label for c in anna.last[0].choices]
    assert labels[:4] == ["Patientsäkerhet", "Informationssäkerhet", "IT-/systemfel", "Arbetsmiljö"]
    assert "Avvikelse från programplan: tid" not in labels


async def test_a_category_of_the_other_kind_changes_the_kind_in_the_summary(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Igår kl 14 på avdelning 5 visade journalen fel lista")
    await anna.say("2")
    await anna.say("2")
    assert "Slag av avvikelse: Vid eller efter införandet av FVIS" in anna.text
    await anna.say("kategori Avvikelse från programplan: budget")
    assert "Slag av avvikelse: Mot programplanen (tid, omfattning, budget)\n" in anna.text
    assert "Enhet:" not in anna.text
    await anna.click("Spara")
    saved = entry(bot)
    assert (saved.fields["origin"], saved.fields["unit"]) == ("plan", "")
    assert saved.flags == []


async def test_the_form_keeps_the_kinds_apart(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    form = await anna.open_form("deviation")
    fields = {f.name: f for f in form.fields}
    assert next(iter(fields)) == "origin"
    assert not fields["unit"].required and fields["unit"].help == "Bara vid införandet"
    await anna.submit(form.id, PLAN | {"category": "patient_safety"})
    assert anna.last[0].form is not None
    errors = {f.name: f.error for f in anna.last[0].form.fields}
    assert errors["category"] == t("sv", "dev.category_of_plan")
    # A go-live deviation needs what the plan's does not: its unit.
    await anna.submit(form.id, GOLIVE | {"unit": ""})
    assert anna.last[0].form is not None
    assert {f.name: f.error for f in anna.last[0].form.fields}["unit"] == t("sv", "required")
    await anna.submit(form.id, PLAN | {"unit": "Avdelning 5", "probability": "4"})
    assert anna.last[0].style == "success"
    assert (entry(bot).fields["unit"], entry(bot).fields["probability"]) == ("", "")


# -- referred, then registered: what really happened ------------------------------------------


async def test_a_case_number_makes_it_registered_and_whoever_handles_it_hears(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna, david = chat("anna"), chat("david")
    await anna.log("deviation", GOLIVE)
    [referred] = [r for r in anna.last if r.copy]
    assert URL in referred.text and referred.copy.startswith("FVIS AVV-1\nAvvikelse\n")
    await anna.click(t("sv", "dev.choice.case_number"))
    form = anna.last[0].form
    assert (
        form is not None
        and anna.text == "Vilket ärendenummer fick AVV-1 i regionens system för avvikelser?"
    )
    clock.advance(hours=2)
    await anna.submit(form.id, {"number": "  AVV 2026/4711 "})
    assert anna.last[0].style == "success"
    assert anna.text == (
        "AVV-1 är registrerad i avvikelsesystemet (ärendenummer AVV 2026/4711). "
        "Den som handlägger har fått veta."
    )
    saved = entry(bot)
    assert saved.fields["region_case_number"] == "AVV 2026/4711"
    [change] = [c for c in saved.history if c.field == "region_case_number"]
    assert (change.actor_name, change.new, change.at) == (
        "Anna Lindqvist",
        "AVV 2026/4711",
        clock.current,
    )
    for handler in ("bertil", "david"):
        assert any(
            text == "Anna Lindqvist skriver att AVV-1 finns i regionens system för avvikelser, med "
            "ärendenummer AVV 2026/4711."
            for text in dm_texts(bot, handler)
        ), handler
    await david.say("visa AVV-1")
    assert "Avvikelsesystemet: registrerad i avvikelsesystemet (ärendenummer AVV 2026/4711)" in (
        david.text
    )
    assert "hänvisad" not in david.text
    assert "Ärendenummer i avvikelsesystemet: → AVV 2026/4711" not in david.text
    assert "Anna Lindqvist: Ärendenummer i avvikelsesystemet: AVV 2026/4711" in david.text


async def test_the_case_number_by_command_in_english_and_who_may_give_it(
    chat: Any, bot: Bot
) -> None:
    anna, omar, bertil = chat("anna"), chat("omar"), chat("bertil")
    await anna.log("deviation", GOLIVE)
    await omar.say("casenumber AVV-1 123")
    assert omar.last[0].style == "error"
    assert omar.text == "Only those who reported AVV-1 and handlers can enter the number."
    await anna.say("ärendenummer AVV-1 19121212-1212")
    assert anna.last[0].style == "error" and "personnummer" in anna.text
    await anna.say("ärendenummer AVV-1 <script>")
    assert anna.text == t("sv", "dev.bad_case_number", text="<script>")
    assert "region_case_number" not in entry(bot).fields
    await bertil.say("ärendenummer AVV-1 4711")
    assert bertil.last[0].style == "success"
    # The reporter hears it where she reported.
    assert any(
        "finns nu i regionens system för avvikelser, med ärendenummer 4711" in text
        for text in dm_texts(bot, "anna")
    )
    await anna.log("deviation", PLAN)
    await anna.say("ärendenummer AVV-2 4712")
    assert anna.text == t("sv", "dev.not_golive", ref="AVV-2")


async def test_the_reporter_is_reminded_the_next_day_then_weekly_until_the_number_is_given(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna = chat("anna")
    await anna.log("deviation", GOLIVE)
    scheduler = time_side(bot).scheduler
    clock.current = local(2026, 11, 26, 8, 59)
    await scheduler.run_due()
    assert reminders(bot, "anna") == []
    for hour in (9, 15):
        clock.current = local(2026, 11, 26, hour)
        await scheduler.run_due()
    [reminder] = reminders(bot, "anna")
    assert URL in reminder and "ärendenummer AVV-1 <nummer>" in reminder
    [row] = [r for r in bot.db.query("SELECT * FROM webchat_inbox") if r["text"] == reminder]
    assert t("sv", "dev.choice.case_number") in row["choices"]
    clock.current = local(2026, 12, 2, 9)
    await scheduler.run_due()
    assert len(reminders(bot, "anna")) == 1, "weekly after the first"
    clock.current = local(2026, 12, 3, 9)
    await scheduler.run_due()
    assert len(reminders(bot, "anna")) == 2
    await anna.say("ärendenummer AVV-1 4711")
    clock.current = local(2026, 12, 10, 9)
    await scheduler.run_due()
    assert len(reminders(bot, "anna")) == 2, "the number is given: no more reminders"


async def test_no_reminder_once_the_deviation_is_closed_or_for_one_from_the_plan(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna, bertil = chat("anna"), chat("bertil")
    await anna.log("deviation", GOLIVE)
    await anna.log("deviation", PLAN)
    await bertil.say("status AVV-1 avvisad")
    if bertil.last[0].choices:  # a final status is confirmed
        await bertil.click(bertil.last[0].choices[0].label)
    assert entry(bot).status is Status.REJECTED
    clock.current = local(2026, 11, 26, 9)
    await time_side(bot).scheduler.run_due()
    assert reminders(bot, "anna") == []


# -- the line organisation told by name ------------------------------------------------------


async def test_a_flagged_golive_deviation_reaches_the_medically_responsible_and_the_manager(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna, maria, karin = chat("anna"), chat("maria"), chat("karin")
    await anna.log("deviation", FLAGGED)
    assert "Jag har meddelat Maria Sandberg, Lena Holmgren." in anna.text
    for user, role in (("maria", "medicinskt ansvarig"), ("lena", "chef för enheten")):
        [told] = [text for text in dm_texts(bot, user) if "AVV-1" in text]
        assert told == (
            "AVV-1 är en avvikelse vid införandet av FVIS på Avdelning 5. Den har riskvärde 12. "
            f"Kan det vara Lex Maria: Nej. Du får veta det som {role}. Den ska i första hand in i "
            "regionens system för avvikelser."
        )
    # The record shows who was told, as what, and when; and they may read it.
    saved = entry(bot)
    told = [(c.field, c.new, c.at) for c in saved.history if c.field.startswith("told_")]
    assert told == [
        ("told_medically_responsible", "Maria Sandberg", clock.current),
        ("told_line_manager", "Lena Holmgren", clock.current),
    ]
    await maria.say("visa AVV-1")
    assert "Meddelade i linjen: Maria Sandberg (medicinskt ansvarig), 2026-11-25 10:00; " in (
        maria.text
    )
    assert "Lena Holmgren (chef för enheten), 2026-11-25 10:00" in maria.text
    await karin.say("visa AVV-1")
    assert "inte behörighet" in karin.text


async def test_lex_maria_maybe_also_reaches_the_medically_responsible(chat: Any, bot: Bot) -> None:
    await chat("anna").log("deviation", GOLIVE | {"lex_maria": "maybe"})
    [told] = [text for text in dm_texts(bot, "maria") if "AVV-1" in text]
    assert "Kan det vara Lex Maria: Kanske." in told


async def test_an_unflagged_deviation_and_one_from_the_plan_tell_the_line_nothing(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.log("deviation", GOLIVE)
    await anna.log("deviation", PLAN | {"consequence": "4"})
    assert [text for text in dm_texts(bot, "maria") if "AVV-" in text] == []
    assert [text for text in dm_texts(bot, "lena") if "AVV-" in text] == []


async def test_a_unit_the_file_names_nobody_for_goes_to_the_programme_channel(
    chat: Any, bot: Bot
) -> None:
    omar = chat("omar")
    await omar.log("deviation", FLAGGED | {"unit": "Akuten"})
    assert "The programme file does not say who is medically responsible for “Akuten”." in omar.text
    # Flagged: the programme channel heard of it once, from the flag.
    assert channel_texts(bot) == [t("sv", "flag_channel_post", ref="AVV-1", value=12)]
    [change] = [c for c in entry(bot).history if c.field.startswith("told_")]
    assert change.new == "-"
    david = chat("david")
    await david.say("visa AVV-1")
    assert "ingen namngiven för enheten (medicinskt ansvarig)" in david.text
    # Not flagged, yet a possible Lex Maria case: the channel hears who must be found.
    await omar.log("deviation", GOLIVE | {"unit": "Akuten", "lex_maria": "yes"})
    assert channel_texts(bot)[1:] == [
        "AVV-2 ska till den som har medicinskt ansvar för ”Akuten”. Men programfilen säger inte "
        "vem det är. Handläggare: se till att rätt person får veta (visa AVV-2)."
    ]


# -- the register and the reports ------------------------------------------------------------


@pytest.mark.parametrize("locale", ["sv", "en"])
async def test_the_status_report_counts_referred_and_registered_never_forwarded(
    chat: Any, bot: Bot, locale: str
) -> None:
    anna = chat("anna")
    await anna.log("deviation", GOLIVE)
    await anna.log("deviation", GOLIVE | {"what": "Armbandet skrevs ut med fel namn"})
    await anna.log("deviation", PLAN)
    await anna.say("ärendenummer AVV-2 4711")
    found = [entry(bot, n) for n in (1, 2, 3)]
    facts = deviations_table(locale, found)[-1]
    assert isinstance(facts, Facts)
    assert facts.pairs == (
        (t(locale, "reports.label.referred"), "2"),
        (t(locale, "reports.label.registered"), "1"),
    )
    assert "Vidarebefordrad" not in str(deviations_table(locale, found))


async def test_the_register_says_what_happened_with_the_region_system(chat: Any, bot: Bot) -> None:
    anna, bertil = chat("anna"), chat("bertil")
    await anna.log("deviation", FLAGGED)
    await anna.log("deviation", PLAN)
    await anna.say("ärendenummer AVV-1 4711")
    sheet = workbook_of(await bertil.say("rapport register avvikelser excel"))["Avvikelser"]
    header = [cell.value for cell in sheet[1]]
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    golive, plan = rows["AVV-1"], rows["AVV-2"]
    assert golive["Slag av avvikelse"] == "Vid eller efter införandet av FVIS"
    assert golive["Avvikelsesystemet"] == "registrerad i avvikelsesystemet (ärendenummer 4711)"
    assert str(golive["Meddelade i linjen"]).startswith("Maria Sandberg (medicinskt ansvarig)")
    assert plan["Slag av avvikelse"] == "Mot programplanen (tid, omfattning, budget)"
    assert (plan["Avvikelsesystemet"], plan["Meddelade i linjen"], plan["Enhet"]) == (
        None,
        None,
        None,
    )


def test_an_address_with_a_text_placeholder_carries_the_text_prefilled() -> None:
    from bot.entries.deviations import system_link

    text = "FVIS AVV-1\nVad: Fel dos & fel lista"
    assert system_link(URL, text) == URL, "an address without {text} is given as it is"
    assert system_link("https://avvikelse.example.se/ny?text={text}", text) == (
        "https://avvikelse.example.se/ny?text=FVIS%20AVV-1%0AVad%3A%20Fel%20dos%20%26%20fel%20lista"
    )
