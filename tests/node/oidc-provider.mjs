// A certified OpenID Connect provider (panva's oidc-provider) on loopback, for tests.
//
//   node oidc-provider.mjs [CONFIG.json]
//
// The configuration is a JSON file (argument, or OIDC_CONFIG = a path or inline JSON); the
// environment may override OIDC_HOST, OIDC_PORT and OIDC_ISSUER. Every key is optional:
//
//   {
//     "host": "127.0.0.1",            // where to listen (loopback only)
//     "port": 0,                      // 0: any free port (the ready line tells which)
//     "issuer": "http://127.0.0.1:PORT",  // default: http://HOST:PORT
//     "clients": [{                   // default: one client "fvis-bot" / "fvis-secret"
//       "client_id": "fvis-bot",
//       "client_secret": "fvis-secret",
//       "redirect_uris": ["http://127.0.0.1:8080/auth/callback"],
//       "post_logout_redirect_uris": ["http://127.0.0.1:8080/"],
//       "token_endpoint_auth_method": "client_secret_post"   // the default
//     }],
//     "accounts": {                   // login -> claims (sub defaults to the login)
//       "anna@example.se": {"email": "anna@example.se", "name": "Anna Berg",
//                           "preferred_username": "anna@example.se", "roles": ["FVIS.Handler"]}
//     },
//     "accountsFile": "/tmp/accounts.json",  // the same map, re-read at every sign-in, so a
//                                            // running provider learns new accounts
//     "unknownAccounts": "allow",     // "allow": any other login signs in as {sub: login};
//                                     // "deny": it is refused (the sign-in fails)
//     "pkce": "required",             // "required" (S256) or "optional"
//     "ttl": {"IdToken": 300, "AccessToken": 300, "AuthorizationCode": 60, "Session": 3600}
//   }
//
// Sign-in is devInteractions: a login page (inputs `login` and `password`; any password
// does) and then a consent page (one submit button). Claims are put in the ID token
// (conformIdTokenClaims off, as Entra does): `sub` and the Entra-style `roles`, `oid`, `tid`,
// `groups` with the openid scope; `email`, `email_verified` with email; `name`,
// `preferred_username`, `given_name`, `family_name`, `locale` with profile.
// RP-initiated logout (end_session_endpoint) is on.
//
// When listening it prints one line to stdout: `ready {"issuer": ..., "port": ...}`.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process';

// oidc-provider says once that it wants Node 22; on Node 20 it works (measured).
const warn = console.warn;
console.warn = (...args) => {
  if (String(args[0] ?? '').includes('Unsupported runtime')) return;
  warn(...args);
};
const { default: Provider } = await import('oidc-provider');

function readConfig() {
  const source = process.argv[2] ?? process.env.OIDC_CONFIG ?? '';
  let config = {};
  if (source.trim().startsWith('{')) config = JSON.parse(source);
  else if (source) config = JSON.parse(readFileSync(source, 'utf8'));
  if (process.env.OIDC_HOST) config.host = process.env.OIDC_HOST;
  if (process.env.OIDC_PORT) config.port = Number(process.env.OIDC_PORT);
  if (process.env.OIDC_ISSUER) config.issuer = process.env.OIDC_ISSUER;
  return config;
}

const config = readConfig();
const host = config.host ?? '127.0.0.1';
if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
  console.error(`refusing to listen on ${host}: this provider is for tests on loopback only`);
  process.exit(2);
}

const clients = (config.clients ?? [{
  client_id: 'fvis-bot',
  client_secret: 'fvis-secret',
  redirect_uris: ['http://127.0.0.1:8080/auth/callback'],
}]).map((client) => ({
  token_endpoint_auth_method: 'client_secret_post',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  ...client,
}));

function accounts() {
  const map = { ...(config.accounts ?? {}) };
  if (config.accountsFile) {
    try {
      Object.assign(map, JSON.parse(readFileSync(config.accountsFile, 'utf8')));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  return map;
}

async function findAccount(ctx, id) {
  const known = accounts()[id];
  if (!known && config.unknownAccounts === 'deny') return undefined;
  const claims = { sub: id, ...(known ?? {}) };
  return {
    accountId: id,
    async claims() {
      return claims;
    },
  };
}

const page = (title, body) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body><main>${body}</main></body></html>`;

async function listen(server, port) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server.address().port;
}

let handler = (req, res) => {
  res.statusCode = 503;
  res.end('starting');
};
const server = createServer((req, res) => handler(req, res));
const port = await listen(server, config.port ?? 0);
const issuer = config.issuer ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients,
  findAccount,
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub', 'roles', 'oid', 'tid', 'groups'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username', 'given_name', 'family_name', 'locale'],
  },
  pkce: { required: () => (config.pkce ?? 'required') === 'required' },
  ttl: {
    AccessToken: 300,
    AuthorizationCode: 60,
    IdToken: 300,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
    RefreshToken: 3600,
    ...(config.ttl ?? {}),
  },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // The defaults load a web font from the internet; tests have none.
      async logoutSource(ctx, form) {
        ctx.body = page('Logout Request', `<h1>Do you want to sign-out from ${ctx.host}?</h1>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Sign-out Success', '<h1>Sign-out Success</h1>');
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('oops! something went wrong', `<h1>oops! something went wrong</h1>
<pre id="error">${JSON.stringify(out, null, 2).replace(/</g, '&lt;')}</pre>`);
  },
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));
handler = provider.callback();

// If the test run that started us dies without stopping us, go too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}

process.stdout.write(`ready ${JSON.stringify({ issuer, port })}\n`);
