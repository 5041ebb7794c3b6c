### fvis-bot's texts – Svenska.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.


## general

# Each kind as a word in running text, with its grammatical gender: texts about an entry
# agree with it (din avvikelse, ditt ärende) through { $gender }, which the bot takes from here.
-kind-need = behov
    .gender = neuter
-kind-issue = ärende
    .gender = neuter
-kind-deviation = avvikelse
    .gender = common
-kind-risk = risk
    .gender = common
-kind-change = ändringsbegäran
    .gender = common

# kinds
kind-need = Behov
kind-issue = Ärende
kind-deviation = Avvikelse
kind-risk = Risk
kind-change = Ändringsbegäran
kind_a-need = ett behov
kind_a-issue = ett ärende
kind_a-deviation = en avvikelse
kind_a-risk = en risk
kind_a-change = en ändringsbegäran
# statuses and levels
status-new = Ny
status-in_progress = Pågår
status-escalated = Eskalerad
status-resolved = Löst
status-closed = Stängd
status-rejected = Avvisad
status-awaiting_decision = Väntar på beslut
status-approved = Beviljad
status-postponed = Vilande
status-handed_to_line = Lämnad till linjen
level-project = Projekt
level-programme = Program
level-steering_group = Programstyrgrupp
# a level in running text ("eskalerat till programnivå")
level-in-project = projektnivå
level-in-programme = programnivå
level-in-steering_group = programstyrgruppen
# field labels
field-title = Rubrik
field-description = Beskrivning
field-unit = Enhet
field-benefit = Nyttoobjekt
field-priority = Prioritet
field-urgency = Brådska
field-type = Typ
field-what = Vad
field-when = När
field-area = Område
field-category = Kategori
field-consequence = Konsekvens (1–4)
field-probability = Sannolikhet (1–4)
field-immediate_action = Omedelbar åtgärd
field-lex_maria = Möjligt Lex Maria-ärende
field-owner = Riskägare
field-mitigation = Åtgärd för att minska risken
field-why = Varför
field-impact_scope = Påverkan på omfattning
field-impact_time = Påverkan på tidplan
field-impact_budget = Påverkan på budget
field-status = Status
field-assignee = Handläggare
field-escalation_level = Eskaleringsnivå
field-reporter = Rapporterad av
field-created = Registrerad
field-source = Källa
field-risk_value = Riskvärde
# questions, one at a time
ask-title = Vilken rubrik ska det ha? En kort mening räcker.
ask-description = Beskriv det lite mer: vad behövs och varför?
ask-unit = Vilken enhet gäller det (till exempel avdelning 5, Akuten)?
ask-benefit = Vilket nyttoobjekt i programplanen stödjer det?
ask-priority = Hur viktigt är det?
ask-urgency = Hur brådskande är det?
ask-type = Vilken sorts avvikelse är det?
ask-what = Vad hände? Beskriv vad, inte vem – inga namn eller personnummer.
ask-when = När hände det? Skriv till exempel ”igår kl 14”, ”i morse” eller ”3/12 10:00”.
ask-area = Inom vilket område?
ask-category = Vilken kategori passar bäst?
ask-consequence = Hur allvarlig blir följden? Välj från 1 (liten) till 4 (mycket allvarlig).
ask-probability = Hur sannolikt är det att det händer igen? 1 = osannolikt, 4 = mycket sannolikt.
ask-immediate_action = Vilken omedelbar åtgärd vidtogs? (skriv ”-” om ingen)
ask-lex_maria = Kan det vara ett Lex Maria-ärende?
ask-owner = Vem i programmet äger risken? (Någon utanför programmet: skriv ”extern: namn”.)
ask-mitigation = Hur kan risken minskas? (skriv ”-” om du inte vet)
ask-why = Varför behövs ändringen?
ask-impact_scope = Hur påverkas programmets omfattning?
ask-impact_time = Hur påverkas tidplanen?
ask-impact_budget = Hur påverkas budgeten?
# option labels
opt-priority-low = Låg
opt-priority-medium = Medel
opt-priority-high = Hög
opt-urgency-low = Låg
opt-urgency-normal = Normal
opt-urgency-high = Hög
opt-urgency-critical = Akut
opt-type-negative_event = Negativ händelse
opt-type-near_miss = Tillbud
opt-type-risk = Risk
opt-area-care = Vård
opt-area-administration = Administration
opt-area-it = IT och system
opt-area-programme = Programmet
opt-category-patient_safety = Patientsäkerhet
opt-category-information_security = Informationssäkerhet
opt-category-it_failure = IT-/systemfel
opt-category-work_environment = Arbetsmiljö
opt-category-plan_time = Avvikelse från programplan: tid
opt-category-plan_scope = Avvikelse från programplan: omfattning
opt-category-plan_budget = Avvikelse från programplan: budget
opt-lex_maria-no = Nej
opt-lex_maria-maybe = Kanske
opt-lex_maria-yes = Ja
opt-scale-1 = 1 – liten
opt-scale-2 = 2 – måttlig
opt-scale-3 = 3 – betydande
opt-scale-4 = 4 – mycket allvarlig
# the conversation
help =
    Jag är FVIS-boten. Hos mig kan du skriva in behov, ärenden, avvikelser, risker och ändringar. Jag påminner om milstolpar och beslut. Jag skickar ut nyheter och gör rapporter i Word.

    Skriv in:
      behov <text> · ärende <text> · avvikelse <text> · risk <text> · ändring <text>
      …eller skriv bara vad det gäller, så frågar jag vad som saknas.
    Se och följ upp:
      lista [mina|alla] [typ] [status] · visa BEH-12 · sök <ord>
      kommentera BEH-12 <text> · ärendenummer AVV-3 <nummer i avvikelsesystemet>
    Handläggare:
      status BEH-12 <status> · tilldela ÄRE-7 <person> · eskalera ÄRE-7
    Datum och påminnelser:
      milstolpar · milstolpe ny · beslut B4 <utfall> <motivering> · uppnådd M-NYTTA
      påminn mig nästa fredag kl 9 om … · påminnelser
    Nyheter:
      kommunikation · kommunikation ny · kommunikation godkänn 3
    Rapporter i Word:
      rapport vecka · rapport register behov [excel] · rapport BEH-12 · rapport beslut
      lägesbedömning grön|gul|röd <text> · ekonomi budget 250 mnkr prognos 262 mnkr
    avbryt – slutar det du håller på med.

    Skriv aldrig personnummer eller patientuppgifter här.
unknown_command = Jag förstod inte ”{ $text }”. Skriv hjälp för att se vad jag kan.
empty = Skriv något så hjälper jag dig. Skriv hjälp för att se vad jag kan.
classify = Det låter som { $kind_a }. Stämmer det, eller är det något annat?
classify_unsure = Vad vill du registrera?
choice-form = Fyll i formulär i stället
choice-cancel = Avbryt
choice-save = Spara
choice-edit = Ändra i formulär
summary =
    Stämmer det här? Jag sparar när du bekräftar.

    { $summary }
