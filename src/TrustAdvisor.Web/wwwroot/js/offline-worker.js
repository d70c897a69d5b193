// The service worker's work (sw.js, made by the app, sets RELEASE and SHELL and loads this after offline-store.js).
// Pages: from the network, with the last copy of the home page, the scoring forms and relationship pages kept for
// when there is none. A score posted without a connection is kept on the phone and sent when one is back.
'use strict';
const store = self.OfflineStore;
const shellCache = `shell-${self.RELEASE}`;
const pagesCache = 'pages';
const scoreForm = /^\/Relationships\/Score\/([0-9a-f-]{36})$/i;
const keptPage = /^\/$|^\/Relationships\/(Score|Details)\/[0-9a-f-]{36}$/i;
const keptPagesAtMost = 40;
const keptOfflinePage = '/Offline?kept=1';
// A connection that looks present but carries nothing leaves a request hanging: past these, it counts as none.
const postWaitsAtMost = 20000;
const sendWaitsAtMost = 15000;
const notYours = 'This relationship is no longer yours to score (it was handed to someone else or removed), so nothing was saved.';

self.addEventListener('install', event => event.waitUntil(
  // The offline page without cookies: the copy kept is nobody's (no name in its header), whoever uses the phone next.
  // The static files as the page asked for them, so the browser's own cache answers for those it already has.
  caches.open(shellCache).then(cache => cache.addAll(self.SHELL.map(path => (path === keptOfflinePage ? new Request(path, { credentials: 'omit' }) : path))))
    .then(() => self.skipWaiting())));

self.addEventListener('activate', event => event.waitUntil((async () => {
  for (const key of await caches.keys()) {
    if (key.startsWith('shell-') && key !== shellCache) await caches.delete(key);
  }
  await self.clients.claim();
  await send().catch(() => {});
})()));

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (request.method === 'POST' && scoreForm.test(url.pathname) && !url.search) event.respondWith(postScore(request));
    else if (request.method === 'POST' && url.pathname === '/Account/SignOut') event.respondWith(fetch(request).catch(() => Response.redirect('/Offline?signed-out=1', 303)));
    else if (request.method === 'GET') event.respondWith(navigate(request, url));
  } else if (request.method === 'GET' && /^\/(css|js|icons|lib)\/|^\/(manifest\.webmanifest|favicon\.ico)$/.test(url.pathname)) {
    event.respondWith(fromShell(request));
  }
});

self.addEventListener('sync', event => {
  if (event.tag === 'send-scores') event.waitUntil(send());
});

self.addEventListener('message', event => {
  if (event.data?.type === 'send') event.waitUntil(send().catch(() => {}));
  else if (event.data?.type === 'keep') event.waitUntil(keepPages(event.data.paths));
});

async function fromShell(request) {
  const cache = await caches.open(shellCache);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function navigate(request, url) {
  if (url.pathname.toLowerCase() === '/account/signin') await forgetPages(); // nobody is signed in here any more
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && keptPage.test(url.pathname)) await keep(url.pathname, response.clone());
    return response;
  } catch (offline) {
    const kept = await (await caches.open(pagesCache)).match(url.pathname);
    return kept || (await caches.match(keptOfflinePage, { cacheName: shellCache })) || Response.error();
  }
}

async function keep(path, response) {
  // Read whole before the old copy goes: a signal lost halfway through would otherwise leave no copy at all.
  const complete = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
  const cache = await caches.open(pagesCache);
  await cache.delete(path); // the newest copy goes last, so the oldest is the first to go
  await cache.put(path, complete);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - keptPagesAtMost))) await cache.delete(old);
}

async function keepPages(paths) {
  const cache = await caches.open(pagesCache);
  for (const path of (paths || []).slice(0, 20)) {
    if (!keptPage.test(path) || await cache.match(path)) continue;
    try {
      const response = await fetch(path, { credentials: 'same-origin', redirect: 'manual' });
      if (response.type === 'opaqueredirect') return forgetPages(); // sent to sign in: the session has ended
      if (response.ok && response.type === 'basic') await keep(path, response);
    } catch (offline) {
      return;
    }
  }
}

// The post goes to the network as it is; only when there is none is the score kept here, and the page says so.
async function postScore(request) {
  const copy = request.clone();
  try {
    // If the post did arrive after all, the kept copy is stored once: it has the same assessment id.
    return await Promise.race([fetch(request), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), postWaitsAtMost))]);
  } catch (offline) {
    const relationship = scoreForm.exec(new URL(request.url).pathname)[1];
    const fields = [...(await copy.formData()).entries()]
      .filter(([name, value]) => name !== '__RequestVerificationToken' && typeof value === 'string');
    const id = fields.find(([name]) => name === 'AssessmentId')?.[1];
    const owner = await store.get('meta', 'owner');
    if (!id || !owner) return Response.error();
    const label = await store.get('labels', store.labelKey(owner.person, relationship));
    await store.put('scores', {
      id, person: owner.person, relationship, label: label?.label || 'A relationship', fields, savedAt: Date.now(), status: 'waiting',
    });
    try { await self.registration.sync.register('send-scores'); } catch (noBackgroundSync) { /* sent on the next online event or page */ }
    await tell({ type: 'changed' });
    return Response.redirect(`/Offline?saved=${relationship}`, 303);
  }
}

// One sending at a time; a request to send while one runs (the connection came back meanwhile) runs once more after.
let sending = null;
let sendAgain = false;
function send() {
  if (sending) {
    sendAgain = true;
    return sending;
  }
  sending = sendWaiting().finally(() => {
    sending = null;
    if (sendAgain) {
      sendAgain = false;
      send().catch(() => {});
    }
  });
  return sending;
}

// Each waiting score of the person signed in, with a fresh anti-forgery token; a score stays waiting while there
// is no connection or no session, and is marked refused (with the app's reason) when it can no longer be stored.
async function sendWaiting() {
  const waiting = (await store.all('scores')).filter(score => score.status === 'waiting');
  if (waiting.length === 0) return;
  const session = await (await fetch('/Offline?handler=Session', {
    cache: 'no-store', credentials: 'same-origin', signal: AbortSignal.timeout(sendWaitsAtMost),
  })).json();
  if (!session.person) {
    await forgetPages();
    await tell({ type: 'sign-in' });
    return;
  }

  try {
    for (const score of waiting.filter(s => s.person === session.person)) {
      const body = new URLSearchParams(score.fields);
      body.set('__RequestVerificationToken', session.token);
      const response = await fetch(`/Relationships/Score/${score.relationship}?handler=Queued`, {
        method: 'POST', body, credentials: 'same-origin', redirect: 'manual', signal: AbortSignal.timeout(sendWaitsAtMost),
      });
      if (response.ok) {
        const answer = await response.json();
        await store.put('scores', { ...score, status: 'arrived', message: answer.message, url: answer.url });
      } else if (response.status === 404 || response.status === 422) {
        const reason = response.status === 404 ? notYours : (await response.json()).reason;
        await store.put('scores', { ...score, status: 'refused', reason });
      } else {
        break; // signed out meanwhile (a redirect to sign in) or the app is in trouble: the next attempt sends it
      }
    }
  } finally {
    await tell({ type: 'changed' }); // what arrived or was refused before a failure shows too
  }
}

// The server says the session has ended (it sends the browser to sign in, or names nobody): the pages kept for the
// person go, private notes and clients' comments with them. Their scores not yet sent stay, for the same person to
// send after signing in again (offline.js never shows or sends them to anyone else).
async function forgetPages() {
  await caches.delete(pagesCache);
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}
