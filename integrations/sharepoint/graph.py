"""The Graph client: msgraph-sdk with an msal credential, pointed at GRAPH_BASE_URL.

Throttling is msgraph's own retry middleware (kiota's RetryHandler): on 429, 503 and 504 it
waits the answer's `Retry-After` and tries again, up to three times.
"""

from __future__ import annotations

from typing import Any

from kiota_abstractions.method import Method
from kiota_abstractions.request_information import RequestInformation
from msgraph import GraphServiceClient
from msgraph.generated.models.o_data_errors.o_data_error import ODataError

from integrations.microsoft.settings import SharePointSettings
from integrations.microsoft.tokens import GraphCredential, MsalTokens

ERRORS: dict[str, Any] = {"XXX": ODataError}


def graph_client(settings: SharePointSettings) -> GraphServiceClient:
    client = GraphServiceClient(
        credentials=GraphCredential(MsalTokens(settings.credentials)), scopes=[settings.scope]
    )
    client.request_adapter.base_url = settings.graph_base_url
    return client


async def post_action(client: GraphServiceClient, template: str, **path: str) -> None:
    """POST an action msgraph-sdk has no builder for (sitePage/publish), through its adapter,
    so the same token, retry and error handling apply."""
    info = RequestInformation(Method.POST, "{+baseurl}" + template, dict(path))
    info.path_parameters["baseurl"] = client.request_adapter.base_url
    await client.request_adapter.send_no_response_content_async(info, ERRORS)


def describe(error: BaseException) -> str:
    """A Graph error as people can read it: status, Graph's code and message."""
    if isinstance(error, ODataError):
        detail = error.error
        code = getattr(detail, "code", "") or ""
        message = getattr(detail, "message", "") or ""
        return f"HTTP {error.response_status_code} {code}: {message}".strip(": ")
    return f"{type(error).__name__}: {error}"