saved = Tack! Sparat som { $ref }. Du får besked här när något händer med det.
already_saved = Det här är redan sparat som { $ref }.
cancelled = Avbrutet. Inget sparades.
nothing_to_cancel = Det finns ingen pågående dialog att avbryta.
expired = Din förra dialog ({ $kind }) avbröts eftersom det gick för lång tid. Inget sparades.
stale_action = Den knappen hör till en dialog som redan är avslutad. Börja gärna om.
form_title = Registrera { $kind }
form_submit = Skicka
form_errors = Något i formuläret är fel. Rätta det som är markerat.
pick_one = Välj ett av alternativen: { $options }.
when_hint = t.ex. ”igår kl 14”, ”i morse”, ”3/12 10:00”
# refusals and checks
pii_refused = Jag kan inte spara det: texten innehåller något som ser ut som ett personnummer eller samordningsnummer. Patientuppgifter får inte finnas här. Skriv om utan numret – inget av det du skrev sparades.
search_too_big = Sökningen blev för stor – förfina den: färre ord, eller längre, till exempel ”sök skrivare avd 5”.
storage_busy = Försök igen om en stund – inget sparades. Databasen är upptagen av något annat just nu.
storage_unavailable = Det går inte att spara just nu: databasen kan inte skrivas till (full disk eller skrivskydd). Inget sparades.
pii_refused-timestamp = Jag kan inte spara det: en siffergrupp i texten ser ut som ett personnummer. Är det ett datum med klockslag? Skriv det med bindestreck och kolon, till exempel 2024-03-15 14:30. Inget av det du skrev sparades.
pii_refused-phone = Jag kan inte spara det: en siffergrupp i texten ser ut som ett personnummer. Är det ett telefonnummer? Skriv det i grupper, till exempel 070-123 45 67. Inget av det du skrev sparades.
too_long = Texten är för lång: { $length } tecken, högst { $limit } går. Korta den eller dela upp den.
required = Det här behövs.
bad_option = Välj ett av alternativen.
bad_when = Jag förstod inte tidpunkten ”{ $text }”. Skriv till exempel ”igår kl 14” eller ”3/12 10:00”.
future_when = Tidpunkten { $when } ligger i framtiden. När hände det?
# after saving
risk_flagged = Riskvärdet är { $value } (konsekvens × sannolikhet). Det är 8 eller mer. Därför är avvikelsen eskalerad och flaggad för den som har medicinskt ansvar.
flag_channel_post = { $ref } har riskvärde { $value }. Den är flaggad för den som har medicinskt ansvar. Handläggare: skriv visa { $ref }.
# browsing and triage
not_found = Jag hittar { $gender ->
        [common] ingen
       *[other] inget
    } { $ref }.
no_ref = Skriv vilket, till exempel { $example }.
forbidden_read = Du har inte behörighet att se { $ref }.
forbidden_triage = Bara handläggare och projektledare kan göra det.
list_empty = Inga poster matchar.
list_header = { $count } poster{ $more }:
list_header_one = 1 post:
list_header_many = Fler än { $count } poster{ $more }:
bad_list_word = ”{ $text }” känner jag inte igen. Skriv mina eller alla, en typ ({ $kinds }) eller en status ({ $options }).
list_more = { " " }(visar de { $shown } senaste)
list_own_only = Du ser dina egna poster.
search_empty = Inga träffar för ”{ $query }”.
search_usage = Skriv vad du söker efter, till exempel: sök skrivare
bad_status = ”{ $text }” är ingen status. Välj en av: { $options }.
status_same = { $ref } har redan status { $status }.
status_changed = { $ref } har nu status { $status }.
assign_usage = Skriv vem, till exempel: tilldela ÄRE-7 bertil
unknown_person = Jag känner inte till ”{ $name }”. Kända personer: { $names }.
assigned = { $ref } är { $gender ->
        [common] tilldelad
       *[other] tilldelat
    } { $name }.
comment_usage = Skriv kommentaren efter numret, till exempel: kommentera BEH-12 Klart på fredag
commented = Kommentaren är sparad på { $ref }.
escalated = { $ref } är { $gender ->
        [common] eskalerad
       *[other] eskalerat
    } till { $level }.
escalate_top = { $ref } är redan { $gender ->
        [common] eskalerad
       *[other] eskalerat
    } till programstyrgruppen, den högsta nivån.
comments = Kommentarer
history = Historik
# feedback to the reporter
notify_status = { $Yours } { $ref } ”{ $title }” har fått status { $status } ({ $actor }).
notify_comment = { $actor } kommenterade { $yours } { $ref } ”{ $title }”: { $text }
notify_assigned = Du har fått { $ref } ”{ $title }” { $gender ->
        [common] tilldelad
       *[other] tilldelat
    } av { $actor }.
notify_escalated = { $Yours } { $ref } ”{ $title }” är { $gender ->
        [common] eskalerad
       *[other] eskalerat
    } till { $level }. Skäl: { $reason }
notify_undelivered = Jag kunde inte meddela { $name } om { $ref }: { $error }
yes = Ja
no = Nej
error = Något gick fel hos mig. Inget av det du skrev gick förlorat – försök igen om en stund.

## home

# the overview (Slack's App Home); handlers/home.py builds it for any platform
home-title = FVIS – din översikt
home-mine = Dina poster: { $count } (visar { $shown })
home-mine_empty = Du har inte registrerat något ännu. Skriv /fvis behov, /fvis avvikelse … eller skriv till mig.
home-queue = Att hantera: { $count } öppna (visar { $shown })
home-queue_empty = Inga öppna poster att hantera.
home-assignee = { " " }· handläggare { $name }
home-show = Visa
home-take = Ta
home-escalate = Eskalera

## plan

