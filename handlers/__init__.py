"""One module per capability (intake, triage, browse, milestones, comms, reports, help …): neutral Incoming in, neutral Reply out."""
