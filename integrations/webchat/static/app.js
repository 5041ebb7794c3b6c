// FVIS-boten web chat. Plain ES2020, no build step, no dependencies.
// Safety rule: text from the server is only ever placed with textContent / text nodes,
// never innerHTML, so a message cannot inject markup or script.
'use strict';

(() => {
  const I18N = {
    sv: {
      title: 'FVIS-boten — webbchatt', who: 'Du är', loading: 'Laddar…',
      langToggle: 'Språk (SV/EN): svenska. Byt till engelska.',
      chat: 'Chatt med boten', inputLabel: 'Meddelande till boten', placeholder: 'Skriv ett meddelande…',
      send: 'Skicka', hint: 'Enter skickar · Shift+Enter ger ny rad', typing: 'Boten skriver…',
      channels: 'Kanaler', noPosts: 'Inga kanalinlägg ännu.', notice: 'Notis', withdrawn: 'Tillbakadragen',
      welcome: 'Hej! Jag är FVIS-boten för programmet som ersätter regionens journalsystem. ' +
        'Här anmäler du behov, ärenden, avvikelser, risker och ändringsbegäranden – skriv med egna ord, ' +
        'så frågar jag efter det som saknas. Skriv ”hjälp” för att se allt jag kan.',
      reminder: 'Skriv aldrig personnummer eller patientuppgifter här.',
      suggestions: 'Förslag', chipHelp: 'hjälp', chipNeed: 'behov', chipList: 'lista mina',
      choices: 'Svarsalternativ', form: 'Formulär', choose: '— Välj —',
      requiredNote: 'Fält med * måste fyllas i.',
      dateHint: 'Skriv fritt, t.ex. ”2025-03-14 09:30” eller ”igår kl 14”.', datePlaceholder: 't.ex. igår kl 14',
      submit: 'Skicka', cancel: 'Avbryt', cancelWord: 'avbryt', formSent: 'Skickat',
      offline: 'Kunde inte nå boten. Kontrollera att den är igång och försök igen.',
      httpError: 'Något gick fel (HTTP {status}). Försök igen.',
      badResponse: 'Boten svarade med något oväntat. Försök igen.',
      noUser: 'Välj först vem du är i listan överst.', noUsers: 'Det finns inga demoanvändare att välja.',
      demo: 'Demo – ingen inloggning', signIn: 'Logga in', signOut: 'Logga ut',
      signInText: 'Logga in med ditt konto i regionen för att använda chatten.',
      signedOut: 'Du är utloggad. Logga in igen för att fortsätta.',
      popupBlocked: 'Inloggningsfönstret blockerades. Tillåt popup-fönster, eller öppna chatten i ett eget fönster.',
      openWindow: 'Öppna chatten i ett eget fönster',
      signedInAs: 'Inloggad som {name}',
      copyLink: 'Kopiera länken', copied: 'Kopierad', copyFailed: 'Kunde inte kopiera – markera länken och kopiera den.',
      copyText: 'Kopiera texten', copyTextFailed: 'Kunde inte kopiera – markera texten och kopiera den.',
    },
    en: {
      title: 'FVIS bot — web chat', who: 'You are', loading: 'Loading…',
      langToggle: 'Language (SV/EN): English. Switch to Swedish.',
      chat: 'Chat with the bot', inputLabel: 'Message to the bot', placeholder: 'Write a message…',
      send: 'Send', hint: 'Enter sends · Shift+Enter adds a new line', typing: 'The bot is typing…',
      channels: 'Channels', noPosts: 'No channel posts yet.', notice: 'Notice', withdrawn: 'Withdrawn',
      welcome: "Hi! I'm the FVIS bot for the programme that replaces the region's patient record systems. " +
        'Here you log needs, issues, deviations, risks and change requests – write in your own words ' +
        'and I will ask for whatever is missing. Type "help" to see everything I can do.',
      reminder: 'Never write personal identity numbers or patient details here.',
      suggestions: 'Suggestions', chipHelp: 'help', chipNeed: 'need', chipList: 'list mine',
      choices: 'Choices', form: 'Form', choose: '— Choose —',
      requiredNote: 'Fields marked * are required.',
      dateHint: 'Write freely, e.g. "2025-03-14 09:30" or "yesterday 2 pm".', datePlaceholder: 'e.g. yesterday 2 pm',
      submit: 'Send', cancel: 'Cancel', cancelWord: 'cancel', formSent: 'Sent',
      offline: 'Could not reach the bot. Check that it is running and try again.',
      httpError: 'Something went wrong (HTTP {status}). Please try again.',
      badResponse: 'The bot answered with something unexpected. Please try again.',
      noUser: 'First choose who you are in the list at the top.', noUsers: 'There are no demo users to choose from.',
      demo: 'Demo – no sign-in', signIn: 'Sign in', signOut: 'Sign out',
      signInText: "Sign in with your region account to use the chat.",
      signedOut: 'You are signed out. Sign in again to continue.',
      popupBlocked: 'The sign-in window was blocked. Allow pop-ups, or open the chat in a window of its own.',
      openWindow: 'Open the chat in a window of its own',
      signedInAs: 'Signed in as {name}',
      copyLink: 'Copy the link', copied: 'Copied', copyFailed: 'Could not copy – select the link and copy it.',
      copyText: 'Copy the text', copyTextFailed: 'Could not copy – select the text and copy it.',
    },
  };
  const STYLES = ['info', 'error', 'success'];
  const TZ = 'Europe/Stockholm';
  const POLL_MS = 5000;
  const SSE_RETRY_MS = 30000;

  const $ = (id) => document.getElementById(id);
  const els = {
    picker: $('user-picker'), toggle: $('locale-toggle'), banner: $('banner'), messages: $('messages'),
    typing: $('typing'), composer: $('composer'), input: $('input'), send: $('send'),
    groups: $('channel-groups'), empty: $('channels-empty'), topbar: $('topbar'),
    demo: $('demo-badge'), who: $('signed-in-as'), signOut: $('sign-out'), pickerLabel: document.querySelector('.picker-label'),
    signIn: $('sign-in'), signInButton: $('sign-in-button'), signInWindow: $('sign-in-window'),
  };
  // Framed by the intranet (SharePoint's Embed web part): sign in through a pop-up.
  const framed = window.top !== window.self;
  // localStorage can throw (private mode, disabled storage); the chat must still work.
  const store = {
    get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
    set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* not persisted */ } },
  };
  const state = {
    users: [], user: null, locale: store.get('fvis.webchat.locale') === 'en' ? 'en' : 'sv',
    mode: null, // 'demo' (identity picker) or 'signed-in' (identity from the session only)
    gen: 0, // bumped on every user switch so late answers for the previous user are dropped
    lastSeq: 0, seen: new Set(), es: null, pollTimer: null, retryTimer: null,
    pending: 0, queue: Promise.resolve(),
  };
  let uid = 0;

  // A per-message id lets the server recognise a repeated request (its idempotency key).
  const newId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const t = (key) => I18N[state.locale][key] ?? I18N.sv[key] ?? key;

  // Tiny element builder: strings become text nodes, so server text stays inert.
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    node.append(...children.filter((c) => c != null));
    return node;
  }
  // A label that follows the language toggle.
  const label = (tag, key, attrs = {}) => el(tag, { ...attrs, 'data-i18n': key, text: t(key) });

  function applyI18n() {
    document.documentElement.lang = state.locale;
    document.title = t('title');
    for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
    for (const n of document.querySelectorAll('[data-i18n-placeholder]')) n.placeholder = t(n.dataset.i18nPlaceholder);
    for (const n of document.querySelectorAll('[data-i18n-aria-label]')) n.setAttribute('aria-label', t(n.dataset.i18nAriaLabel));
    els.toggle.dataset.locale = state.locale;
  }

  // ---- time: always Stockholm time; HH:MM today, otherwise date + time ----
  const dayFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
  const timeFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
  function timeEl(iso) {
    const d = new Date(iso);
    if (!iso || Number.isNaN(d.getTime())) return null;
    const day = dayFmt.format(d);
    const text = day === dayFmt.format(new Date()) ? timeFmt.format(d) : `${day} ${timeFmt.format(d)}`;
    return el('time', { datetime: iso, text });
  }

  // ---- HTTP ----
  async function api(path, options = {}) {
    const headers = { Accept: 'application/json' };
    if (options.body) headers['Content-Type'] = 'application/json';
    const fail = (message, status) => Object.assign(new Error(message), { status });
    let res;
    try { res = await fetch(path, { ...options, headers }); } catch { throw fail(t('offline'), 0); }
    let data = null;
    try { data = await res.json(); } catch { /* non-JSON body; handled below */ }
    if (res.status === 401) { showSignIn(); throw fail(t('signInText'), 401); }
    if (!res.ok) {
      // The server may send both languages: {"error": sv, "error_en": en}.
      const msg = data && ((state.locale === 'en' && data.error_en) || data.error);
      throw fail(typeof msg === 'string' && msg ? msg : t('httpError').replace('{status}', res.status), res.status);
    }
    if (!data || typeof data !== 'object') throw fail(t('badResponse'), res.status);
    return data;
  }

  // ---- signing in and out (only when the bot has an issuer; the demo has the picker) ----
  const signedOutKey = 'fvis.webchat.signedOut';
  const session = {
    get: (k) => { try { return sessionStorage.getItem(k); } catch { return null; } },
    set: (k, v) => { try { if (v == null) sessionStorage.removeItem(k); else sessionStorage.setItem(k, v); } catch { /* not kept */ } },
  };

  function showSignIn(key = 'signInText') {
    // Back from signing out: say so, and do not sign in again by itself.
    const textKey = key === 'signInText' && session.get(signedOutKey) ? 'signedOut' : key;
    closeEvents();
    stopPolling();
    state.user = null;
    els.signIn.querySelector('p').dataset.i18n = textKey;
    els.signIn.querySelector('p').textContent = t(textKey);
    els.signIn.hidden = false;
    els.who.hidden = true;
    els.signOut.hidden = true;
    els.picker.hidden = true;
    els.pickerLabel.hidden = true;
    els.input.disabled = true;
    if (!framed && !session.get(signedOutKey) && textKey === 'signInText') startSignIn();
  }

  function startSignIn() {
    session.set(signedOutKey, null);
    if (!framed) {
      location.assign(`/auth/login?return=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    // Identity providers refuse to be framed: a pop-up signs in and hands this frame a ticket.
    const popup = window.open('/auth/login?popup=1', 'fvis-sign-in', 'popup,width=520,height=700');
    if (!popup) {
      els.signIn.querySelector('p').textContent = t('popupBlocked');
      els.signInWindow.hidden = false;
    }
  }

  async function redeemTicket(event) {
    if (event.origin !== location.origin || !event.data || event.data.type !== 'fvis-signed-in') return;
    try {
      const res = await fetch('/auth/ticket', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ticket: String(event.data.ticket || '') }),
      });
      if (res.ok) { location.reload(); return; }
    } catch { /* shown below */ }
    showSignIn('signInText');
  }

  async function signOut() {
    let end = '';
    try {
      const res = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const data = await res.json();
      end = typeof data.end_session_url === 'string' ? data.end_session_url : '';
    } catch { /* signed out here at least once the cookie is gone */ }
    session.set(signedOutKey, '1');
    // The issuer's own session ends on its page; framed, that page opens in a pop-up.
    if (end && !framed) { location.assign(end); return; }
    if (end) window.open(end, 'fvis-sign-out', 'popup,width=520,height=700');
    showSignIn('signedOut');
  }

  function showSignedIn(user) {
    session.set(signedOutKey, null);
    els.signIn.hidden = true;
    els.picker.hidden = true;
    els.pickerLabel.hidden = true;
    els.who.textContent = t('signedInAs').replace('{name}', String(user.name || user.id));
    els.who.hidden = false;
    els.signOut.hidden = false;
    els.input.disabled = false;
  }

  // ---- chat rendering ----
  function scrollToShow(bubble) {
    const list = els.messages;
    // Tall bubbles (forms) are shown from their top; everything else keeps the log pinned to the bottom.
    list.scrollTop = bubble.offsetHeight > list.clientHeight ? bubble.offsetTop - 8 : list.scrollHeight;
  }

  function addBubble(who, { text, style, tag, at, testid } = {}) {
    const safeStyle = STYLES.includes(style) ? style : null;
    const bubble = el('div', {
      class: `bubble ${who}${safeStyle ? ` style-${safeStyle}` : ''}`, dir: 'auto',
      'data-testid': testid || `${who}-message`, 'data-style': safeStyle,
    });
    if (tag || at) {
      // The meta line carries its own dir, so dir="auto" on the bubble is decided by the message text.
      bubble.append(el('div', { class: 'meta', dir: 'ltr' }, tag ? label('span', tag, { class: 'tag' }) : null, timeEl(at)));
    }
    if (text) bubble.append(richText(String(text)));
    els.messages.append(bubble);
    scrollToShow(bubble);
    return bubble;
  }

  // Server text as nodes: web addresses become links (with a copy button), and dates and
  // times are kept on one line ("2026-11-28 14:00" never wraps after a hyphen).
  const RICH = /(https?:\/\/[^\s<>"”]+[^\s<>"”.,;:!?)])|(\d{4}-\d{2}-\d{2}(?: (?:kl\. )?\d{2}:\d{2})?)/g;
  function richText(text) {
    const p = el('p', { class: 'text', id: `t${++uid}` });
    let at = 0;
    for (const match of text.matchAll(RICH)) {
      p.append(text.slice(at, match.index));
      if (match[1]) p.append(...linkWithCopy(match[1]));
      else p.append(el('span', { class: 'nowrap', text: match[2] }));
      at = match.index + match[0].length;
    }
    p.append(text.slice(at));
    return p;
  }

  function linkWithCopy(href) {
    let url;
    try { url = new URL(href); } catch { return [href]; }
    if (!['http:', 'https:'].includes(url.protocol)) return [href];
    const link = el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', text: href });
    const copy = copyButton('copyLink', 'copyFailed', href,
      { 'data-testid': 'copy-link', 'aria-label': `${t('copyLink')} ${href}` });
    return [link, ' ', copy];
  }

  // A button that puts `value` on the clipboard and says, for a moment, how that went.
  function copyButton(name, failed, value, attrs = {}) {
    const copy = label('button', name, { type: 'button', class: 'copy', ...attrs });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(value);
        copy.textContent = t('copied');
      } catch {
        copy.textContent = t(failed);
      }
      setTimeout(() => { copy.textContent = t(name); }, 3000);
    });
    return copy;
  }

  function fileLink(file) {
    let url;
    try { url = new URL(String(file.url), location.href); } catch { return null; }
    if (!['http:', 'https:'].includes(url.protocol)) return null; // no javascript:/data: links from the server
    const name = String(file.name || url.pathname.split('/').pop() || 'fil');
    return el('a', { class: 'file', href: url.href, download: name, type: file.mime || null, dir: 'auto', text: name });
  }

  function renderReply(reply) {
    const form = reply.form && typeof reply.form === 'object' ? reply.form : null;
    // A form's title is its legend: the same words are not shown twice.
    const text = form && String(form.title || '') === String(reply.text || '') ? '' : reply.text;
    const bubble = addBubble('bot', { text, style: reply.style });
    if (reply.file) bubble.append(fileLink(reply.file) || '');
    if (reply.copy) {
      // A text to paste elsewhere (a deviation for the region's own system), copied as is.
      bubble.append(el('div', { class: 'copy-row' },
        copyButton('copyText', 'copyTextFailed', String(reply.copy), { 'data-testid': 'copy-text' })));
    }
    const question = bubble.querySelector('p.text');
    if (Array.isArray(reply.choices) && reply.choices.length) bubble.append(renderChoices(reply.choices, question));
    if (form) {
      bubble.classList.add('has-form');
      bubble.append(renderForm(form));
    }
    scrollToShow(bubble);
    const invalid = bubble.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus({ preventScroll: true }); // take keyboard users straight to what needs fixing
  }

  function renderChoices(choices, question) {
    // The group is named by the question it answers, so "Hög" is read as an answer to it.
    const named = question ? { 'aria-labelledby': question.id } : { 'aria-label': t('choices'), 'data-i18n-aria-label': 'choices' };
    const group = el('div', { class: 'choices', role: 'group', ...named });
    for (const choice of choices) {
      const text = String(choice.label ?? choice.value ?? '');
      const button = el('button', { type: 'button', class: 'choice', 'data-testid': 'choice', dir: 'auto', text,
        'aria-describedby': question ? question.id : null });
      button.addEventListener('click', async (event) => {
        const buttons = [...group.querySelectorAll('button')];
        if (buttons.some((b) => b.disabled)) return;
        buttons.forEach((b) => { b.disabled = true; }); // one answer per question: no double clicks
        button.classList.add('chosen');
        addBubble('user', { text });
        const ok = await send({ action: { id: choice.id, value: choice.value } });
        if (!ok) { buttons.forEach((b) => { b.disabled = false; }); button.classList.remove('chosen'); }
        if (event.detail === 0) els.input.focus(); // keyboard activation: keep focus somewhere useful
      });
      group.append(button);
    }
    return group;
  }

  function renderForm(spec) {
    const n = ++uid;
    const fields = Array.isArray(spec.fields) ? spec.fields : [];
    const form = el('form', { class: 'bot-form', 'data-testid': 'form', 'data-form-id': spec.id, novalidate: true });
    const fieldset = el('fieldset');
    if (spec.title) fieldset.append(el('legend', { dir: 'auto', text: String(spec.title) }));
    else form.setAttribute('aria-label', t('form'));
    if (fields.some((f) => f.required)) fieldset.append(label('p', 'requiredNote', { class: 'form-note' }));
    const inputs = [];
    for (const f of fields) {
      const id = `f${n}-${String(f.name).replace(/[^\w-]/g, '_')}`;
      const value = f.value == null ? '' : String(f.value);
      if (f.type === 'multiselect') {
        const checks = renderChecks(f, id, value);
        fieldset.append(checks.node);
        inputs.push([String(f.name), checks]);
        continue;
      }
      let input;
      if (f.type === 'textarea') {
        input = el('textarea', { rows: 3 });
      } else if (f.type === 'select') {
        input = el('select');
        if (!value) input.append(label('option', 'choose', { value: '' }));
        for (const o of Array.isArray(f.options) ? f.options : []) {
          input.append(el('option', { value: String(o.value ?? ''), text: String(o.label ?? o.value ?? '') }));
        }
      } else {
        // "date" stays free text: people write "igår kl 14" and the bot parses it.
        // "number" is text too, so the server (not the browser) judges and explains bad input.
        input = el('input', { type: 'text', inputmode: f.type === 'number' ? 'decimal' : null,
          'data-i18n-placeholder': f.type === 'date' ? 'datePlaceholder' : null });
        if (f.type === 'date') input.placeholder = t('datePlaceholder');
      }
      Object.assign(input, { id, name: String(f.name), value });
      if (f.required) input.setAttribute('aria-required', 'true');
      const described = [];
      const extras = [];
      const help = f.help ? el('p', { class: 'help', dir: 'auto', text: String(f.help) })
        : f.type === 'date' ? label('p', 'dateHint', { class: 'help' }) : null;
      if (help) { help.id = `${id}-help`; described.push(help.id); extras.push(help); }
      if (f.error) {
        extras.push(el('p', { class: 'field-error', id: `${id}-error`, dir: 'auto', text: String(f.error) }));
        described.push(`${id}-error`);
        input.setAttribute('aria-invalid', 'true');
      }
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      const lab = el('label', { for: id, dir: 'auto' }, String(f.label || f.name),
        f.required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
      fieldset.append(el('div', { class: `field${f.error ? ' invalid' : ''}` }, lab, input, ...extras));
      inputs.push([String(f.name), input]);
    }
    const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'form-submit' });
    if (spec.submit_label) submit.textContent = String(spec.submit_label);
    else { submit.dataset.i18n = 'submit'; submit.textContent = t('submit'); }
    const cancel = label('button', 'cancel', { type: 'button', class: 'secondary', 'data-testid': 'form-cancel' });
    const status = el('span', { class: 'form-status' });
    const setBusy = (busy) => { fieldset.disabled = busy; submit.disabled = busy; cancel.disabled = busy; };
    const finish = (ok) => {
      if (!ok) { setBusy(false); return; }
      status.replaceChildren(label('span', 'formSent'));
      form.classList.add('sent');
    };

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (submit.disabled) return;
      const values = Object.fromEntries(inputs.map(([name, input]) => [name, String(input.value)]));
      setBusy(true);
      finish(await send({ form: { id: spec.id, values } }));
    });
    cancel.addEventListener('click', async () => {
      setBusy(true);
      finish(await sendText(t('cancelWord')));
    });
    form.append(fieldset, el('div', { class: 'form-actions' }, submit, cancel, status));
    return form;
  }

  // Several of a list (audiences, channels): checkboxes in a group named by the field's label.
  // The value is the chosen option values joined by commas, as every client sends them.
  function renderChecks(f, id, value) {
    const chosen = new Set(value ? value.split(',').map((v) => v.trim()) : []);
    const legend = el('legend', { dir: 'auto' }, String(f.label || f.name),
      f.required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
    const group = el('fieldset', { class: `field checks${f.error ? ' invalid' : ''}`, id }, legend);
    const boxes = (Array.isArray(f.options) ? f.options : []).map((o, i) => {
      const box = el('input', { type: 'checkbox', id: `${id}-${i}`, value: String(o.value ?? '') });
      box.checked = chosen.has(box.value);
      group.append(el('label', { for: box.id, class: 'check', dir: 'auto' }, box, ` ${String(o.label ?? o.value ?? '')}`));
      return box;
    });
    const described = [];
    if (f.help) { group.append(el('p', { class: 'help', id: `${id}-help`, dir: 'auto', text: String(f.help) })); described.push(`${id}-help`); }
    if (f.error) {
      group.append(el('p', { class: 'field-error', id: `${id}-error`, dir: 'auto', text: String(f.error) }));
      described.push(`${id}-error`);
      if (boxes[0]) boxes[0].setAttribute('aria-invalid', 'true');
    }
    if (described.length) group.setAttribute('aria-describedby', described.join(' '));
    return { node: group, get value() { return boxes.filter((b) => b.checked).map((b) => b.value).join(','); } };
  }

  function showWelcome() {
    const bubble = addBubble('bot', { testid: 'welcome' });
    bubble.classList.add('welcome');
    bubble.append(label('p', 'welcome', { class: 'text' }), label('p', 'reminder', { class: 'reminder' }));
    const chips = el('div', { class: 'choices suggestions', role: 'group', 'aria-label': t('suggestions'), 'data-i18n-aria-label': 'suggestions' });
    for (const key of ['chipHelp', 'chipNeed', 'chipList']) {
      // Chips send their current (localised) label as if typed.
      chips.append(label('button', key, { type: 'button', class: 'choice chip', 'data-testid': 'suggestion',
        onclick: (e) => sendText(e.currentTarget.textContent) }));
    }
    bubble.append(chips);
  }

  // ---- sending: requests are queued so the conversation reaches the bot in order ----
  function setPending(delta) {
    state.pending = Math.max(0, state.pending + delta);
    els.typing.hidden = state.pending === 0;
    els.messages.setAttribute('aria-busy', String(state.pending > 0));
  }

  function send(payload) {
    if (!state.user) { // no identity yet: not signed in, or no demo identity picked
      addBubble('bot', { text: t(state.mode === 'demo' ? 'noUser' : 'signInText'), style: 'error' });
      return Promise.resolve(false);
    }
    const { gen, locale } = state;
    const user = state.user.id;
    setPending(+1);
    const job = state.queue.then(async () => {
      try {
        const data = await api('/api/webchat/messages', { method: 'POST', body: JSON.stringify({ id: newId(), user, locale, ...payload }) });
        if (gen === state.gen) (Array.isArray(data.replies) ? data.replies : []).filter((r) => r && typeof r === 'object').forEach(renderReply);
        return true;
      } catch (err) {
        if (gen === state.gen) addBubble('bot', { text: err.message, style: 'error' });
        return false;
      } finally {
        setPending(-1);
      }
    });
    state.queue = job; // job never rejects, so the chain never breaks
    return job;
  }

  function sendText(text) {
    const clean = String(text).trim();
    if (!clean) return Promise.resolve(false);
    addBubble('user', { text: clean });
    return send({ text: clean });
  }

  function updateSend() {
    els.send.disabled = !els.input.value.trim();
    els.input.style.height = 'auto'; // grow with the text, up to a cap set in CSS
    els.input.style.height = `${els.input.scrollHeight + 2}px`;
  }

  // ---- live messages: SSE first, inbox polling as fallback, deduplicated by seq ----
  function handleLive(m) {
    if (!m || typeof m !== 'object') return;
    if (Number.isFinite(m.seq)) {
      // A post shown already comes again when it is withdrawn: mark it instead of dropping it.
      if (state.seen.has(m.seq)) { if (m.withdrawn_at) markWithdrawn(m.seq); return; }
      state.seen.add(m.seq);
      state.lastSeq = Math.max(state.lastSeq, m.seq);
    }
    if (m.direct) {
      const bubble = addBubble('bot', { text: m.text, tag: 'notice', at: m.at });
      bubble.dataset.kind = 'notification';
      if (m.file) bubble.append(fileLink(m.file) || '');
      // A notice's buttons (take it, comment …) answer like any choice.
      if (Array.isArray(m.choices) && m.choices.length) bubble.append(renderChoices(m.choices));
    } else {
      addChannelPost(m);
    }
  }

  function addChannelPost(m) {
    const raw = String(m.channel || '').trim() || 'fvis';
    const name = raw.startsWith('#') ? raw : `#${raw}`;
    let group = [...els.groups.children].find((g) => g.dataset.channel === name);
    if (!group) group = el('section', { class: 'channel', 'data-channel': name }, el('h3', { dir: 'auto', text: name }), el('ol', { class: 'posts' }));
    els.groups.prepend(group); // most recently active channel on top
    const seq = Number.isFinite(m.seq) ? m.seq : Infinity;
    const post = el('li', { class: 'post', 'data-testid': 'channel-post', 'data-channel': name, 'data-seq': Number.isFinite(seq) ? seq : '' },
      el('span', { class: 'visually-hidden', text: `${name}, ` }), // the heading is not read with the post
      el('div', { class: 'meta' }, timeEl(m.at)),
      el('p', { class: 'text', dir: 'auto', text: String(m.text ?? '') }));
    if (m.file) post.append(fileLink(m.file) || '');
    if (Array.isArray(m.choices) && m.choices.length) post.append(renderChoices(m.choices));
    if (m.withdrawn_at) markPost(post);
    const list = group.querySelector('ol');
    const before = [...list.children].find((li) => Number(li.dataset.seq) < seq); // newest first
    list.insertBefore(post, before || null);
    els.empty.hidden = true;
  }

  function markPost(post) {
    if (post.classList.contains('withdrawn')) return;
    post.classList.add('withdrawn');
    post.querySelector('.meta')?.append(label('span', 'withdrawn', { class: 'tag withdrawn-tag', 'data-testid': 'withdrawn' }));
  }
  function markWithdrawn(seq) {
    const post = els.groups.querySelector(`li.post[data-seq="${Number(seq)}"]`);
    if (post) markPost(post);
  }

  async function loadInbox(drain = false) {
    if (!state.user) return;
    const { gen } = state;
    try {
      // The server pages the inbox; on first load / reconnect keep reading until caught up.
      for (let page = 0; page < (drain ? 20 : 1); page++) {
        const before = state.lastSeq;
        const q = `user=${encodeURIComponent(state.user.id)}&after=${state.lastSeq}`;
        const data = await api(`/api/webchat/inbox?${q}`);
        if (gen !== state.gen) return;
        const msgs = Array.isArray(data.messages) ? data.messages : [];
        msgs.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).forEach(handleLive);
        if (!msgs.length || state.lastSeq === before) break;
      }
    } catch (err) {
      if (err.status !== 401) console.warn('inbox:', err.message); // polling retries; no chat noise
    }
  }

  function startPolling() {
    if (!state.pollTimer) state.pollTimer = setInterval(() => loadInbox(), POLL_MS);
  }
  function stopPolling() { clearInterval(state.pollTimer); state.pollTimer = null; }
  function closeEvents() {
    clearTimeout(state.retryTimer); state.retryTimer = null;
    if (state.es) { state.es.close(); state.es = null; }
  }

  function openEvents() {
    closeEvents();
    if (!state.user || typeof EventSource === 'undefined') { startPolling(); return; }
    const { gen } = state;
    const url = `/api/webchat/events?user=${encodeURIComponent(state.user.id)}`;
    const es = new EventSource(url);
    state.es = es;
    es.onopen = () => { if (gen === state.gen) { stopPolling(); loadInbox(true); } }; // catch up on the gap
    es.onmessage = (e) => {
      if (gen !== state.gen) return;
      try { handleLive(JSON.parse(e.data)); } catch { /* ignore malformed event */ }
    };
    es.onerror = () => {
      if (gen !== state.gen) return;
      startPolling(); // the browser retries by itself; poll meanwhile so nothing waits
      if (es.readyState === EventSource.CLOSED) {
        state.retryTimer = setTimeout(() => { if (gen === state.gen) openEvents(); }, SSE_RETRY_MS);
      }
    };
  }

  // ---- identity ----
  function selectUser(id) {
    const user = state.users.find((u) => u.id === id) || state.users[0];
    if (!user) return;
    state.gen += 1;
    closeEvents();
    stopPolling();
    Object.assign(state, { user, lastSeq: 0, seen: new Set() });
    if (state.mode === 'demo') store.set('fvis.webchat.user', user.id);
    const saved = store.get(`fvis.webchat.locale.${user.id}`);
    state.locale = saved === 'en' || saved === 'sv' ? saved : (user.locale === 'en' ? 'en' : 'sv');
    store.set('fvis.webchat.locale', state.locale);
    els.picker.value = user.id;
    els.messages.replaceChildren();
    els.groups.replaceChildren();
    els.empty.hidden = false;
    applyI18n();
    showWelcome();
    const { gen } = state;
    // A dialogue left half-way (a reload, another tab): its question is shown again.
    send({ action: { id: 'dialog:pending', value: '' } });
    loadInbox(true).then(() => { if (gen === state.gen) openEvents(); });
    els.input.focus();
  }

  async function init() {
    applyI18n();
    // Keep the chat exactly one screen tall on phones, whatever height the header wraps to.
    new ResizeObserver(() => document.documentElement.style.setProperty('--header-h', `${els.topbar.offsetHeight}px`)).observe(els.topbar);

    els.input.addEventListener('input', updateSend);
    els.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); els.composer.requestSubmit(); }
    });
    els.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!els.input.value.trim()) return;
      const text = els.input.value;
      els.input.value = '';
      updateSend();
      sendText(text);
    });
    els.picker.addEventListener('change', () => selectUser(els.picker.value));
    els.toggle.addEventListener('click', () => {
      state.locale = state.locale === 'sv' ? 'en' : 'sv';
      store.set('fvis.webchat.locale', state.locale);
      if (state.user) store.set(`fvis.webchat.locale.${state.user.id}`, state.locale);
      applyI18n();
      if (state.user && state.mode === 'signed-in') showSignedIn(state.user);
    });
    els.signInButton.addEventListener('click', startSignIn);
    els.signOut.addEventListener('click', signOut);
    window.addEventListener('message', redeemTicket);

    let me;
    try {
      me = await api('/api/webchat/me');
    } catch (err) {
      if (err.status !== 401) { showWelcome(); addBubble('bot', { text: err.message, style: 'error' }); }
      return; // 401: the sign-in panel is showing
    }
    state.mode = me.mode === 'signed-in' ? 'signed-in' : 'demo';
    if (state.mode === 'signed-in' && me.user && me.user.id != null) {
      // Who you are comes from the session: there is nothing to pick.
      state.users = [me.user];
      showSignedIn(me.user);
      selectUser(me.user.id);
      return;
    }
    els.demo.hidden = false;

    try {
      const data = await api('/api/webchat/users');
      state.users = (Array.isArray(data.users) ? data.users : []).filter((u) => u && u.id != null);
    } catch (err) {
      showWelcome();
      if (err.status !== 401) addBubble('bot', { text: err.message, style: 'error' });
      els.picker.replaceChildren(el('option', { value: '', text: '—' }));
      return;
    }
    els.picker.replaceChildren(...state.users.map((u) => {
      // Name and job title, which says what each demo identity does; never role codes.
      const title = u.title ? ` – ${u.title}` : '';
      return el('option', { value: u.id, text: `${u.name || u.id}${title}` });
    }));
    els.picker.disabled = state.users.length === 0;
    if (!state.users.length) { showWelcome(); addBubble('bot', { text: t('noUsers'), style: 'error' }); return; }
    selectUser(store.get('fvis.webchat.user'));
  }

  init();
})();