# -- milestones and decisions ---------------------------------------------------------
ms-kind-decision = beslutspunkt
ms-kind-milestone = milstolpe
ms-outcome-continue = fortsätta
ms-outcome-change = ändra
ms-outcome-stop = avbryta
ms-list_title = Kommande milstolpar och beslutspunkter:
ms-list_all_title = Alla milstolpar och beslutspunkter:
ms-list_empty = Inga kommande milstolpar.
ms-row = { $id } · { $kind } · { $date } · { $owner } · { $title }
ms-row_in_days = om { $days } dagar
ms-row_today = i dag
ms-row_overdue = FÖRSENAD, inget beslut registrerat
ms-row_decided = beslut: { $outcome } ({ $body } { $date }, registrerat av { $name })
ms-list_hint = Ta ett beslut: beslut B5-R2 <utfall> <motivering>. Du ser vilka utfall som finns vid punkten. Klar milstolpe: uppnådd M-NYTTA. Se alla: milstolpar alla.
ms-choice-new = Ny milstolpe
ms-choice-all = Visa alla
ms-form_title = Milstolpe eller beslutspunkt
ms-form_submit = Spara
ms-field-id = Id (till exempel B5-R2)
ms-field-title = Rubrik
ms-field-kind = Typ
ms-field-date = Datum eller kvartal
ms-field-date_help = 2027-03-15, 2027-Q1 (sista arbetsdagen i kvartalet) eller t.ex. ”15 mars 2027”.
ms-field-owner = Ägare (namn eller id)
ms-saved_new = { $id } är sparad: { $kind }, { $date }, ägare { $owner }. Påminnelser går ut { $offsets } dagar före.
ms-saved_changed = { $id } är ändrad: { $kind }, { $date }, ägare { $owner }.
ms-required = Fyll i det här fältet.
ms-forbidden_edit = Bara projektledare kan lägga till eller ändra milstolpar.
ms-forbidden_decision = Bara projektledare eller ägaren till { $id } kan registrera dess beslut.
ms-bad_id = ”{ $text }” går inte som id. Använd bokstäver, siffror och bindestreck, till exempel B5-R2.
ms-bad_date = Jag förstod inte datumet ”{ $text }”. Skriv till exempel 2027-03-15, 2027-Q1 eller 15 mars 2027.
ms-unknown_owner = Jag hittar ingen person som heter ”{ $name }”.
ms-not_found = Det finns ingen milstolpe ”{ $text }”. Skriv milstolpar för att se dem.
ms-ambiguous = ”{ $text }” kan vara flera: { $ids }. Skriv hela id:t.
ms-decision_usage = Skriv: beslut B4 <utfall> [beslutsdag ÅÅÅÅ-MM-DD] <motivering>. Du ser vilka utfall som finns med: milstolpe B4.
ms-motivation_missing = Skriv också en motivering: beslut { $id } { $outcome } <motivering>
ms-decision_saved = Beslutet vid { $id } är registrerat: { $outcome }. Beslutat av { $body } { $day }. Registrerat av { $name } { $at }.
ms-decision_post = Beslut vid { $id } ”{ $title }”: { $outcome }. Beslutat av { $body } { $day }. Motivering: { $motivation } (registrerat av { $name })
ms-reminder = Påminnelse: { $kind } { $id } ”{ $title }” är { $date }, om { $days } dagar. Ägare: { $owner }.
ms-nudge = { $id } ”{ $title }” var { $date } ({ $late } dagar sedan) och inget beslut är registrerat. Jag påminner varje arbetsdag den första veckan, sedan en gång i veckan.
ms-missed = Boten var inte igång när den här påminnelsen skulle gå ut; den gick därför inte till kanalen. { $reminder }
ms-post_failed = Påminnelsen om { $id } kunde inte postas: { $errors }
# -- personal reminders ---------------------------------------------------------------
remind-usage = Skriv till exempel: påminn mig nästa fredag kl 9 om B5-underlaget
remind-ask_when = När vill du bli påmind om ”{ $text }”? Skriv till exempel ”i morgon kl 8” eller ”om 2 timmar”.
remind-ask_what = Vad ska jag påminna dig om { $when }?
remind-not_understood = Jag förstod inte tiden ”{ $text }”. Skriv till exempel ”nästa fredag kl 9”, ”den 3 december kl 10” eller ”om 20 minuter”.
remind-past_when = { $when } har redan varit. När vill du bli påmind i stället?
remind-past = Den tiden har redan varit.
remind-saved = Jag påminner dig { $when } om: { $text }
remind-too_many = Du har redan { $limit } påminnelser. Ta bort några först (påminnelser).
remind-not_found = Den påminnelsen finns inte (längre).
remind-cancelled = Påminnelsen { $when } är borttagen.
remind-list_title = Dina påminnelser:
remind-list_empty = Du har inga påminnelser.
remind-choice-cancel = Ta bort { $when }
remind-post = Påminnelse: { $text }
remind-missed = Boten var inte igång { $when }, när du skulle ha påmints om: { $text }
remind-unconfirmed = Boten stoppades medan den skickade din påminnelse från { $when }; kanske kom den inte fram. Den gällde: { $text }
# -- the communication plan -----------------------------------------------------------
comms-status-draft = utkast
comms-status-awaiting_approval = väntar på godkännande
comms-status-approved = godkänd, schemalagd
comms-status-published = publicerad
comms-status-failed = misslyckad
comms-status-missed = missad
comms-status-cancelled = inställd
comms-status-withdrawn = tillbakadragen
comms-post-sent = postad { $at }
comms-post-failed = misslyckad: { $error }
comms-post-waiting = väntar på att kanalen kopplas in
comms-post-missed = missad (boten var inte igång)
comms-post-unconfirmed = okänt om den kom fram – kontrollera kanalen
comms-post-withdrawn = tillbakadragen { $at }
comms-post-cancelled = inställd
comms-post-claimed = postas nu
comms-channel-webchat = webbchattens kanal
comms-channel-slack = Slack-kanal
comms-channel-teams = Teams-kanal
comms-channel-sharepoint = intranätets nyheter
comms-weekly = varje vecka
comms-list_coming = På gång i kommunikationsplanen:
comms-list_done = Har gått ut:
comms-list_empty = Kommunikationsplanen är tom.
comms-row = { $ref } · { $status } · { $when } · { $title }
comms-choice-new = Ny kommunikation
comms-choice-show = Visa { $ref }
comms-choice-submit = Skicka för godkännande
comms-choice-approve = Godkänn { $ref }
comms-choice-edit = Ändra { $ref }
comms-choice-cancel = Ställ in { $ref }
comms-choice-withdraw = Dra tillbaka { $ref }
comms-choice-repost = Posta igen: { $where }
comms-form_title = Kommunikation
comms-form_submit = Spara utkast
comms-form_save = Spara ändringen
comms-field-title = Rubrik
comms-field-body = Meddelande (svenska)
comms-field-body_en = Meddelande på engelska (valfritt)
comms-field-audiences = Målgrupper
comms-field-audiences_help = Välj en eller flera.
comms-field-channels = Kanaler
comms-field-channels_help = Välj en eller flera. En kanal som ännu inte är inkopplad väntar tills den är det.
comms-field-send_at = Skickas
comms-field-send_at_help = T.ex. ”nästa fredag kl 9” eller ”2026-12-03 10:00”.
comms-field-recurrence = Upprepning
comms-recurrence-none = Ingen
comms-recurrence-weekly = Varje vecka
comms-bad_audience = Okänd målgrupp: { $text }. Välj bland: { $names }
comms-bad_channel = Okänd kanal: { $text }. Välj bland: { $names }
comms-bad_when = Jag förstod inte tiden ”{ $text }”.
comms-when_past = { $when } har redan varit; välj en tid framåt.
comms-saved = { $ref } är sparad som utkast.
comms-edited = { $ref } är ändrad.
comms-edited_back = { $ref } är ändrad och måste godkännas igen.
comms-lix = Läsbarhet (LIX): { $lix }.
comms-lix_hard = Läsbarhet (LIX): { $lix } – svår att ta till sig. Planen ber om lättlästa budskap: korta meningar och vanliga ord (sikta på under 50).
comms-show =
    { $ref } ”{ $title }”
    Status: { $status }
    Skickas: { $when }{ $weekly }
    Målgrupper: { $audiences }
    Kanaler: { $channels }
    Författare: { $author }{ $approved }

    { $body }
comms-approved_by =

    Godkänd av: { $name }
comms-posts = Inlägg:
comms-submitted = { $ref } väntar nu på godkännande av en annan kommunikatör.
comms-approved = { $ref } är godkänd och går ut { $when } i: { $channels }.
comms-cancelled = { $ref } är inställd; inget postas.
comms-withdraw_confirm = Vill du dra tillbaka { $ref }? Den tas bort från alla kanaler där den är publicerad ({ $channels }). Det går inte att ångra.
comms-choice-withdraw_yes = Ja, dra tillbaka { $ref }
comms-choice-keep = Nej, låt { $ref } vara kvar
comms-kept = Inget ändrades.
comms-withdrawn = { $ref } är tillbakadragen från alla kanaler där den postades.
comms-withdraw_errors = { $ref } är markerad som tillbakadragen, men här gick det inte: { $errors }
comms-reposted = Postad igen i { $where }.
comms-repost_failed = Det gick inte heller nu: { $error }
comms-usage = Skriv: kommunikation [ny|visa N|godkänn N|ändra N|ställ in N|dra tillbaka N]
comms-forbidden = Kommunikationsplanen är till för kommunikatörer och projektledare.
comms-forbidden_draft = Bara kommunikatörer kan skriva och godkänna kommunikation.
comms-forbidden_cancel = Bara författaren eller en projektledare kan ställa in { $ref }.
comms-forbidden_withdraw = Bara författaren eller en projektledare kan dra tillbaka { $ref }.
comms-own_approval = Du kan inte godkänna { $ref }: du har skrivit eller ändrat den. En annan kommunikatör godkänner.
comms-send_at_past = Tiden för { $ref } har redan varit. Ändra tiden först.
comms-wrong_status = Det går inte nu: { $ref } har status { $status }.
comms-not_found = Det finns ingen { $ref }.
comms-changed_meanwhile = { $ref } ändrades av någon annan nyss. Titta på den igen.
comms-nothing_to_withdraw = { $ref } har inga inlägg att dra tillbaka.
comms-nothing_to_repost = { $ref } har inget inlägg att posta igen där.
comms-please_approve = { $name } ber om godkännande av { $ref } ”{ $title }”. Skriv: kommunikation visa { $ref }
comms-failed = { $ref } ”{ $title }” kunde inte postas överallt: { $errors }
comms-missed = { $ref } ”{ $title }” skulle ha gått ut { $when }, men boten var inte igång; den är inte postad. Ändra tiden och låt den godkännas igen.
comms-unconfirmed = Boten stoppades medan { $ref } ”{ $title }” postades i { $where }; jag vet inte om inlägget kom fram och postar inte igen av mig själv. Kontrollera kanalen; vill du posta igen: kommunikation visa { $ref }

## report

