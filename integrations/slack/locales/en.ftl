### Slack adapter texts – English.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

# Slack's own idiom
slack-open_form = Open the form
slack-submit = Save
slack-close = Close
slack-choose = Choose …
slack-continued = (continued, { $page } of { $pages })
slack-cut = … (cut: the rest does not fit in a Slack message)
slack-field_cut = Prefilled with the first { $limit } characters; Slack takes no more in one field.
slack-form_gone = The form is no longer there. Start again with /fvis need (or issue, deviation, risk, change).
slack-withdrawn = (This message was withdrawn.)
slack-file_posted = File: { $name }
slack-file_failed = The file { $name } could not be sent to Slack. Try again in a moment.
