"""The intranet: SharePoint through Microsoft Graph (msal + msgraph-sdk). Import
`integrations.sharepoint.adapter` only when SharePoint is configured: it pulls in msgraph."""

# Importing any part of this adapter registers its texts in the catalogue.
from integrations.sharepoint import texts as texts