reports-month-1 = januari
reports-month-2 = februari
reports-month-3 = mars
reports-month-4 = april
reports-month-5 = maj
reports-month-6 = juni
reports-month-7 = juli
reports-month-8 = augusti
reports-month-9 = september
reports-month-10 = oktober
reports-month-11 = november
reports-month-12 = december
# the header block, as in the programme plan
reports-header-document_type = Dokumenttyp
reports-header-registration_number = Diarienummer
reports-header-programme = Program
reports-header-date = Datum
reports-header-edition = Utgåva
reports-header-page = Sida
reports-author = { $programme }-boten
reports-type-status = Statusrapport
reports-type-register = Register
reports-type-record = Registerpost
reports-type-decisions = Beslutslogg
reports-file-status_week = Statusrapport { $year }-v{ $week }
reports-file-status_period = Statusrapport { $start }–{ $end }
reports-file-register = Register { $kinds } { $date }
reports-file-decisions = Beslutslogg { $date }
reports-kind_plural-need = Behov
reports-kind_plural-issue = Ärenden
reports-kind_plural-deviation = Avvikelser
reports-kind_plural-risk = Risker
reports-kind_plural-change = Ändringsbegäranden
reports-generated = Skapad av FVIS-boten åt { $name } den { $date } kl. { $time }.
reports-scope-all = Rapporten omfattar alla poster.
reports-scope-own = Rapporten visar bara det som du själv har skrivit in.
reports-week_short = v. { $week }
# status report
reports-status-title_week = Statusrapport vecka { $week } { $year }
reports-status-title_period = Statusrapport { $period }
reports-status-summary = Sammanfattning
reports-status-nothing_in_period = Inga poster registrerades eller löstes under perioden.
reports-status-by_kind = Poster per typ
reports-status-open_by_status = Öppna poster per status
reports-status-no_open = Det finns inga öppna poster.
reports-status-escalated = Eskalerade poster
reports-status-no_escalated = Inget är eskalerat.
reports-status-escalated_more = Här är de { $shown } som är högst eskalerade av { $count }. Alla finns i: rapport register ärenden eskalerad
reports-status-deviations = Avvikelser
reports-status-new_deviations = Nya avvikelser per kategori och konsekvens
reports-status-deviations_intro = Här är avvikelserna från perioden. De är sorterade efter typ och hur allvarliga de är (1–4).
reports-status-no_deviations = Inga avvikelser registrerades under perioden.
reports-status-risks = Risker
reports-status-no_risks = Det finns inga öppna risker.
reports-status-top_risks = De { $count } högsta riskerna
reports-status-matrix = Riskmatris
reports-status-milestones = Milstolpar och beslutspunkter
reports-status-coming = De närmaste { $days } dagarna
reports-status-no_coming = Det finns inga milstolpar och inga beslut de närmaste { $days } dagarna.
reports-status-overdue = Försenade
reports-status-no_overdue = Inga milstolpar eller beslutspunkter är försenade.
reports-status-decisions = Fattade beslut
reports-status-no_decisions = Inga beslut registrerades under perioden.
reports-status-comms = Kommunikation
reports-status-published = Publicerat under perioden
reports-status-no_published = Inget publicerades under perioden.
reports-status-coming_comms = Planerat de närmaste { $days } dagarna
reports-status-no_coming_comms = Inget är planerat de närmaste { $days } dagarna.
reports-open_risks_value = { $count } (högsta riskvärde { $highest })
reports-chart-per_week = Nya poster per vecka och typ
reports-chart-entries = Antal poster
reports-chart-per_week_alt = Stapeldiagram, nya poster per vecka: { $values }.
reports-chart-matrix = Öppna risker efter sannolikhet och konsekvens ({ $count } st)
reports-chart-matrix_cell = konsekvens { $consequence }, sannolikhet { $probability }: { $count }
reports-chart-matrix_alt = Riskmatris 4 × 4 med antal öppna risker per ruta: { $cells }.
# the status report: what a steering group decides from
reports-status-assessment = Lägesbedömning
reports-assessment-none = Programledaren har inte gjort någon lägesbedömning. Den skrivs i chatten, till exempel: lägesbedömning gul Leveransen från Cambio är två veckor sen.
reports-assessment-colour = Läge
reports-assessment-text = Bedömning
reports-assessment-by = Gjord av
reports-assessment-made = { $name }, { $date }
reports-assessment-carried = { $name }, { $date } – oförändrad sedan dess
reports-colour-green = Grönt – enligt plan
reports-colour-yellow = Gult – avvikelse som programmet hanterar
reports-colour-red = Rött – styrgruppen behöver agera
reports-status-to_decide = Att besluta
reports-status-changes = Ändringsbegäranden som väntar på beslut
reports-status-no_changes = Inga ändringsbegäranden väntar på beslut.
reports-status-more = De första { $shown } av { $count }; alla finns i { $command }.
reports-command-changes = ”rapport register ändringsbegäranden”
reports-command-escalated = registren, till exempel ”rapport register ärenden eskalerad”
reports-command-deviations = ”rapport register avvikelser”
reports-status-plan_deviations = Avvikelser från programplanen (tid, omfattning, budget)
reports-status-no_plan_deviations = Inga öppna avvikelser från programplanen.
reports-status-high_risk = Öppna avvikelser med riskvärde { $threshold } eller mer
reports-status-no_high_risk = Ingen öppen avvikelse har riskvärde { $threshold } eller mer.
# no-break spaces: the value and the limit stay on one line
reports-status-rule_risk_value = Regel: riskvärde { $value } ≥ { $limit }
reports-status-benefits = Behov per nyttoobjekt
reports-benefit-none = Inget nyttoobjekt angivet
reports-status-budget = Ekonomi: budget och prognos
reports-budget-none = Det finns inga siffror för budget än. Den som leder programmet skriver in dem här i chatten. Till exempel: ekonomi budget 250 mnkr utfall 180 mnkr prognos 262 mnkr.
reports-budget-unreadable = Budgetfilen kunde inte läsas: { $error }
reports-budget-from_chat = Källa: inlagt i chatten av { $name } { $when }.
reports-budget-from_file = Källa: filen { $file }, senast ändrad { $when }.
reports-budget-note = Kommentar: { $note }
reports-budget-line = Post
reports-budget-programme = Programmet totalt
reports-budget-budget = Budget
reports-budget-outcome = Utfall
reports-budget-forecast = Prognos
reports-budget-difference = Prognos mot budget
reports-money-million = { $amount } mnkr
reports-money-thousand = { $amount } tkr
reports-money-kronor = { $amount } kr
reports-plan-intro = Här är milstolpar och beslutspunkter mot tidplanen. Först de som är sena ({ $overdue }), sedan de som kommer inom { $days } dagar, sist nya beslut. { $coming } ligger inom 30 dagar.
reports-plan-none = Ingen milstolpe och ingen beslutspunkt är sen. Ingen ligger heller inom { $days } dagar.
reports-plan-decided = Beslutad
reports-plan-reached = Uppnådd
reports-plan-late = Försenad { $days } dagar
reports-plan-today = I dag
reports-plan-unrecorded = Inget beslut registrerat
reports-plan-in_days = Om { $days } dagar
reports-status-not_out = Inte ute än eller misslyckat
reports-post-waiting = Väntar på kanalen
reports-post-failed = Misslyckad
reports-post-missed = Missad (boten var nere)
reports-post-claimed = Osäker – kontrollera
reports-post-unconfirmed = Osäker – kontrollera
reports-platform-webchat = Webbchatten
reports-platform-slack = Slack
reports-platform-teams = Teams
reports-platform-sharepoint = Intranätet (nyheter)
reports-channel-programme = { $platform }, programkanalen
reports-comms-no_audience = Alla
reports-comms-weekly_title = { $title } (varje vecka)
reports-label-audience = Målgrupp
reports-label-where = Kanal
reports-label-changes_waiting = Ändringsbegäranden som väntar på beslut
reports-label-plan_deviations = Öppna avvikelser från programplanen
reports-label-impact_scope = Omfattning
reports-label-impact_time = Tidplan
reports-label-impact_budget = Budget
reports-label-to_decide = Att besluta
reports-label-level = Nivå
reports-label-new_in_period = Nya under perioden
reports-label-planned = Planerat
reports-sheet-about = Om registret
reports-sheet-made_for = Gjort åt
reports-sheet-made_at = Gjort
reports-sheet-scope = Omfattning
reports-no_excel = Excel-register är inte påslagna här.
reports-excel_ready = Här är registret som Excel: { $what } ({ $count } poster).
cli-operator = Driftansvarig (kommandoraden)
# the programme manager's inputs in chat
inputs-forbidden = Det är bara programledaren som får skriva in läget och pengarna. I programfilen har den rollen projektledare.
inputs-assessment_usage = Skriv lägesbedömning och sedan grön, gul eller röd. Lägg till en kort rad om varför. Till exempel: lägesbedömning gul Leveransen är två veckor sen.
inputs-assessment_text = Skriv en kort motivering efter färgen, till exempel: lägesbedömning gul Leveransen är två veckor sen.
inputs-refused = { $error }
inputs-assessment_saved = Lägesbedömningen är sparad: { $colour }. Den står i statusrapporterna tills du gör en ny.
inputs-no_assessment = Ingen lägesbedömning är gjord. Skriv till exempel: lägesbedömning grön Allt enligt plan.
inputs-assessment_now =
    Senaste lägesbedömningen: { $colour }
    { $text }
    ({ $name }, { $date })
