"""Communication items as intranet news: a site page promoted as a news post, then published.

The page's address is the delivery's message id, like any channel's; the page id behind it is
kept so the post can be withdrawn (deleted). A page created but not published is deleted again,
so a failed publish leaves no half-made draft on the intranet.
"""

from __future__ import annotations

import html
import logging
import re
import uuid
from typing import Any, Protocol

from msgraph import GraphServiceClient
from msgraph.generated.models.canvas_layout import CanvasLayout
from msgraph.generated.models.horizontal_section import HorizontalSection
from msgraph.generated.models.horizontal_section_column import HorizontalSectionColumn
from msgraph.generated.models.horizontal_section_layout_type import HorizontalSectionLayoutType
from msgraph.generated.models.page_layout_type import PageLayoutType
from msgraph.generated.models.page_promotion_type import PagePromotionType
from msgraph.generated.models.site_page import SitePage
from msgraph.generated.models.text_web_part import TextWebPart

from bot.domain.messages import Delivery, Outbound, Target
from integrations.sharepoint.graph import describe, post_action

log = logging.getLogger(__name__)
PUBLISH = "/sites/{site_id}/pages/{page_id}/microsoft.graph.sitePage/publish"


class PageState(Protocol):
    def page_published(self, *, url: str, page_id: str, site_id: str, title: str) -> None: ...

    def page(self, url: str) -> dict[str, Any] | None: ...

    def forget_page(self, url: str) -> None: ...


def page_name(title: str) -> str:
    """A file name for Site Pages: readable, ASCII, unique."""
    folded = (
        title.casefold().replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")
    )
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60] or "nyhet"
    return f"{slug}-{uuid.uuid4().hex[:8]}.aspx"


def body_html(text: str) -> str:
    """Plain text as the text web part's HTML: paragraphs at blank lines, line breaks kept."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


def split_title(message: Outbound) -> tuple[str, str]:
    title = message.meta.get("title", "").strip()
    text = message.text.strip()
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    if not title:
        title, _, text = text.partition("\n")
    return title.strip()[:255] or "FVIS", text


class SharePointNotifier:
    """Platform "sharepoint": every post is a news post on the configured intranet site."""

    def __init__(self, *, client: GraphServiceClient, site_id: str, state: PageState) -> None:
        self._client = client
        self._site_id = site_id
        self._state = state

    def _pages(self) -> Any:
        return self._client.sites.by_site_id(self._site_id).pages

    async def post(self, target: Target, message: Outbound) -> Delivery:
        title, text = split_title(message)
        page = SitePage(
            odata_type="#microsoft.graph.sitePage",
            name=page_name(title),
            title=title,
            page_layout=PageLayoutType.Article,
            promotion_kind=PagePromotionType.NewsPost,
            show_comments=True,
            show_recommended_pages=False,
            canvas_layout=CanvasLayout(
                horizontal_sections=[
                    HorizontalSection(
                        id="1",
                        layout=HorizontalSectionLayoutType.OneColumn,
                        columns=[
                            HorizontalSectionColumn(
                                id="1",
                                width=12,
                                webparts=[
                                    TextWebPart(
                                        odata_type="#microsoft.graph.textWebPart",
                                        inner_html=body_html(text),
                                    )
                                ],
                            )
                        ],
                    )
                ]
            ),
        )
        try:
            created = await self._pages().post(page)
        except Exception as error:
            log.warning("creating the news page failed: %s", describe(error))
            return Delivery(ok=False, error=f"SharePoint: {describe(error)}")
        page_id, url = str(created.id), str(created.web_url or "")
        try:
            await post_action(self._client, PUBLISH, site_id=self._site_id, page_id=page_id)
        except Exception as error:
            log.warning("publishing the news page failed: %s", describe(error))
            try:
                await self._pages().by_base_site_page_id(page_id).delete()
            except Exception as cleanup:
                log.warning("and deleting the draft failed too: %s", describe(cleanup))
            return Delivery(ok=False, error=f"SharePoint: {describe(error)}")
        self._state.page_published(url=url, page_id=page_id, site_id=self._site_id, title=title)
        return Delivery(ok=True, message_id=url)

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        row = self._state.page(message_id)
        if row is None:
            return Delivery(ok=False, error=f"no news page {message_id!r} published by the bot")
        try:
            await (
                self._client.sites.by_site_id(row["site_id"])
                .pages.by_base_site_page_id(row["page_id"])
                .delete()
            )
        except Exception as error:
            return Delivery(ok=False, error=f"SharePoint: {describe(error)}")
        self._state.forget_page(message_id)
        return Delivery(ok=True, message_id=message_id)
