// The sign-in pop-up's last page: hand the one-time ticket to the chat that opened it (the
// chat's own origin only) and close. The chat redeems it at /auth/ticket for its own session.
'use strict';

(() => {
  const ticket = document.body.dataset.ticket || '';
  const opener = window.opener;
  if (!ticket || !opener || opener.closed) return; // opened by hand: the page's link leads on
  try {
    opener.postMessage({ type: 'fvis-signed-in', ticket }, location.origin);
  } catch {
    return;
  }
  window.close();
})();
