### Web chat adapter texts – English.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

webchat-sign_in_needed = Sign in to use the chat.
webchat-unknown_file = The file does not exist (any more). Ask the bot to make the report again.
webchat-signed_in_title = You are signed in
webchat-signed_in = You are signed in to the FVIS bot. This window closes by itself; otherwise close it and go back to the chat.
webchat-open_chat = Open the chat
webchat-sign_in_failed_title = Sign-in failed
webchat-sign_in_failed = The sign-in could not be completed. Try again; if it still fails, contact whoever runs the FVIS bot.
webchat-sign_in_cancelled = The sign-in was cancelled at the sign-in service.
webchat-sign_in_unavailable = The sign-in service cannot be reached right now. Try again in a while.
webchat-try_again = Try again
webchat-ticket_refused = The sign-in could not be handed to the chat. Sign in again.