inputs-budget_usage = Skriv siffrorna med vad de är, till exempel: ekonomi budget 250 mnkr utfall 180 mnkr prognos 262 mnkr (tkr och kr går också).
inputs-budget_saved = Nu är siffrorna sparade. De står med i nästa rapport om läget:
inputs-no_budget = Inga budgetsiffror är inlagda. Skriv till exempel: ekonomi budget 250 mnkr utfall 180 mnkr prognos 262 mnkr.
inputs-budget_now = Budget { $budget } · utfall { $outcome } · prognos { $forecast } ({ $name }, { $when })
# labels in tables and summaries
reports-label-period = Period
reports-label-created = Nya poster
reports-label-resolved = Lösta eller stängda
reports-label-open_now = Öppna poster just nu
reports-label-escalated = Eskalerade poster
reports-label-deviations = Avvikelser under perioden
reports-label-open_risks = Öppna risker
reports-label-coming_milestones = Milstolpar och beslutspunkter inom 30 dagar
reports-label-overdue_milestones = Försenade milstolpar och beslutspunkter
reports-label-kind = Typ
reports-label-new = Nya
reports-label-resolved_short = Lösta
reports-label-open = Öppna
reports-label-total = Summa
reports-label-number = Nummer
reports-label-count = Antal
reports-label-flagged = Riskvärde { $threshold } eller mer
reports-label-probability_short = S
reports-label-consequence_short = K
reports-label-date = Datum
reports-label-id = Id
reports-label-description = Beskrivning
reports-label-type = Typ
reports-label-owner = Ägare
reports-label-decision_point = Beslutspunkt
reports-label-decision = Beslut
reports-label-motivation = Motivering
reports-label-recorded_by = Registrerat av
reports-label-decided_by = Beslutande
reports-label-decision_day = Beslutsdag
reports-label-published_at = Publicerad
reports-label-send_at = Planerad
reports-label-title = Rubrik
reports-label-channels = Kanaler
reports-label-updated = Senast ändrad
reports-label-medical_review = Flaggad för medicinskt ansvarig
reports-label-when = Tidpunkt
reports-label-by = Av
reports-label-comment = Kommentar
reports-label-change = Ändrat
reports-label-from = Från
reports-label-to = Till
reports-label-state = Läge
reports-milestone_kind-decision = Beslutspunkt
reports-milestone_kind-milestone = Milstolpe
reports-outcome-continue = Fortsätta
reports-outcome-change = Ändra
reports-outcome-stop = Avbryta
reports-comms-draft = Utkast
reports-comms-awaiting_approval = Väntar på godkännande
reports-comms-approved = Godkänd
reports-comms-published = Publicerad
reports-comms-failed = Misslyckad
reports-comms-cancelled = Inställd
reports-comms-withdrawn = Tillbakadragen
# register
reports-short-consequence = K
reports-short-probability = S
reports-short-escalation_level = Nivå
reports-short-origin = Slag
reports-short-referral = Avvikelsesystemet
reports-origin-plan = Mot planen
reports-origin-golive = Vid införandet
reports-referral-referred = Hänvisad
reports-referral-registered = Registrerad ({ $number })
reports-plan_category-plan_time = Tid
reports-plan_category-plan_scope = Omfattning
reports-plan_category-plan_budget = Budget
reports-register-origins = Slag: En avvikelse mot planen gäller programplanens tid, omfattning eller budget. En avvikelse vid införandet har hänt när FVIS infördes eller senare. Den hänvisas först till regionens avvikelsesystem. Där får den ett ärendenummer, och då är den registrerad.
reports-register-scales = K = konsekvens, S = sannolikhet, båda 1–4; riskvärdet är K × S.
reports-register-title = Register: { $kinds }
reports-register-selection = Urval
reports-register-section = { $status } ({ $count })
reports-register-benefits = Kolumnen Nyttoobjekt anger numret på programmets nyttoobjekt:
reports-register-all_statuses = Alla
reports-register-all_time = Hela tiden
reports-register-empty = Inga poster matchar urvalet.
reports-register-shortened = Här står det man söker på, och långa texter är kortade. Allt finns i den egna rapporten för en post (till exempel ”rapport { $ref }”). Det finns också i Excel (”rapport register { $kinds } excel”).
# one entry
reports-record-details = Uppgifter
reports-record-handling = Hantering
reports-record-no_comments = Inga kommentarer.
reports-record-no_history = Ingen historik.
# decision log
reports-decisions-title = Beslutslogg
reports-decisions-taken = Fattade beslut
reports-decisions-none = Inga beslut är registrerade ännu.
reports-decisions-points = Programmets beslutspunkter
reports-decisions-no_points = Programmet har inga beslutspunkter.
reports-decisions-state_decided = Fattat
reports-decisions-state_coming = Kommande
reports-decisions-state_overdue = Försenat
# the chat command
reports-usage =
    Jag gör Word-rapporter. Skriv till exempel:
    • rapport vecka – läget förra veckan (rapport vecka 47 för en viss vecka)
    • rapport period 2026-11-01 2026-11-30 – läget under en period
    • rapport register behov – alla poster av en typ ({ $kinds }). Du kan välja status och tid: rapport register risk pågår
    • rapport BEH-12 – allt om en post
    • rapport beslut – alla beslut
reports-ready = Här är din rapport: { $what }.
reports-bad_dnr = Diarienumret ska vara högst { $limit } tecken, till exempel: rapport vecka dnr RV 2026/123.
reports-bad_week = ”{ $text }” är ingen vecka jag känner igen. Skriv till exempel rapport vecka 47.
reports-bad_date = ”{ $text }” förstår jag inte som ett datum. Skriv till exempel 2026-11-01 eller 1 november.
reports-need_period = Skriv två datum, till exempel: rapport period 2026-11-01 2026-11-30
reports-bad_period = Perioden slutar före den börjar ({ $start } – { $end }).
reports-future_period = Perioden har inte börjat än ({ $start }). Välj en period som börjar i dag eller tidigare.
reports-register_kind = Vilken typ ska registret gälla? Skriv till exempel rapport register behov ({ $kinds }).
reports-bad_register_word = ”{ $text }” känner jag inte igen. Efter typen kan du skriva en status ({ $options }) och en period (två datum).
reports-unknown = ”{ $text }” är ingen rapport jag kan göra.
reports-weekly_person = projektledningen
reports-weekly_post_late = Veckans statusrapport, vecka { $week } – försenad, boten var inte igång måndag kl. 07.00: { $file }
reports-weekly_post = Veckans statusrapport, vecka { $week }: { $file }

## cli

cli-imported = Programmet från { $file } är importerat; starta om boten för att använda det.
cli-migrated = { $db }: { $count } migreringar körda ({ $names }).
cli-migrated_none = inga
cli-teams_package = Teams-appen är skriven till { $out }: ladda upp den i Teams administrationscenter.
cli-config_error = Konfigurationsfel: { $error }
cli-programme_error = Fel i programfilen: { $error }
cli-not_written = Kunde inte skriva { $out }: { $reason }
cli-report_written = { $out } ({ $size } byte)
cli-bad_kind = Okänd typ eller status: { $text }
cli-listed = ({ $shown } av { $total })

