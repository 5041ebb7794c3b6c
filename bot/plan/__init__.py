"""The programme plan over time: milestones and decision points, the communication plan, personal reminders."""
