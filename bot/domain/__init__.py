"""What the programme is made of: entries and their kinds, people and roles, the programme file, who may do what, and the patient-number guard."""