## dialogue

dialog-aside_generic = Det du höll på med
dialog-put_aside = { $what } ligger kvar. Skriv ”var var vi?” när du vill fortsätta.
dialog-resume_button = Fortsätt där vi var
dialog-leave_question = Vill du lämna { $what } och köra ”{ $command }”? Annars tar jag det som svar på frågan.
dialog-leave_yes = Ja, kör ”{ $command }”
dialog-leave_no = Nej, det var mitt svar
dialog-where = Här var vi:
dialog-nothing_pending = Vi är inte mitt i något just nu. Skriv hjälp för att se vad jag kan.
dialog-question_gone = Den frågan är redan besvarad.
suggest-command = Menade du ”{ $text }”?
suggest-yes = Ja, kör ”{ $text }”
suggest-no_log = Nej, registrera texten
suggest-no_help = Nej, något annat
suggest-person = Jag känner inte till ”{ $name }”. Menade du { $person }?
suggest-person_yes = Ja, tilldela { $person }
# confirmations before steps that are hard to undo
triage-confirm_status = Vill du sätta { $ref } ”{ $title }” till { $status }? { $reporter } registrerade det och får besked.
triage-confirm_yes = Ja, sätt { $ref } till { $status }
triage-keep = Nej, låt { $ref } vara
triage-kept = Inget ändrades på { $ref }.
# intake: fewer turns, one editable summary
classified_as = Jag registrerar det som { $kind_a }. Du kan byta typ i sammanfattningen.
summary_proposed =
    Stämmer det här? Det som är märkt (förslag) fyllde jag i själv – ändra det som inte stämmer, eller spara.

    { $summary }
proposed_mark = (förslag)
summary_hint = Vill du ändra något? Skriv fältets namn och det nya värdet, till exempel ”enhet Avdelning 6”, eller välj nedan.
choice-other_kind = Byt typ av post
dialog-aside_intake = Registreringen av { $kind_a }
dialog-aside_remind = Påminnelsen du började på
dialog-aside_intake_unknown = Registreringen du började på
ask-issue-description = Beskriv problemet lite mer: vad händer, och vad försökte du göra?
ask-issue-title = Vilken rubrik ska ärendet ha? En kort mening om problemet räcker.

## governance

# -- the plan's words (programplan 5.4): translated for English readers, never replaced ----
verb-starta = starta
verb-godkanna = godkänna
verb-fortsatta = fortsätta
verb-andra = ändra
verb-avbryta = avbryta
verb-avsluta = avsluta
ms-quarter = kvartal { $quarter } { $year }
# -- decision points and milestones ---------------------------------------------------
ms-next_decision = Registrera beslutet med: beslut { $id } { $outcomes } <motivering>
ms-next_no_outcomes = { $id } har inga utfall angivna. En projektledare anger dem med: milstolpe ändra { $id }
ms-next_reached = Markera den uppnådd med: uppnådd { $id }
ms-outcomes_line = Utfall enligt planen: { $outcomes }
ms-body_line = Beslutande: { $body }
ms-outcome_unknown = ”{ $word }” är inget av utfallen för { $id }. Skriv milstolpe { $id } för att se dem.
ms-outcome_missing = { $id } har { $count } beslut – ge ett ord för vart och ett. Det saknas: { $missing }
ms-outcome_conflict = { $id }: ”{ $first }” och ”{ $second }” är alternativ till samma beslut – välj ett.
ms-bad_decision_day = ”{ $text }” är inget datum. Skriv beslutsdagen som ÅÅÅÅ-MM-DD.
ms-future_decision_day = Beslutsdagen { $day } har inte varit än.
ms-bad_outcomes = Jag förstod inte ”{ $text }”. Skriv de beslut som går att ta. Till exempel: godkänna; fortsätta, ändra eller avbryta
ms-outcomes_missing = Skriv vilka beslut som går att ta vid punkten. Till exempel: godkänna; fortsätta, ändra eller avbryta
ms-field-outcomes = Utfall (beslutspunkter)
ms-field-outcomes_help = Skriv som i planen. Sätt ”;” mellan besluten och ”,” eller ”eller” mellan valen. Till exempel: godkänna; fortsätta, ändra eller avbryta
ms-not_a_decision_point = { $id } är en milstolpe, inte en beslutspunkt: den tar inga beslut. Markera den uppnådd med: uppnådd { $id }
ms-reach_decision_point = { $id } är en beslutspunkt: den blir klar när beslutet registreras. { $next }
ms-forbidden_reached = Bara projektledare eller ägaren till { $id } kan markera den uppnådd.
ms-already_reached = { $id } är redan markerad uppnådd ({ $day }, { $name }).
ms-reached_usage = Skriv vilken milstolpe, till exempel: uppnådd M-NYTTA
ms-reached_saved = { $id } är markerad uppnådd { $at } av { $name }. Programkanalen har fått veta.
ms-reached_post = Milstolpe { $id } ”{ $title }” ({ $date }) är uppnådd, enligt { $name }.
ms-row_reached = uppnådd { $date } ({ $name })
ms-row_unrecorded = inget beslut registrerat
ms-row_unreached = inte markerad uppnådd
ms-row_overdue_milestone = FÖRSENAD, inte markerad uppnådd
ms-nudge_milestone = Milstolpe { $id } ”{ $title }” var { $date } ({ $late } dagar sedan) och är inte markerad uppnådd. Jag påminner varje arbetsdag den första veckan, sedan en gång i veckan.
ms-from_file = programfilen (import)
ms-decision_line = { "  " }{ $day }: { $outcome } – beslutat av { $body }, registrerat av { $name } { $at }. { $motivation }
ms-no_body = (beslutande ej angivet)
# -- change requests (programplan 7.5) ------------------------------------------------
change-decision-approved = beviljad
change-decision-rejected = avslagen
change-decision-postponed = vilande
change-submit_usage = Skriv: till beslut ÄND-2 <nivå>
change-not_a_change = { $ref } är ingen ändringsbegäran: bara ändringsbegäranden beslutas så här.
change-not_submittable = { $ref } har status { $status } och kan inte skickas till beslut.
change-no_levels = Programfilen säger inte vem som tar beslut om en ändring. Fyll i governance.change_requests.levels.
change-unknown_level = ”{ $text }” är ingen beslutsnivå. Nivåerna: { $levels }
change-which_level = På vilken nivå ska { $ref } beslutas? Det beror på hur stor påverkan är: { $levels }
change-submitted = { $ref } väntar nu på beslut av { $body }. { $names } har fått veta.
change-to_decide = Ändringsbegäran { $ref } ”{ $title }” väntar på beslut av { $body }. Påverkan på omfattning: { $scope }. Tidplan: { $time }. Budget: { $budget }. Besluta med: beslut { $ref } beviljad|avslagen|vilande <motivering>
change-notify_submitted = Din ändringsbegäran { $ref } ”{ $title }” väntar nu på beslut av { $body }.
change-decision_usage = Skriv: beslut { $ref } beviljad|avslagen|vilande [beslutsdag ÅÅÅÅ-MM-DD] <motivering>
change-not_awaiting = { $ref } väntar inte på beslut (status { $status }). Skicka den först: till beslut { $ref } <nivå>
change-forbidden_decision = { $ref } beslutas av { $body }: bara { $names } kan registrera beslutet.
change-motivation_missing = Skriv också en motivering: beslut { $ref } beviljad <motivering>
change-decided = Beslutet om { $ref } är registrerat: { $outcome }. Beslutat av { $body } { $day }, registrerat { $at }. Anmälaren och den som skickade den till beslut har fått veta.
change-notify_decided = Din ändringsbegäran { $ref } ”{ $title }” är { $outcome } av { $body } { $day }. Motivering: { $motivation }
change-notify_decided_handler = { $ref } ”{ $title }”, som du skickade till beslut, är { $outcome } av { $body } { $day }. Motivering: { $motivation }
change-decided_post = Ändringsbegäran { $ref } ”{ $title }” är { $outcome } av { $body } { $day } (registrerat av { $name }). Motivering: { $motivation }
change-pending_title = Ändringsbegäranden som väntar på beslut:
change-pending_row =
    • { $ref } · { $title } · beslutas av { $body } · sedan { $since }
       omfattning: { $scope } · tidplan: { $time } · budget: { $budget }
