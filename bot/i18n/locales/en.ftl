### fvis-bot's texts – English.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.


## general

# Each kind as a word in running text; English needs no gender, Swedish does.
-kind-need = need
    .gender = other
-kind-issue = issue
    .gender = other
-kind-deviation = deviation
    .gender = other
-kind-risk = risk
    .gender = other
-kind-change = change request
    .gender = other

# kinds
kind-need = Need
kind-issue = Issue
kind-deviation = Deviation
kind-risk = Risk
kind-change = Change request
kind_a-need = a need
kind_a-issue = an issue
kind_a-deviation = a deviation
kind_a-risk = a risk
kind_a-change = a change request
# statuses and levels
status-new = New
status-in_progress = In progress
status-escalated = Escalated
status-resolved = Resolved
status-closed = Closed
status-rejected = Rejected
status-awaiting_decision = Awaiting decision
status-approved = Approved
status-postponed = Postponed
status-handed_to_line = Handed to the line organisation
level-project = Project
level-programme = Programme
level-steering_group = Programme steering group
# a level in running text ("eskalerat till programnivå")
level-in-project = project level
level-in-programme = programme level
level-in-steering_group = the programme steering group
# field labels
field-title = Title
field-description = Description
field-unit = Unit
field-benefit = Benefit objective
field-priority = Priority
field-urgency = Urgency
field-type = Type
field-what = What
field-when = When
field-area = Area
field-category = Category
field-consequence = Consequence (1–4)
field-probability = Probability (1–4)
field-immediate_action = Immediate action
field-lex_maria = Possible Lex Maria case
field-owner = Risk owner
field-mitigation = Mitigation
field-why = Why
field-impact_scope = Impact on scope
field-impact_time = Impact on time
field-impact_budget = Impact on budget
field-status = Status
field-assignee = Assignee
field-escalation_level = Escalation level
field-reporter = Reported by
field-created = Logged
field-source = Source
field-risk_value = Risk value
# questions, one at a time
ask-title = What title should it have? One short sentence is enough.
ask-description = Describe it a little more: what is needed and why?
ask-unit = Which unit is it about (for example ward 5, Emergency)?
ask-benefit = Which benefit objective of the programme plan does it support?
ask-priority = How important is it?
ask-urgency = How urgent is it?
ask-type = What sort of deviation is it?
ask-what = What happened? Describe what, not who – no names or personal identity numbers.
ask-when = When did it happen? For example “yesterday 2pm”, “this morning” or “3/12 10:00”.
ask-area = In which area?
ask-category = Which category fits best?
ask-consequence = How serious is the consequence? Pick from 1 (minor) to 4 (severe).
ask-probability = How likely is it to happen again? 1 = unlikely, 4 = very likely.
ask-immediate_action = What immediate action was taken? (write “-” if none)
ask-lex_maria = Could it be a Lex Maria case?
ask-owner = Who in the programme owns the risk? (Someone outside it: write “extern: name”.)
ask-mitigation = How can the risk be reduced? (write “-” if you don't know)
ask-why = Why is the change needed?
ask-impact_scope = How is the programme's scope affected?
ask-impact_time = How is the timeline affected?
ask-impact_budget = How is the budget affected?
# option labels
opt-priority-low = Low
opt-priority-medium = Medium
opt-priority-high = High
opt-urgency-low = Low
opt-urgency-normal = Normal
opt-urgency-high = High
opt-urgency-critical = Critical
opt-type-negative_event = Negative event
opt-type-near_miss = Near miss
opt-type-risk = Risk
opt-area-care = Care
opt-area-administration = Administration
opt-area-it = IT and systems
opt-area-programme = The programme
opt-category-patient_safety = Patient safety
opt-category-information_security = Information security
opt-category-it_failure = IT/system failure
opt-category-work_environment = Work environment
opt-category-plan_time = Deviation from the programme plan: time
opt-category-plan_scope = Deviation from the programme plan: scope
opt-category-plan_budget = Deviation from the programme plan: budget
opt-lex_maria-no = No
opt-lex_maria-maybe = Maybe
opt-lex_maria-yes = Yes
opt-scale-1 = 1 – minor
opt-scale-2 = 2 – moderate
opt-scale-3 = 3 – major
opt-scale-4 = 4 – severe
# the conversation
help =
    I am the FVIS bot. I take needs, issues, deviations, risks and change requests for the FVIS programme, remind of milestones and decision points, publish communication and write reports in Word.

    Log:
      need <text> · issue <text> · deviation <text> · risk <text> · change <text>
      …or just write what it is about and I will ask for what is missing.
    See and follow up:
      list [mine|all] [kind] [status] · show BEH-12 · search <words>
      comment BEH-12 <text> · casenumber AVV-3 <number in the deviation system>
    Handlers:
      status BEH-12 <status> · assign ÄRE-7 <person> · escalate ÄRE-7
    Milestones and reminders:
      milestones · milestone new · decision B4 <outcome> <reason> · reached M-NYTTA
      remind me next Friday at 9 to … · reminders
    Communication:
      comms · comms new · comms approve 3
    Reports (Word):
      report week · report register needs [excel] · report BEH-12 · report decisions
      assessment green|yellow|red <text> · budget budget 250 MSEK forecast 262 MSEK
    cancel ends a dialogue in progress.

    Never write personal identity numbers or patient details here.
unknown_command = I did not understand “{ $text }”. Type help to see what I can do.
empty = Write something and I will help. Type help to see what I can do.
classify = That sounds like { $kind_a }. Is that right, or is it something else?
classify_unsure = What would you like to log?
choice-form = Fill in a form instead
choice-cancel = Cancel
choice-save = Save
choice-edit = Edit in a form
summary =
    Is this right? I will save it when you confirm.

    { $summary }
saved = Thank you! Saved as { $ref }. You will hear from me here when something happens to it.
already_saved = This is already saved as { $ref }.
cancelled = Cancelled. Nothing was saved.
nothing_to_cancel = There is no dialogue in progress to cancel.
expired = Your previous dialogue ({ $kind }) expired after a long pause. Nothing was saved.
stale_action = That button belongs to a dialogue that has already ended. Feel free to start again.
form_title = Log { $kind }
form_submit = Submit
form_errors = Something in the form needs fixing – see the marked fields.
pick_one = Pick one of the options: { $options }.
when_hint = e.g. “yesterday 2pm”, “this morning”, “3/12 10:00”
# refusals and checks
pii_refused = I cannot save that: the text contains what looks like a Swedish personal identity or coordination number. Patient data must not be stored here. Please rewrite it without the number – nothing of what you wrote was saved.
search_too_big = The search was too big – refine it: fewer words, or longer ones, for example “search printer ward 5”.
storage_busy = Please try again in a moment – nothing was saved. The database is busy with something else right now.
storage_unavailable = Nothing can be saved right now: the database cannot be written (disk full or read-only). Nothing was saved.
pii_refused-timestamp = I cannot save that: a group of digits in the text looks like a Swedish personal identity number. Is it a date and time? Write it with dashes and a colon, for example 2024-03-15 14:30. Nothing of what you wrote was saved.
pii_refused-phone = I cannot save that: a group of digits in the text looks like a Swedish personal identity number. Is it a phone number? Write it in groups, for example 070-123 45 67. Nothing of what you wrote was saved.
too_long = The text is too long: { $length } characters, at most { $limit }. Shorten it or split it up.
required = This is required.
bad_option = Pick one of the options.
bad_when = I did not understand the time “{ $text }”. Write for example “yesterday 2pm” or “3/12 10:00”.
future_when = { $when } is in the future. When did it happen?
# after saving
risk_flagged = The risk value is { $value } (consequence × probability). That is 8 or more, so the deviation is escalated and flagged for the medically responsible.
flag_channel_post = { $ref } has risk value { $value } and is flagged for the medically responsible. Handlers: show { $ref }.
# browsing and triage
not_found = I cannot find { $ref }.
no_ref = Say which one, for example { $example }.
forbidden_read = You are not allowed to see { $ref }.
forbidden_triage = Only handlers and project leads can do that.
list_empty = No entries match.
list_header = { $count } entries{ $more }:
list_header_one = 1 entry:
list_header_many = More than { $count } entries{ $more }:
bad_list_word = I do not recognise “{ $text }”. Write mine or all, a kind ({ $kinds }) or a status ({ $options }).
list_more = { " " }(showing the latest { $shown })
list_own_only = You see your own entries.
search_empty = No hits for “{ $query }”.
search_usage = Say what to search for, for example: search printer
bad_status = “{ $text }” is not a status. Pick one of: { $options }.
status_same = { $ref } already has status { $status }.
status_changed = { $ref } now has status { $status }.
assign_usage = Say who, for example: assign ÄRE-7 bertil
unknown_person = I do not know “{ $name }”. Known people: { $names }.
assigned = { $ref } is assigned to { $name }.
comment_usage = Write the comment after the number, for example: comment BEH-12 Done on Friday
commented = The comment is saved on { $ref }.
escalated = { $ref } is escalated to { $level }.
escalate_top = { $ref } is already escalated to the programme steering group, the highest level.
comments = Comments
history = History
# feedback to the reporter
notify_status = { $Yours } { $ref } “{ $title }” now has status { $status } ({ $actor }).
notify_comment = { $actor } commented on { $yours } { $ref } “{ $title }”: { $text }
notify_assigned = { $actor } assigned { $ref } “{ $title }” to you.
notify_escalated = { $Yours } { $ref } “{ $title }” is escalated to { $level }. Reason: { $reason }
notify_undelivered = I could not tell { $name } about { $ref }: { $error }
yes = Yes
no = No
error = Something went wrong on my side. Nothing you wrote was lost – try again in a moment.

## home

# the overview (Slack's App Home); handlers/home.py builds it for any platform
home-title = FVIS – your overview
home-mine = Your entries: { $count } (showing { $shown })
home-mine_empty = You have not logged anything yet. Type /fvis need, /fvis deviation … or write to me.
home-queue = To handle: { $count } open (showing { $shown })
home-queue_empty = No open entries to handle.
home-assignee = { " " }· assignee { $name }
home-show = Show
home-take = Take
home-escalate = Escalate

## plan

# -- milestones and decisions ---------------------------------------------------------
ms-kind-decision = decision point
ms-kind-milestone = milestone
ms-outcome-continue = continue
ms-outcome-change = change
ms-outcome-stop = stop
ms-list_title = Coming milestones and decision points:
ms-list_all_title = All milestones and decision points:
ms-list_empty = No coming milestones.
ms-row = { $id } · { $kind } · { $date } · { $owner } · { $title }
ms-row_in_days = in { $days } days
ms-row_today = today
ms-row_overdue = OVERDUE, no decision recorded
ms-row_decided = decision: { $outcome } ({ $body } { $date }, recorded by { $name })
ms-list_hint = Record a decision: decision B5-R2 <outcome> <motivation> (the outcomes are listed with the point). Mark a milestone reached: reached M-NYTTA. All: milestones all.
ms-choice-new = New milestone
ms-choice-all = Show all
ms-form_title = Milestone or decision point
ms-form_submit = Save
ms-field-id = Id (for example B5-R2)
ms-field-title = Title
ms-field-kind = Type
ms-field-date = Date or quarter
ms-field-date_help = 2027-03-15, 2027-Q1 (the quarter's last working day) or e.g. “15 March 2027”.
ms-field-owner = Owner (name or id)
ms-saved_new = { $id } is saved: { $kind }, { $date }, owner { $owner }. Reminders go out { $offsets } days before.
ms-saved_changed = { $id } is changed: { $kind }, { $date }, owner { $owner }.
ms-required = Fill in this field.
ms-forbidden_edit = Only project leads can add or change milestones.
ms-forbidden_decision = Only project leads or the owner of { $id } can record its decision.
ms-bad_id = “{ $text }” cannot be an id: use letters, digits and hyphens, for example B5-R2.
ms-bad_date = I did not understand the date “{ $text }”. Write for example 2027-03-15, 2027-Q1 or 15 March 2027.
ms-unknown_owner = I find nobody called “{ $name }”.
ms-not_found = There is no milestone “{ $text }”. Type milestones to see them.
ms-ambiguous = “{ $text }” could be several: { $ids }. Type the whole id.
ms-decision_usage = Write: decision B4 <outcome> [day of decision YYYY-MM-DD] <motivation>. milestone B4 shows the point's outcomes.
ms-motivation_missing = Add a motivation too: decision { $id } { $outcome } <motivation>
ms-decision_saved = The decision at { $id } is recorded: { $outcome }. Decided by { $body } { $day }. Recorded by { $name } { $at }.
ms-decision_post = Decision at { $id } “{ $title }”: { $outcome }. Decided by { $body } { $day }. Motivation: { $motivation } (recorded by { $name })
ms-reminder = Reminder: { $kind } { $id } “{ $title }” is on { $date }, in { $days } days. Owner: { $owner }.
ms-nudge = { $id } “{ $title }” was due { $date } ({ $late } days ago) and no decision is recorded. I remind you every working day for the first week, then once a week.
ms-missed = The bot was not running when this reminder was due, so it did not go to the channel. { $reminder }
ms-post_failed = The reminder about { $id } could not be posted: { $errors }
# -- personal reminders ---------------------------------------------------------------
remind-usage = Write for example: remind me in 2 hours to call the ward
remind-ask_when = When do you want to be reminded about “{ $text }”? Write for example “tomorrow 8am” or “in 2 hours”.
remind-ask_what = What shall I remind you about { $when }?
remind-not_understood = I did not understand the time “{ $text }”. Write for example “next Friday at 9”, “3 December 10:00” or “in 20 minutes”.
remind-past_when = { $when } has already passed. When do you want to be reminded instead?
remind-past = That time has already passed.
remind-saved = I will remind you { $when } about: { $text }
remind-too_many = You already have { $limit } reminders. Remove some first (reminders).
remind-not_found = That reminder does not exist (any more).
remind-cancelled = The reminder at { $when } is removed.
remind-list_title = Your reminders:
remind-list_empty = You have no reminders.
remind-choice-cancel = Remove { $when }
remind-post = Reminder: { $text }
remind-missed = The bot was not running at { $when }, when you were to be reminded about: { $text }
remind-unconfirmed = The bot stopped while sending your reminder of { $when }; it may not have arrived. It was about: { $text }
# -- the communication plan -----------------------------------------------------------
comms-status-draft = draft
comms-status-awaiting_approval = awaiting approval
comms-status-approved = approved, scheduled
comms-status-published = published
comms-status-failed = failed
comms-status-missed = missed
comms-status-cancelled = cancelled
comms-status-withdrawn = withdrawn
comms-post-sent = posted { $at }
comms-post-failed = failed: { $error }
comms-post-waiting = waiting for the channel to be connected
comms-post-missed = missed (the bot was not running)
comms-post-unconfirmed = unknown whether it arrived – check the channel
comms-post-withdrawn = withdrawn { $at }
comms-post-cancelled = cancelled
comms-post-claimed = being posted
comms-channel-webchat = web chat channel
comms-channel-slack = Slack channel
comms-channel-teams = Teams channel
comms-channel-sharepoint = intranet news
comms-weekly = every week
comms-list_coming = Coming in the communication plan:
comms-list_done = Went out:
comms-list_empty = The communication plan is empty.
comms-row = { $ref } · { $status } · { $when } · { $title }
comms-choice-new = New communication
comms-choice-show = Show { $ref }
comms-choice-submit = Send for approval
comms-choice-approve = Approve { $ref }
comms-choice-edit = Edit { $ref }
comms-choice-cancel = Cancel { $ref }
comms-choice-withdraw = Withdraw { $ref }
comms-choice-repost = Post again: { $where }
comms-form_title = Communication
comms-form_submit = Save draft
comms-form_save = Save the change
comms-field-title = Title
comms-field-body = Message (Swedish)
comms-field-body_en = Message in English (optional)
comms-field-audiences = Audiences
comms-field-audiences_help = Choose one or more.
comms-field-channels = Channels
comms-field-channels_help = Choose one or more. A channel not connected yet waits until it is.
comms-field-send_at = Send at
comms-field-send_at_help = E.g. “next Friday at 9” or “2026-12-03 10:00”.
comms-field-recurrence = Recurrence
comms-recurrence-none = None
comms-recurrence-weekly = Every week
comms-bad_audience = Unknown audience: { $text }. Choose from: { $names }
comms-bad_channel = Unknown channel: { $text }. Choose from: { $names }
comms-bad_when = I did not understand the time “{ $text }”.
comms-when_past = { $when } has passed; choose a time ahead.
comms-saved = { $ref } is saved as a draft.
comms-edited = { $ref } is changed.
comms-edited_back = { $ref } is changed and must be approved again.
comms-lix = Readability (LIX): { $lix }.
comms-lix_hard = Readability (LIX): { $lix } – hard to take in. The plan asks for messages that are easy to read: short sentences and common words (aim below 50).
comms-show =
    { $ref } “{ $title }”
    Status: { $status }
    Send at: { $when }{ $weekly }
    Audiences: { $audiences }
    Channels: { $channels }
    Author: { $author }{ $approved }

    { $body }
comms-approved_by =

    Approved by: { $name }
comms-posts = Posts:
comms-submitted = { $ref } now awaits approval by another communicator.
comms-approved = { $ref } is approved and goes out { $when } on: { $channels }.
comms-cancelled = { $ref } is cancelled; nothing will be posted.
comms-withdraw_confirm = Do you want to withdraw { $ref }? It is taken down from every channel where it is published ({ $channels }). This cannot be undone.
comms-choice-withdraw_yes = Yes, withdraw { $ref }
comms-choice-keep = No, keep { $ref }
comms-kept = Nothing was changed.
comms-withdrawn = { $ref } is withdrawn from every channel where it was posted.
comms-withdraw_errors = { $ref } is marked withdrawn, but here it did not work: { $errors }
comms-reposted = Posted again in { $where }.
comms-repost_failed = That failed again: { $error }
comms-usage = Write: comms [new|show N|approve N|edit N|cancel N|withdraw N]
comms-forbidden = The communication plan is for communicators and project leads.
comms-forbidden_draft = Only communicators can write and approve communication.
comms-forbidden_cancel = Only the author or a project lead can cancel { $ref }.
comms-forbidden_withdraw = Only the author or a project lead can withdraw { $ref }.
comms-own_approval = You cannot approve { $ref }: you wrote or changed it. Another communicator approves.
comms-send_at_past = The time of { $ref } has already passed. Change the time first.
comms-wrong_status = Not possible now: { $ref } has status { $status }.
comms-not_found = There is no { $ref }.
comms-changed_meanwhile = { $ref } was just changed by someone else. Look at it again.
comms-nothing_to_withdraw = { $ref } has no posts to withdraw.
comms-nothing_to_repost = { $ref } has no post to repost there.
comms-please_approve = { $name } asks for approval of { $ref } “{ $title }”. Type: comms show { $ref }
comms-failed = { $ref } “{ $title }” could not be posted everywhere: { $errors }
comms-missed = { $ref } “{ $title }” was due at { $when }, but the bot was not running; it is not posted. Change the time and have it approved again.
comms-unconfirmed = The bot stopped while posting { $ref } “{ $title }” in { $where }; I do not know whether it arrived and will not post again on my own. Check the channel; to post again: comms show { $ref }

## report

reports-month-1 = January
reports-month-2 = February
reports-month-3 = March
reports-month-4 = April
reports-month-5 = May
reports-month-6 = June
reports-month-7 = July
reports-month-8 = August
reports-month-9 = September
reports-month-10 = October
reports-month-11 = November
reports-month-12 = December
# the header block, as in the programme plan
reports-header-document_type = Document type
reports-header-registration_number = Registration number
reports-header-programme = Programme
reports-header-date = Date
reports-header-edition = Edition
reports-header-page = Page
reports-author = The { $programme } bot
reports-type-status = Status report
reports-type-register = Register
reports-type-record = Register entry
reports-type-decisions = Decision log
reports-file-status_week = Status report { $year }-w{ $week }
reports-file-status_period = Status report { $start }–{ $end }
reports-file-register = Register { $kinds } { $date }
reports-file-decisions = Decision log { $date }
reports-kind_plural-need = Needs
reports-kind_plural-issue = Issues
reports-kind_plural-deviation = Deviations
reports-kind_plural-risk = Risks
reports-kind_plural-change = Change requests
reports-generated = Made by the FVIS bot for { $name } on { $date } at { $time }.
reports-scope-all = The report covers all entries.
reports-scope-own = The report covers only entries you logged yourself.
reports-week_short = w. { $week }
# status report
reports-status-title_week = Status report week { $week } { $year }
reports-status-title_period = Status report { $period }
reports-status-summary = Summary
reports-status-nothing_in_period = No entries were logged or resolved in the period.
reports-status-by_kind = Entries by kind
reports-status-open_by_status = Open entries by status
reports-status-no_open = There are no open entries.
reports-status-escalated = Escalated entries
reports-status-no_escalated = Nothing is escalated.
reports-status-escalated_more = The { $shown } escalated highest of { $count }; all are in report register issues escalated.
reports-status-deviations = Deviations
reports-status-new_deviations = New deviations by category and consequence
reports-status-deviations_intro = Deviations logged in the period, by category and consequence (1–4).
reports-status-no_deviations = No deviations were logged in the period.
reports-status-risks = Risks
reports-status-no_risks = There are no open risks.
reports-status-top_risks = The { $count } highest risks
reports-status-matrix = Risk matrix
reports-status-milestones = Milestones and decision points
reports-status-coming = The next { $days } days
reports-status-no_coming = No milestones or decision points in the next { $days } days.
reports-status-overdue = Overdue
reports-status-no_overdue = No milestones or decision points are overdue.
reports-status-decisions = Decisions taken
reports-status-no_decisions = No decisions were recorded in the period.
reports-status-comms = Communication
reports-status-published = Published in the period
reports-status-no_published = Nothing was published in the period.
reports-status-coming_comms = Planned for the next { $days } days
reports-status-no_coming_comms = Nothing is planned for the next { $days } days.
reports-open_risks_value = { $count } (highest risk value { $highest })
reports-chart-per_week = New entries per week and kind
reports-chart-entries = Entries
reports-chart-per_week_alt = Bar chart, new entries per week: { $values }.
reports-chart-matrix = Open risks by probability and consequence ({ $count })
reports-chart-matrix_cell = consequence { $consequence }, probability { $probability }: { $count }
reports-chart-matrix_alt = 4 × 4 risk matrix with the number of open risks per cell: { $cells }.
# the status report: what a steering group decides from
reports-status-assessment = Overall assessment
reports-assessment-none = The programme manager has made no assessment yet. It is written in the chat, for example: assessment yellow The delivery from Cambio is two weeks late.
reports-assessment-colour = Status
reports-assessment-text = Assessment
reports-assessment-by = Made by
reports-assessment-made = { $name }, { $date }
reports-assessment-carried = { $name }, { $date } – unchanged since
reports-colour-green = Green – on track
reports-colour-yellow = Yellow – a deviation the programme is handling
reports-colour-red = Red – the steering group needs to act
reports-status-to_decide = For decision
reports-status-changes = Change requests awaiting decision
reports-status-no_changes = No change requests await a decision.
reports-status-more = The first { $shown } of { $count }; all are in { $command }.
reports-command-changes = “report register change requests”
reports-command-escalated = the registers, for example “report register issues escalated”
reports-command-deviations = “report register deviations”
reports-status-plan_deviations = Deviations from the programme plan (time, scope, budget)
reports-status-no_plan_deviations = No open deviations from the programme plan.
reports-status-high_risk = Open deviations with risk value { $threshold } or more
reports-status-no_high_risk = No open deviation has a risk value of { $threshold } or more.
# no-break spaces: the value and the limit stay on one line
reports-status-rule_risk_value = Rule: risk value { $value } ≥ { $limit }
reports-status-benefits = Needs per benefit objective
reports-benefit-none = No benefit objective given
reports-status-budget = Budget and forecast
reports-budget-none = No budget figures have been entered. The programme manager writes them in the chat, for example: budget budget 250 MSEK actual 180 MSEK forecast 262 MSEK.
reports-budget-unreadable = The budget file could not be read: { $error }
reports-budget-from_chat = Source: entered in the chat by { $name } on { $when }.
reports-budget-from_file = Source: the file { $file }, last changed { $when }.
reports-budget-note = Comment: { $note }
reports-budget-line = Line
reports-budget-programme = The programme in total
reports-budget-budget = Budget
reports-budget-outcome = Actual
reports-budget-forecast = Forecast
reports-budget-difference = Forecast vs budget
reports-money-million = SEK { $amount }m
reports-money-thousand = SEK { $amount }k
reports-money-kronor = SEK { $amount }
reports-plan-intro = Milestones and decision points against the time plan: overdue ({ $overdue }), the next { $days } days and those decided lately. { $coming } fall within 30 days.
reports-plan-none = No milestones or decision points are overdue or fall in the next { $days } days.
reports-plan-decided = Decided
reports-plan-reached = Reached
reports-plan-late = { $days } days late
reports-plan-today = Today
reports-plan-unrecorded = No decision recorded
reports-plan-in_days = In { $days } days
reports-status-not_out = Not out yet, or failed
reports-post-waiting = Waiting for the channel
reports-post-failed = Failed
reports-post-missed = Missed (the bot was down)
reports-post-claimed = Unconfirmed – check
reports-post-unconfirmed = Unconfirmed – check
reports-platform-webchat = The web chat
reports-platform-slack = Slack
reports-platform-teams = Teams
reports-platform-sharepoint = The intranet (news)
reports-channel-programme = { $platform }, programme channel
reports-comms-no_audience = Everyone
reports-comms-weekly_title = { $title } (weekly)
reports-label-audience = Audience
reports-label-where = Channel
reports-label-changes_waiting = Change requests awaiting decision
reports-label-plan_deviations = Open deviations from the programme plan
reports-label-impact_scope = Scope
reports-label-impact_time = Time
reports-label-impact_budget = Budget
reports-label-to_decide = To decide
reports-label-level = Level
reports-label-new_in_period = New in the period
reports-label-planned = Planned
reports-sheet-about = About
reports-sheet-made_for = Made for
reports-sheet-made_at = Made
reports-sheet-scope = Scope
reports-no_excel = Excel registers are not available here.
reports-excel_ready = Here is the register as Excel: { $what } ({ $count } entries).
cli-operator = Operator (command line)
# the programme manager's inputs in chat
inputs-forbidden = The assessment and budget figures of the status report are entered by the programme manager (a project lead in the programme file).
inputs-assessment_usage = Write assessment green, yellow or red and then a short reason, for example: assessment yellow The delivery is two weeks late.
inputs-assessment_text = Write a short reason after the colour, for example: assessment yellow The delivery is two weeks late.
inputs-refused = { $error }
inputs-assessment_saved = The assessment is saved: { $colour }. The status reports show it until you make a new one.
inputs-no_assessment = No assessment has been made. Write for example: assessment green All on track.
inputs-assessment_now =
    The latest assessment: { $colour }
    { $text }
    ({ $name }, { $date })
inputs-budget_usage = Write the figures with what they are, for example: budget budget 250 MSEK actual 180 MSEK forecast 262 MSEK (k and SEK work too).
inputs-budget_saved = The figures are saved and go into the next status report:
inputs-no_budget = No budget figures have been entered. Write for example: budget budget 250 MSEK actual 180 MSEK forecast 262 MSEK.
inputs-budget_now = Budget { $budget } · actual { $outcome } · forecast { $forecast } ({ $name }, { $when })
# labels in tables and summaries
reports-label-period = Period
reports-label-created = New entries
reports-label-resolved = Resolved or closed
reports-label-open_now = Open entries now
reports-label-escalated = Escalated entries
reports-label-deviations = Deviations in the period
reports-label-open_risks = Open risks
reports-label-coming_milestones = Milestones and decision points within 30 days
reports-label-overdue_milestones = Overdue milestones and decision points
reports-label-kind = Kind
reports-label-new = New
reports-label-resolved_short = Resolved
reports-label-open = Open
reports-label-total = Total
reports-label-number = Number
reports-label-count = Count
reports-label-flagged = Risk value { $threshold } or more
reports-label-probability_short = P
reports-label-consequence_short = C
reports-label-date = Date
reports-label-id = Id
reports-label-description = Description
reports-label-type = Type
reports-label-owner = Owner
reports-label-decision_point = Decision point
reports-label-decision = Decision
reports-label-motivation = Reasoning
reports-label-recorded_by = Recorded by
reports-label-decided_by = Decided by
reports-label-decision_day = Day of decision
reports-label-published_at = Published
reports-label-send_at = Planned for
reports-label-title = Title
reports-label-channels = Channels
reports-label-updated = Last changed
reports-label-medical_review = Flagged for the medically responsible
reports-label-when = When
reports-label-by = By
reports-label-comment = Comment
reports-label-change = Changed
reports-label-from = From
reports-label-to = To
reports-label-state = State
reports-milestone_kind-decision = Decision point
reports-milestone_kind-milestone = Milestone
reports-outcome-continue = Continue
reports-outcome-change = Change
reports-outcome-stop = Stop
reports-comms-draft = Draft
reports-comms-awaiting_approval = Awaiting approval
reports-comms-approved = Approved
reports-comms-published = Published
reports-comms-failed = Failed
reports-comms-cancelled = Cancelled
reports-comms-withdrawn = Withdrawn
# register
reports-short-consequence = C
reports-short-probability = P
reports-short-escalation_level = Level
reports-short-origin = Kind
reports-short-referral = Deviation system
reports-origin-plan = From the plan
reports-origin-golive = At go-live
reports-referral-referred = Referred
reports-referral-registered = Registered ({ $number })
reports-plan_category-plan_time = Time
reports-plan_category-plan_scope = Scope
reports-plan_category-plan_budget = Budget
reports-register-origins = Kind: a deviation from the plan concerns the programme plan's time, scope or budget. A deviation at go-live happened when FVIS was introduced or later. It is referred to the region's deviation system first; once it has a case number there, it is registered.
reports-register-scales = C = consequence, P = probability, both 1–4; the risk value is C × P.
reports-register-title = Register: { $kinds }
reports-register-selection = Selection
reports-register-section = { $status } ({ $count })
reports-register-benefits = The Benefit objective column gives the number of the programme's benefit objective:
reports-register-all_statuses = All
reports-register-all_time = All time
reports-register-empty = No entries match the selection.
reports-register-shortened = The register shows what one looks for, long texts shortened. Every field is in the entry's own report (for example “report { $ref }”) and in the register as Excel (“report register { $kinds } excel”).
# one entry
reports-record-details = Details
reports-record-handling = Handling
reports-record-no_comments = No comments.
reports-record-no_history = No history.
# decision log
reports-decisions-title = Decision log
reports-decisions-taken = Decisions taken
reports-decisions-none = No decisions are recorded yet.
reports-decisions-points = The programme's decision points
reports-decisions-no_points = The programme has no decision points.
reports-decisions-state_decided = Decided
reports-decisions-state_coming = Coming
reports-decisions-state_overdue = Overdue
# the chat command
reports-usage =
    I make Word reports. Write for example:
    • report week – status report for last week (report week 47 for a given week)
    • report period 2026-11-01 2026-11-30 – status report for a period
    • report register needs – register of one kind ({ $kinds }), optionally with status and period: report register risk in_progress
    • report BEH-12 – one entry's fields, comments and history
    • report decisions – the decision log
reports-ready = Here is your report: { $what }.
reports-bad_dnr = The registration number can be at most { $limit } characters, for example: report week dnr RV 2026/123.
reports-bad_week = “{ $text }” is not a week I recognise. Write for example report week 47.
reports-bad_date = I do not understand “{ $text }” as a date. Write for example 2026-11-01 or 1 November.
reports-need_period = Give the period as two dates, for example report period 2026-11-01 2026-11-30.
reports-bad_period = The period ends before it starts ({ $start } – { $end }).
reports-future_period = The period has not started yet ({ $start }). Pick one that starts today or earlier.
reports-register_kind = Which kind should the register cover? Write for example report register needs ({ $kinds }).
reports-bad_register_word = I do not recognise “{ $text }”. After the kind you may write a status ({ $options }) and a period (two dates).
reports-unknown = “{ $text }” is not a report I can make.
reports-weekly_person = the project leads
reports-weekly_post_late = This week's status report, week { $week } – late, the bot was not running on Monday at 07:00: { $file }
reports-weekly_post = This week's status report, week { $week }: { $file }

## cli

cli-imported = The programme from { $file } is imported; restart the bot to use it.
cli-migrated = { $db }: { $count } migrations applied ({ $names }).
cli-migrated_none = none
cli-teams_package = The Teams app is written to { $out }: upload it in the Teams admin center.
cli-config_error = Configuration error: { $error }
cli-programme_error = Error in the programme file: { $error }
cli-not_written = Could not write { $out }: { $reason }
cli-report_written = { $out } ({ $size } bytes)
cli-bad_kind = Unknown kind or status: { $text }
cli-listed = ({ $shown } of { $total })

## dialogue

dialog-aside_generic = What you were doing
dialog-put_aside = { $what } is kept. Write “where were we?” when you want to go on.
dialog-resume_button = Continue where we were
dialog-leave_question = Do you want to leave { $what } and run “{ $command }”? Otherwise I take it as your answer.
dialog-leave_yes = Yes, run “{ $command }”
dialog-leave_no = No, that was my answer
dialog-where = This is where we were:
dialog-nothing_pending = We are not in the middle of anything. Type help to see what I can do.
dialog-question_gone = That question has already been answered.
suggest-command = Did you mean “{ $text }”?
suggest-yes = Yes, run “{ $text }”
suggest-no_log = No, log the text
suggest-no_help = No, something else
suggest-person = I do not know “{ $name }”. Did you mean { $person }?
suggest-person_yes = Yes, assign { $person }
# confirmations before steps that are hard to undo
triage-confirm_status = Do you want to set { $ref } “{ $title }” to { $status }? { $reporter } logged it and will be told.
triage-confirm_yes = Yes, set { $ref } to { $status }
triage-keep = No, leave { $ref } as it is
triage-kept = Nothing was changed on { $ref }.
# intake: fewer turns, one editable summary
classified_as = I will log it as { $kind_a }. You can change the kind in the summary.
summary_proposed =
    Is this right? What is marked (suggested) I filled in myself – change what is wrong, or save.

    { $summary }
proposed_mark = (suggested)
summary_hint = Want to change something? Write the field's name and the new value, for example “unit Ward 6”, or choose below.
choice-other_kind = Change the kind of entry
dialog-aside_intake = Your draft of { $kind_a }
dialog-aside_remind = The reminder you started
dialog-aside_intake_unknown = The entry you started
ask-issue-description = Describe the problem a little more: what happens, and what were you trying to do?
ask-issue-title = What title should the issue have? One short sentence about the problem is enough.

## governance

# -- the plan's words (programplan 5.4): translated for English readers, never replaced ----
verb-starta = start
verb-godkanna = approve
verb-fortsatta = continue
verb-andra = change
verb-avbryta = discontinue
verb-avsluta = close
ms-quarter = Q{ $quarter } { $year }
# -- decision points and milestones ---------------------------------------------------
ms-next_decision = Record the decision with: decision { $id } { $outcomes } <motivation>
ms-next_no_outcomes = { $id } has no outcomes given. A project lead gives them with: milestone edit { $id }
ms-next_reached = Mark it reached with: reached { $id }
ms-outcomes_line = Outcomes in the plan: { $outcomes }
ms-body_line = Decided by: { $body }
ms-outcome_unknown = “{ $word }” is not one of the outcomes of { $id }. Type milestone { $id } to see them.
ms-outcome_missing = { $id } has { $count } decisions – give one word for each. Missing: { $missing }
ms-outcome_conflict = { $id }: “{ $first }” and “{ $second }” are alternatives of the same decision – pick one.
ms-bad_decision_day = “{ $text }” is not a date. Write the day of decision as YYYY-MM-DD.
ms-future_decision_day = The day of decision { $day } has not come yet.
ms-bad_outcomes = I did not understand the outcomes “{ $text }”. Write for example: godkänna; fortsätta, ändra eller avbryta
ms-outcomes_missing = A decision point needs its outcomes, for example: godkänna; fortsätta, ändra eller avbryta
ms-field-outcomes = Outcomes (decision points)
ms-field-outcomes_help = The plan's words: “;” between decisions, “,” or “eller” between alternatives – for example godkänna; fortsätta, ändra eller avbryta
ms-not_a_decision_point = { $id } is a milestone, not a decision point: it takes no decisions. Mark it reached with: reached { $id }
ms-reach_decision_point = { $id } is a decision point: it is done when its decision is recorded. { $next }
ms-forbidden_reached = Only project leads or the owner of { $id } can mark it reached.
ms-already_reached = { $id } is already marked reached ({ $day }, { $name }).
ms-reached_usage = Say which milestone, for example: reached M-NYTTA
ms-reached_saved = { $id } is marked reached { $at } by { $name }. The programme channel has been told.
ms-reached_post = Milestone { $id } “{ $title }” ({ $date }) is reached, says { $name }.
ms-row_reached = reached { $date } ({ $name })
ms-row_unrecorded = no decision recorded
ms-row_unreached = not marked reached
ms-row_overdue_milestone = OVERDUE, not marked reached
ms-nudge_milestone = Milestone { $id } “{ $title }” was due { $date } ({ $late } days ago) and is not marked reached. I remind you every working day for the first week, then once a week.
ms-from_file = the programme file (import)
ms-decision_line = { "  " }{ $day }: { $outcome } – decided by { $body }, recorded by { $name } { $at }. { $motivation }
ms-no_body = (deciding body not given)
# -- change requests (programplan 7.5) ------------------------------------------------
change-decision-approved = approved
change-decision-rejected = rejected
change-decision-postponed = postponed
change-submit_usage = Write: submit ÄND-2 <level>
change-not_a_change = { $ref } is not a change request: only change requests are decided this way.
change-not_submittable = { $ref } has status { $status } and cannot be sent for decision.
change-no_levels = The programme file does not say who decides changes (governance.change_requests.levels).
change-unknown_level = “{ $text }” is not a decision level. The levels: { $levels }
change-which_level = At which level is { $ref } to be decided? It depends on the size of the impact: { $levels }
change-submitted = { $ref } now awaits the decision of { $body }. { $names } have been told.
change-to_decide = Change request { $ref } “{ $title }” awaits the decision of { $body }. Impact on scope: { $scope }. Time: { $time }. Budget: { $budget }. Decide with: decision { $ref } approved|rejected|postponed <motivation>
change-notify_submitted = Your change request { $ref } “{ $title }” now awaits the decision of { $body }.
change-decision_usage = Write: decision { $ref } approved|rejected|postponed [day of decision YYYY-MM-DD] <motivation>
change-not_awaiting = { $ref } does not await a decision (status { $status }). Send it first: submit { $ref } <level>
change-forbidden_decision = { $ref } is decided by { $body }: only { $names } can record the decision.
change-motivation_missing = Add a motivation too: decision { $ref } approved <motivation>
change-decided = The decision on { $ref } is recorded: { $outcome }. Decided by { $body } { $day }, recorded { $at }. The reporter and whoever sent it for decision have been told.
change-notify_decided = Your change request { $ref } “{ $title }” is { $outcome } by { $body } { $day }. Motivation: { $motivation }
change-notify_decided_handler = { $ref } “{ $title }”, which you sent for decision, is { $outcome } by { $body } { $day }. Motivation: { $motivation }
change-decided_post = Change request { $ref } “{ $title }” is { $outcome } by { $body } { $day } (recorded by { $name }). Motivation: { $motivation }
change-pending_title = Change requests awaiting decision:
change-pending_row =
    • { $ref } · { $title } · decided by { $body } · since { $since }
       scope: { $scope } · time: { $time } · budget: { $budget }
change-pending_none = { "  " }(none)
change-pending_points = Decision points awaiting decision:
change-status_by_decision = A change request gets its status by decision: submit { $ref } <level>, then decision { $ref } approved|rejected|postponed <motivation>.
status-not_for_kind = Status { $status } does not apply to { $ref }.
risk-status_by_handover = A risk is handed to the line organisation with: handover { $ref } <receiving manager>
field-decision_level = Decision level
status-change-rejected = Rejected
# -- risks (programplan 7.8, 8) ------------------------------------------------------
ask-risk-probability = How likely is it to happen? 1 = unlikely, 4 = very likely.
ask-review_date = When is the risk to be reviewed next? For example “in 4 weeks” or “15 January” (write “-” for 30 days from now).
help-review_date = e.g. “in 4 weeks”, “15 January”; empty = in 30 days
help-owner = Someone in the programme; someone outside it: “extern: name”
field-review_date = Next review
field-line_manager = Handed to (line organisation)
past_when = { $when } has already passed.
risk-owner_unknown = I find nobody called “{ $name }” in the programme. Write someone in the programme (for example { $names }), or “extern: { $name }” for someone outside it – who then hears nothing from me.
risk-manager_unknown = I find nobody called “{ $name }” in the programme. Write the receiving manager, or “extern: { $name }” for a manager in the line organisation outside the programme.
risk-saved_owner = { $name } owns the risk and has been told. Next review: { $review }; I will remind { $name } then.
risk-saved_own = You own the risk ({ $name }). Next review: { $review }; I will remind you then.
risk-saved_external = The risk owner { $name } is outside the programme and marked so; I cannot tell them. Next review: { $review }; I will remind you then.
risk-owner_told = You own the risk { $ref } “{ $title }” (risk value { $value }), says { $actor }. Next review: { $review }. See it: show { $ref }. After a review: review { $ref } <next date>
risk-owner_usage = Write: riskowner RIS-4 <name> (someone outside the programme: extern: <name>)
risk-owner_set = { $name } now owns { $ref } and has been told.
risk-owner_set_external = { $name } (outside the programme) now owns { $ref }; they hear nothing from me.
risk-review_due = Time to review the risk { $ref } “{ $title }” (risk value { $value }, owner { $owner }). After the review: review { $ref } <next date> [comment]. If the programme cannot handle it itself: handover { $ref } <receiving manager> – <reason>
risk-review_usage = Write: review RIS-4 <next date> [comment]
risk-bad_review = I did not understand the next review “{ $text }” – a date ahead, for example “in 4 weeks”.
risk-reviewed = { $ref } is reviewed. Next review: { $day }.
risk-handover_usage = Write: handover RIS-4 <receiving manager> – <reason>
risk-handed_over = { $ref } is handed to the line organisation: receiving manager { $manager }, { $at }. The owner, the reporter and the manager (if in the programme) have been told.
risk-handover_manager = { $actor } has handed the risk { $ref } “{ $title }” (risk value { $value }) from the FVIS programme to you in the line organisation: the programme generates it but cannot handle it itself. Reason: { $note }. See it: show { $ref }
risk-handover_owner = The risk { $ref } “{ $title }” you own is handed to the line organisation, to { $manager } ({ $actor }). Reason: { $note }
risk-handover_reporter = Your risk { $ref } “{ $title }” is handed to the line organisation, to { $manager } ({ $actor }). Reason: { $note }
risk-not_open = { $ref } has status { $status } and cannot be handed over.
risk-not_a_risk = { $ref } is not a risk.
risk-forbidden = Only handlers, project leads and the risk owner can do that with { $ref }.
risk-external_mark = outside the programme
demo-notice = Demo data: the people, channels and points marked (demo) are made up. Decision points B1–B7 are the programme plan's (5.4), but no decisions are recorded.

## loop

# kinds with their gender
new_kind-need = New need
new_kind-issue = New issue
new_kind-deviation = New deviation
new_kind-risk = New risk
new_kind-change = New change request
yours-need = your need
yours-issue = your issue
yours-deviation = your deviation
yours-risk = your risk
yours-change = your change request
Yours-need = Your need
Yours-issue = Your issue
Yours-deviation = Your deviation
Yours-risk = Your risk
Yours-change = Your change request
# to handlers
notice-new_entry = { $new_kind } to handle: { $ref } “{ $title }” from { $reporter }{ $details }
notice-new_deviation_channel = New deviation to handle: { $ref }. Handlers: show { $ref }.
notice-nobody_reached = No handler could be reached about { $ref }. Check handling in the programme file.
notice-comment = Comment
notice-confirm_fixed = Yes, it is fixed
notice-not_fixed = Not fixed – reopen
reported_by_many = { $count } have reported this
rule-risk_value = Rule: risk value { $value } ≥ { $limit }
notify_status_assignee = { $actor } set { $ref } “{ $title }”, which you handle, to { $status }.
notify_reporter_comment = { $actor }, who reported { $ref } “{ $title }”, writes: { $text }
notify_comment_assignee = { $actor } commented on { $ref } “{ $title }”, which you handle: { $text }
# escalation (issues only)
escalate_route-need = Only issues are escalated. { $ref } is a need: needs go to the needs function (DigIn), which prioritises them.
escalate_route-deviation = Only issues are escalated. { $ref } is a deviation: the programme office handles it, and after go-live the region's deviation system.
escalate_route-risk = Only issues are escalated. { $ref } is a risk: its owner handles it by the risk management guideline.
escalate_route-change = Only issues are escalated. { $ref } is a change request: it is decided by the change management guideline.
escalate_reason_missing = Say why it should be escalated, for example: escalate ÄRE-7 The project cannot decide.
escalate_why = Why should { $ref } be escalated to { $level }? The reason goes with the notice to them.
escalate_title = Escalate { $ref }
escalate_next = Next
field-escalation_reason = Reason for escalation
escalate_confirm =
    Escalate { $ref } “{ $title }” to { $level }?
    Reason: { $reason }
    The notice goes to: { $people }
escalate_nobody = nobody – the level has no people in the programme file
escalate_yes = Yes, escalate
escalate_stale = That escalation is already done or cancelled. Write escalate ÄRE-7 <reason> to start again.
escalate_cancelled = Nothing was escalated; { $ref } is as before.
escalate_told = Told: { $names }.
escalate_none_told = Nobody at { $level } could be reached. Add them to the programme file (organisation) or contact them yourself.
notify_escalated_level =
    { $ref } “{ $title }” is escalated to { $level } by { $actor }.
    Reason: { $reason }
    Reported by { $reporter }{ $details }
# the reporter's follow-up
followup_reporters_only = Only those who reported { $ref } can do that. Handlers change its status with: status { $ref } <status>.
reopen_not_resolved = { $ref } has status { $status } and is not resolved, so there is nothing to reopen.
reopen_reason_missing = Say what is not fixed, for example: reopen { $ref } It still freezes.
reopen_why = What is not fixed about { $ref }? What you write goes to whoever handles it.
reopen_title = Reopen { $ref }
reopen_submit = Reopen
field-reopened = Reopened – why
reopened = { $ref } is reopened with status { $status }. Whoever handles it has been told.
notify_reopened = { $actor } reopened { $ref } “{ $title }”: { $reason }
confirm_not_resolved = { $ref } has status { $status }. You can confirm once it is resolved.
confirmed = Thank you! { $ref } is closed. Whoever resolved it has been told.
notify_confirmed = { $actor } confirms that { $ref } “{ $title }” is fixed; it is closed.
# duplicates
similar_found = Something similar is already reported. Is it the same thing? Then you are added and hear when something happens.
similar_row = { $ref } “{ $title }” · { $status } · { $count }
similar_same = Same thing – add me
similar_or_new = Or is it something else?
similar_new = No, something else
similar_new_form = No, save it as new
joined = Thank you! You are added to { $ref } – { $count } have now reported this. You will hear from me here when something happens to it.
join_already = You are already on { $ref }.
join_closed = { $ref } has status { $status }; please log a new one instead.
notify_joined = { $actor } has also reported { $ref } “{ $title }” – { $count } have now reported this.
field-reporters = Number who reported
# the handler sets what the reporter could not know
opt-benefit-unknown = Don't know
benefit_needs_only = Only needs have a benefit objective, and { $ref } is not a need.
benefit_usage = Give a benefit objective 1–5, for example: benefit BEH-3 2
benefit_set = { $ref } now has benefit objective { $benefit }.
benefit_unknown_note = Benefit objective: not known – the handler sets it.
# notices one by one or daily
notices_unknown_person = That setting is for people in the programme file. Ask the programme office to add you.
notices_daily = Done: new entries to handle come in a digest once a day. Write notices immediate to get them one by one again.
notices_at_once = Done: you hear of every new entry to handle at once.
notices_now_daily = You get new entries in a daily digest. Write notices immediate to get them one by one.
notices_now_at_once = You hear of every new entry at once. Write notices daily for one digest a day instead.
digest = Digest: { $count } new entries to handle since last time:
digest_unassigned = List unassigned
comment_on_resolved = { $ref } is marked as resolved. Is that right, or should it be reopened?
# comments by button
comment_field = Comment
comment_title = Comment on { $ref }
comment_submit = Send
# lists that fit the work
age-now = just now
age-hours = { $count } h
age-day = 1 day
age-days = { $count } days
list_queue_header = { $count } to handle, most urgent and oldest first{ $more }:
list_queue_more = { " " }(showing { $shown })
list_queue_empty = Nothing to handle here right now.

## scales

opt-probability-1 = 1 – unlikely
opt-probability-2 = 2 – possible
opt-probability-3 = 3 – likely
opt-probability-4 = 4 – very likely

## deviations (programplan 7.7)

# the two kinds: from the programme plan, and at or after the go-live
field-origin = Kind of deviation
opt-origin-plan = From the programme plan (time, scope, budget)
opt-origin-golive = At or after the go-live of FVIS
ask-origin = Is it about the programme plan, that is time, scope or budget? Or something that happened when FVIS went live, or later?
help-origin = From the plan: time, scope or budget. At go-live: what happened in care or in the systems.
help-only_golive = At go-live only
dev-category_of_plan = Pick a category of the plan: time, scope or budget.
dev-category_of_golive = That category is about the programme plan. Pick another, or change the kind of deviation.
dev-plan_saved = A deviation from the programme plan is handled by the programme, according to the FVIS guideline for follow-up and reporting.
# the region's own system first: what really happened is recorded
dev-golive_first = This belongs first of all in the region's deviation system. Once you have saved, you get a link to it and a text to paste there.
dev-referred =
    Now enter the deviation in the region's deviation system. It is handled there first. The bot does not do that for you.
    Open { $url } and paste the text below. Once you have a case number there: write casenumber { $ref } <number>, or click the button. Otherwise I will remind you tomorrow.

    { $text }
dev-system = Deviation system
dev-state-referred = referred to the deviation system
dev-state-registered = registered in the deviation system (case number { $number })
field-region_case_number = Case number in the deviation system
dev-choice-case_number = Enter the case number
dev-case_title = Case number of { $ref }
dev-ask_case_number = Which case number did { $ref } get in the region's deviation system?
dev-case_usage = Write: casenumber AVV-3 <number from the deviation system>
dev-bad_case_number = “{ $text }” does not look like a case number. Write letters and digits, at most 40 characters.
dev-not_golive = { $ref } is not a deviation at go-live. It does not go into the region's deviation system.
dev-case_forbidden = Only those who reported { $ref } and handlers can enter the number.
dev-case_saved = { $ref } is registered in the deviation system (case number { $number }). Whoever handles it has been told.
dev-case_told = { $actor } writes that { $ref } is in the region's deviation system, with case number { $number }.
dev-case_told_reporter = { $Yours } { $ref } “{ $title }” is now in the region's deviation system, with case number { $number } ({ $actor }).
dev-case_reminder = Have you entered { $ref } in the region's deviation system? It is handled there first: { $url } Then write the number here: casenumber { $ref } <number>
reports-label-referred = Referred to the deviation system
reports-label-registered = Of those, with a case number there
# the line organisation told by name
field-told_medically_responsible = Told: medically responsible
field-told_line_manager = Told: the unit's manager
dev-told = Told in the line organisation
dev-role-told_medically_responsible = medically responsible
dev-role-told_line_manager = the unit's manager
dev-nobody_named = nobody named for the unit
dev-not_reached = { $name } (not reached)
dev-rule_told = Rule: flagged deviation at go-live
dev-line_told = { $ref } is a deviation at the go-live of FVIS at { $unit }. Its risk value is { $value }. Could it be Lex Maria: { $lex_maria }. You are told as { $role }. It goes first into the region's deviation system.
dev-told_notice = I have told { $names }.
dev-missed_notice = I could not reach { $names } in the chat. Please tell them yourself.
dev-no_unit_notice = The programme file does not say who is medically responsible for “{ $unit }”. The programme channel has been told, so that the right person hears.
dev-no_unit_post = { $ref } is for whoever is medically responsible for “{ $unit }”. But the programme file does not say who that is. Handlers: make sure the right person hears (show { $ref }).
