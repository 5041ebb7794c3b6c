"""What Teams and SharePoint share: the app's own tokens from Microsoft Entra (msal)."""
