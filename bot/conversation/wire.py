"""Replies as plain data and back: what the request log keeps, what the web chat sends."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.domain.messages import Choice, FileRef, Form, FormField, Option, Reply


def reply_to_dict(reply: Reply) -> dict[str, Any]:
    data = asdict(reply)
    return {key: value for key, value in data.items() if value not in (None, (), [], "")}


def reply_from_dict(data: dict[str, Any]) -> Reply:
    form = data.get("form")
    file = data.get("file")
    return Reply(
        text=data.get("text", ""),
        style=data.get("style", "info"),
        choices=tuple(Choice(**c) for c in data.get("choices", ())),
        form=Form(
            id=form["id"],
            title=form.get("title", ""),
            submit_label=form.get("submit_label", ""),
            fields=tuple(
                FormField(**{**f, "options": tuple(Option(**o) for o in f.get("options", ()))})
                for f in form["fields"]
            ),
        )
        if form
        else None,
        file=FileRef(**file) if file else None,
        copy=data.get("copy", ""),
    )