change-pending_none = { "  " }(inga)
change-pending_points = Beslutspunkter som väntar på beslut:
change-status_by_decision = En ändringsbegäran får sin status genom beslut: till beslut { $ref } <nivå>, sedan beslut { $ref } beviljad|avslagen|vilande <motivering>.
status-not_for_kind = Status { $status } gäller inte { $ref }.
risk-status_by_handover = En risk lämnas till linjen med: lämna { $ref } till linjen <mottagande chef>
field-decision_level = Beslutsnivå
status-change-rejected = Avslagen
# -- risks (programplan 7.8, 8) ------------------------------------------------------
ask-risk-probability = Hur sannolikt är det att det händer? 1 = osannolikt, 4 = mycket sannolikt.
ask-review_date = När ska risken ses över nästa gång? Skriv till exempel ”om 4 veckor” eller ”15 januari” (skriv ”-” så blir det om 30 dagar).
help-review_date = t.ex. ”om 4 veckor”, ”15 januari”; tomt = om 30 dagar
help-owner = Någon i programmet; någon utanför: ”extern: namn”
field-review_date = Nästa genomgång
field-line_manager = Lämnad till (linjen)
past_when = { $when } har redan varit.
risk-owner_unknown = Jag hittar ingen ”{ $name }” i programmet. Skriv någon i programmet (till exempel { $names }), eller ”extern: { $name }” för någon utanför programmet – hen får då inga besked från mig.
risk-manager_unknown = Jag hittar ingen ”{ $name }” i programmet. Skriv den mottagande chefen, eller ”extern: { $name }” för en chef i linjen utanför programmet.
risk-saved_owner = { $name } är riskägare och har fått besked. Nästa genomgång: { $review }; då påminner jag { $name }.
risk-saved_own = Du är riskägare ({ $name }). Nästa genomgång: { $review }; då påminner jag dig.
risk-saved_external = Riskägaren { $name } är utanför programmet och är markerad så; jag kan inte meddela hen. Nästa genomgång: { $review }; då påminner jag dig.
risk-owner_told = Du är riskägare för { $ref } ”{ $title }” (riskvärde { $value }), enligt { $actor }. Nästa genomgång: { $review }. Se risken: visa { $ref }. Efter genomgång: granska { $ref } <nästa datum>
risk-owner_usage = Skriv: riskägare RIS-4 <namn> (någon utanför programmet: extern: <namn>)
risk-owner_set = { $name } är nu riskägare för { $ref } och har fått besked.
risk-owner_set_external = { $name } (utanför programmet) är nu riskägare för { $ref }; hen får inga besked från mig.
risk-review_due = Dags att se över risken { $ref } ”{ $title }” (riskvärde { $value }, ägare { $owner }). Efter genomgången: granska { $ref } <nästa datum> [kommentar]. Kan programmet inte hantera den själv: lämna { $ref } till linjen <mottagande chef> – <motivering>
risk-review_usage = Skriv: granska RIS-4 <nästa datum> [kommentar]
risk-bad_review = Jag förstod inte nästa genomgång ”{ $text }” – ett datum framåt i tiden, till exempel ”om 4 veckor”.
risk-reviewed = { $ref } är granskad. Nästa genomgång: { $day }.
risk-handover_usage = Skriv: lämna RIS-4 till linjen <mottagande chef> – <motivering>
risk-handed_over = { $ref } är lämnad till linjen: mottagande chef { $manager }, { $at }. Riskägaren, anmälaren och chefen (om hen finns i programmet) har fått besked.
risk-handover_manager = { $actor } har lämnat risken { $ref } ”{ $title }” (riskvärde { $value }) från FVIS-programmet till dig i linjen: programmet genererar den men kan inte hantera den själv. Motivering: { $note }. Se den: visa { $ref }
risk-handover_owner = Risken { $ref } ”{ $title }” som du äger är lämnad till linjen, till { $manager } ({ $actor }). Motivering: { $note }
risk-handover_reporter = Din risk { $ref } ”{ $title }” är lämnad till linjen, till { $manager } ({ $actor }). Motivering: { $note }
risk-not_open = { $ref } har status { $status } och kan inte lämnas till linjen.
risk-not_a_risk = { $ref } är ingen risk.
risk-forbidden = Bara handläggare, projektledare och riskägaren kan göra det med { $ref }.
risk-external_mark = utanför programmet
demo-notice = Det här är demodata. Personer, kanaler och punkter med (demo) är påhittade. B1–B7 kommer från planen (5.4). Inga beslut är gjorda.

## loop

# kinds with their gender
new_kind-need = Nytt behov
new_kind-issue = Nytt ärende
new_kind-deviation = Ny avvikelse
new_kind-risk = Ny risk
new_kind-change = Ny ändringsbegäran
yours-need = ditt behov
yours-issue = ditt ärende
yours-deviation = din avvikelse
yours-risk = din risk
yours-change = din ändringsbegäran
Yours-need = Ditt behov
Yours-issue = Ditt ärende
Yours-deviation = Din avvikelse
Yours-risk = Din risk
Yours-change = Din ändringsbegäran
# to handlers
notice-new_entry = { $new_kind } att hantera: { $ref } ”{ $title }” från { $reporter }{ $details }
notice-new_deviation_channel = Ny avvikelse att hantera: { $ref }. Handläggare: visa { $ref }.
notice-nobody_reached = Ingen handläggare kunde nås om { $ref }. Se över handling i programfilen.
notice-comment = Kommentera
notice-confirm_fixed = Ja, det är löst
notice-not_fixed = Inte löst – öppna igen
reported_by_many = { $count } har rapporterat detta
rule-risk_value = Regel: riskvärde { $value } ≥ { $limit }
notify_status_assignee = { $actor } satte status { $status } på { $ref } ”{ $title }”, som du handlägger.
notify_reporter_comment = { $actor }, som rapporterat { $ref } ”{ $title }”, skriver: { $text }
notify_comment_assignee = { $actor } kommenterade { $ref } ”{ $title }”, som du handlägger: { $text }
# escalation (issues only)
escalate_route-need = Bara ärenden kan eskaleras. { $ref } är ett behov: behov går till behovshanteringen (DigIn), som prioriterar dem.
escalate_route-deviation = Bara ärenden kan eskaleras. { $ref } är en avvikelse. Den tas om hand av programkontoret. Efter start går den till regionens system för avvikelser.
escalate_route-risk = Bara ärenden kan eskaleras. { $ref } är en risk. Den som äger risken tar hand om den så som planen säger.
escalate_route-change = Bara ärenden kan eskaleras. { $ref } är en ändringsbegäran. Den tas upp för beslut så som planen säger att ändringar ska tas.
escalate_reason_missing = Skriv varför det ska upp en nivå. Till exempel: eskalera ÄRE-7 Projektet kan inte besluta.
escalate_why = Varför ska { $ref } eskaleras till { $level }? Skälet följer med beskedet till dem.
escalate_title = Eskalera { $ref }
escalate_next = Vidare
field-escalation_reason = Skäl till eskalering
escalate_confirm =
    Eskalera { $ref } ”{ $title }” till { $level }?
    Skäl: { $reason }
    Besked går till: { $people }
escalate_nobody = ingen – nivån har inga personer i programfilen
escalate_yes = Ja, eskalera
escalate_stale = Den eskaleringen är redan gjord eller avbruten. Skriv eskalera ÄRE-7 <skäl> för att börja om.
escalate_cancelled = Inget eskalerades; { $ref } är som förut.
escalate_told = Besked gick till { $names }.
escalate_none_told = Jag kunde inte nå någon som ska få veta ({ $level }). Lägg till dem i programfilen (organisation) eller kontakta dem själv.
notify_escalated_level =
    { $ref } ”{ $title }” är { $gender ->
            [common] eskalerad
           *[other] eskalerat
        } till { $level } av { $actor }.
    Skäl: { $reason }
    Rapporterat av { $reporter }{ $details }
