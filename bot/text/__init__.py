"""Text people type and read: cleaning, field validation, time phrases, the words for kinds and statuses, entries rendered as text."""
