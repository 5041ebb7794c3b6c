"""The intranet: SharePoint through Microsoft Graph (msal + msgraph-sdk). Import
`integrations.sharepoint.adapter` only when SharePoint is configured: it pulls in msgraph."""