# the reporter's follow-up
followup_reporters_only = Bara den som rapporterat { $ref } kan göra det. Handläggare ändrar status med: status { $ref } <status>.
reopen_not_resolved = { $ref } har status { $status } och är inte löst, så det finns inget att öppna igen.
reopen_reason_missing = Skriv vad som inte är löst, till exempel: öppna igen { $ref } Det hänger fortfarande.
reopen_why = Vad är inte löst med { $ref }? Det du skriver går till den som handlägger.
reopen_title = Öppna { $ref } igen
reopen_submit = Öppna igen
field-reopened = Öppnad igen – varför
reopened = { $ref } har öppnats igen och har status { $status }. Den som handlägger har fått besked.
notify_reopened = { $actor } öppnade { $ref } ”{ $title }” igen: { $reason }
confirm_not_resolved = { $ref } har status { $status }. Du kan bekräfta när det är löst.
confirmed = Tack! { $ref } har stängts. Den som löste det har fått besked.
notify_confirmed = { $actor } bekräftar att { $ref } ”{ $title }” är löst; det har stängts.
# duplicates
similar_found = Det finns liknande som redan är rapporterat. Är det samma sak? Då läggs du till och får besked när något händer.
similar_row = { $ref } ”{ $title }” · { $status } · { $count }
similar_same = Samma sak – lägg till mig
similar_or_new = Eller är det något annat?
similar_new = Nej, något annat
similar_new_form = Nej, spara som nytt
joined = Tack! Du är tillagd på { $ref } – nu har { $count } rapporterat detta. Du får besked här när något händer med det.
join_already = Du är redan med på { $ref }.
join_closed = { $ref } har status { $status }; registrera gärna ett nytt i stället.
notify_joined = { $actor } har också rapporterat { $ref } ”{ $title }” – nu har { $count } rapporterat detta.
field-reporters = Antal som rapporterat
# the handler sets what the reporter could not know
opt-benefit-unknown = Vet inte
benefit_needs_only = Nyttoobjekt finns bara på behov, och { $ref } är inget behov.
benefit_usage = Skriv ett nyttoobjekt 1–5, till exempel: nyttoobjekt BEH-3 2
benefit_set = { $ref } har nu nyttoobjekt { $benefit }.
benefit_unknown_note = Nyttoobjekt: vet inte – handläggaren sätter det.
# notices one by one or daily
notices_unknown_person = Den inställningen finns för personer i programfilen. Be programkontoret lägga till dig.
notices_daily = Klart: nya poster att hantera kommer i en sammanfattning en gång om dagen. Skriv notiser direkt för att få dem en och en igen.
notices_at_once = Klart: du får besked om varje ny post att hantera direkt.
notices_now_daily = Du får nya poster i en daglig sammanfattning. Skriv notiser direkt för att få dem en och en.
notices_now_at_once = Du får besked om varje ny post direkt. Skriv notiser dagligen för en sammanfattning om dagen i stället.
digest = Sammanfattning: { $count } nya poster att hantera sedan sist:
digest_unassigned = Lista otilldelade
comment_on_resolved = { $ref } är markerat som löst. Stämmer det, eller ska det öppnas igen?
# comments by button
comment_field = Kommentar
comment_title = Kommentera { $ref }
comment_submit = Skicka
# lists that fit the work
age-now = nyss
age-hours = { $count } tim
age-day = 1 dag
age-days = { $count } dagar
list_queue_header = { $count } att hantera, mest brådskande och äldst först{ $more }:
list_queue_more = { " " }(visar { $shown })
list_queue_empty = Inget att hantera här just nu.

## scales

opt-probability-1 = 1 – osannolik
opt-probability-2 = 2 – möjlig
opt-probability-3 = 3 – sannolik
opt-probability-4 = 4 – mycket sannolik

## deviations (programplan 7.7)

# the two kinds: from the programme plan, and at or after the go-live
field-origin = Slag av avvikelse
opt-origin-plan = Mot programplanen (tid, omfattning, budget)
opt-origin-golive = Vid eller efter införandet av FVIS
ask-origin = Gäller det programplanen, alltså tid, omfattning eller budget? Eller något som hänt när FVIS infördes eller senare?
help-origin = Mot planen: tid, omfattning eller budget. Vid införandet: det som hänt i vården eller i systemen.
help-only_golive = Bara vid införandet
dev-category_of_plan = Välj en kategori för planen: tid, omfattning eller budget.
dev-category_of_golive = Den kategorin gäller programplanen. Välj en annan, eller byt slag av avvikelse.
dev-plan_saved = En avvikelse mot programplanen tas om hand av programmet. Det sker enligt FVIS riktlinje för uppföljning och rapportering.
# the region's own system first: what really happened is recorded
dev-golive_first = Det här hör i första hand hemma i regionens system för avvikelser. När du har sparat får du en länk dit och en text att klistra in.
dev-referred =
    Lägg nu in avvikelsen i regionens system för avvikelser. Där tas den om hand i första hand. Boten gör inte det åt dig.
    Öppna { $url } och klistra in texten nedan. När du har fått ett ärendenummer där: skriv ärendenummer { $ref } <nummer>, eller klicka på knappen. Annars påminner jag dig i morgon.

    { $text }
dev-system = Avvikelsesystemet
dev-state-referred = hänvisad till avvikelsesystemet
dev-state-registered = registrerad i avvikelsesystemet (ärendenummer { $number })
field-region_case_number = Ärendenummer i avvikelsesystemet
dev-choice-case_number = Ange ärendenummer
dev-case_title = Ärendenummer för { $ref }
dev-ask_case_number = Vilket ärendenummer fick { $ref } i regionens system för avvikelser?
dev-case_usage = Skriv: ärendenummer AVV-3 <nummer från avvikelsesystemet>
dev-bad_case_number = ”{ $text }” ser inte ut som ett ärendenummer. Skriv bokstäver och siffror, och högst 40 tecken.
dev-not_golive = { $ref } är ingen avvikelse vid införandet. Den ska inte in i regionens system för avvikelser.
dev-case_forbidden = Bara den som har rapporterat { $ref } och handläggare kan ange numret.
dev-case_saved = { $ref } är registrerad i avvikelsesystemet (ärendenummer { $number }). Den som handlägger har fått veta.
dev-case_told = { $actor } skriver att { $ref } finns i regionens system för avvikelser, med ärendenummer { $number }.
dev-case_told_reporter = { $Yours } { $ref } ”{ $title }” finns nu i regionens system för avvikelser, med ärendenummer { $number } ({ $actor }).
dev-case_reminder = Har du lagt in { $ref } i regionens system för avvikelser? Där tas den om hand i första hand: { $url } Skriv sedan numret här: ärendenummer { $ref } <nummer>
reports-label-referred = Hänvisade till avvikelsesystemet
reports-label-registered = Av dem med ärendenummer där
# the line organisation told by name
field-told_medically_responsible = Meddelad medicinskt ansvarig
field-told_line_manager = Meddelad chef för enheten
dev-told = Meddelade i linjen
dev-role-told_medically_responsible = medicinskt ansvarig
dev-role-told_line_manager = chef för enheten
dev-nobody_named = ingen namngiven för enheten
dev-not_reached = { $name } (nåddes inte)
dev-rule_told = Regel: flaggad avvikelse vid införandet
dev-line_told = { $ref } är en avvikelse vid införandet av FVIS på { $unit }. Den har riskvärde { $value }. Kan det vara Lex Maria: { $lex_maria }. Du får veta det som { $role }. Den ska i första hand in i regionens system för avvikelser.
dev-told_notice = Jag har meddelat { $names }.
dev-missed_notice = Jag kunde inte nå { $names } i chatten. Säg gärna till själv.
dev-no_unit_notice = Programfilen säger inte vem som har medicinskt ansvar för ”{ $unit }”. Programkanalen har fått veta, så att rätt person får besked.
dev-no_unit_post = { $ref } ska till den som har medicinskt ansvar för ”{ $unit }”. Men programfilen säger inte vem det är. Handläggare: se till att rätt person får veta (visa { $ref }).
