// Scoring without a connection, on the page's side: registers the service worker, gives every view of a scoring
// form a new assessment id, says on every page how many scores wait on this phone, and forgets a person's kept
// scores and pages when they sign out. Without JavaScript none of this runs and the forms post as they always did.
(() => {
  'use strict';
  if (!('serviceWorker' in navigator) || !self.indexedDB || !self.OfflineStore) return;
  const store = self.OfflineStore;
  const signedIn = document.querySelector('meta[name="trustadvisor-person"]')?.content || null;
  let person = signedIn;
  const banner = document.getElementById('offline-banner');
  let needsSignIn = false;

  const plural = (count, one, many) => (count === 1 ? one : many.replace('#', count));

  function uuid7() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    let time = Date.now();
    for (let i = 5; i >= 0; i--) { bytes[i] = time % 256; time = Math.floor(time / 256); }
    bytes[6] = (bytes[6] & 0x0f) | 0x70;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function element(tag, text, attributes) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, value);
    return e;
  }

  function toWorker(message) {
    navigator.serviceWorker.ready.then(registration => registration.active?.postMessage(message)).catch(() => {});
  }

  async function rememberWhoIsHere() {
    // The phone's copy of the offline page is nobody's (kept without a session): it lists the scores of the phone's
    // last person. The same page from the app, to someone not signed in, lists nothing.
    if (!signedIn && document.querySelector('[data-offline-list][data-kept="true"]')) person = (await store.get('meta', 'owner'))?.person || null;
    if (!signedIn) return;
    const owner = await store.get('meta', 'owner');
    if (owner?.person !== person) {
      await caches.delete('pages'); // someone else's pages never open for this person
      await store.put('meta', { key: 'owner', person });
    }
  }

  // A copy of a form kept on the phone may be opened many times: each opening is a new assessment (its id is set
  // below, as soon as the script runs); the relationship's name is kept for the list of waiting scores.
  async function prepareScoreForm() {
    if (!form || !person) return;
    const relationship = /\/Relationships\/Score\/([0-9a-f-]{36})$/i.exec(location.pathname)?.[1];
    if (relationship) await store.put('labels', { key: store.labelKey(person, relationship), label: form.dataset.offlineLabel });
  }

  function keepForms() {
    if (!person || !navigator.onLine) return;
    const paths = [...new Set([...document.querySelectorAll('a[href^="/Relationships/Score/"]')].map(a => a.getAttribute('href')))];
    if (paths.length) toWorker({ type: 'keep', paths });
  }

  async function showBanner() {
    if (!banner) return;
    const mine = person ? await store.scoresOf(person) : [];
    const waiting = mine.filter(s => s.status === 'waiting');
    const refused = mine.filter(s => s.status === 'refused');
    const arrived = mine.filter(s => s.status === 'arrived');
    const lines = [];
    if (arrived.length) {
      lines.push([`${plural(arrived.length, 'Your waiting score arrived', 'Your # waiting scores arrived')}: ${arrived.map(s => s.label).join('; ')}. ${arrived.length === 1 ? arrived[0].message : ''}`.trim(), null, 'flash']);
      for (const score of arrived) await store.remove('scores', score.id);
    }
    const onOfflinePage = location.pathname === '/Offline';
    if (waiting.length) {
      const they = waiting.length === 1 ? 'it' : 'they';
      lines.push([`${plural(waiting.length, '1 score is', '# scores are')} saved on this phone, waiting to be sent.`
        + (needsSignIn ? ` Your session has ended: sign in again and ${they} will be sent.` : navigator.onLine ? ' Sending…' : ` ${they === 'it' ? 'It' : 'They'} will be sent when you are back online.`),
        needsSignIn ? ['Sign in', '/Account/SignIn'] : onOfflinePage ? null : ['See them', '/Offline']]);
    }
    if (refused.length) {
      lines.push([`${plural(refused.length, '1 score', '# scores')} saved on this phone could not be stored.`, onOfflinePage ? null : ['See why', '/Offline']]);
    }
    if (!person && (await store.all('scores')).some(s => s.status === 'waiting')) {
      lines.push(['Scores saved on this phone are waiting. They will be sent when the person who saved them signs in again.']);
    }
    banner.replaceChildren(...lines.map(([text, link, style]) => {
      const p = element('p', text + (link ? ' ' : ''), { class: style || 'form-alert' });
      if (link) p.append(element('a', link[0], { href: link[1] }));
      return p;
    }));
    banner.hidden = lines.length === 0;
    if (waiting.length && navigator.onLine && !needsSignIn) toWorker({ type: 'send' });
  }

  function describe(score) {
    const values = Object.fromEntries(score.fields);
    const item = element('li', null, { class: 'offline-score' });
    item.append(element('strong', score.label));
    item.append(element('span', ` · meeting of ${values['Input.MeetingDate'] || '?'} · saved ${new Date(score.savedAt).toLocaleString('en-GB')}`));
    item.append(element('p', `Credibility ${values['Input.Credibility'] || '–'}, reliability ${values['Input.Reliability'] || '–'}, intimacy ${values['Input.Intimacy'] || '–'}, self-orientation ${values['Input.SelfOrientation'] || '–'}`));
    if (values['Input.Note']) item.append(element('p', `Note: ${values['Input.Note']}`, { class: 'offline-note' }));
    if (score.status === 'refused') {
      item.append(element('p', score.reason, { class: 'form-alert', role: 'alert' }));
      const actions = element('div', null, { class: 'actions' });
      if (values['Input.Note']) {
        const copy = element('button', 'Copy the note', { type: 'button', class: 'button button-secondary' });
        copy.addEventListener('click', async () => {
          try { await navigator.clipboard.writeText(values['Input.Note']); copy.textContent = 'Note copied'; } catch (refused) { copy.textContent = 'Select the note above to copy it'; }
        });
        actions.append(copy);
      }
      const discard = element('button', 'Discard this score', { type: 'button', class: 'link-button' });
      discard.addEventListener('click', async () => { await store.remove('scores', score.id); await showList(); await showBanner(); });
      actions.append(discard);
      item.append(actions);
    } else {
      item.append(element('p', 'Waiting to be sent.', { class: 'muted' }));
    }
    return item;
  }

  async function showList() {
    const list = document.querySelector('[data-offline-list]');
    if (!list) return;
    document.getElementById('offline-saved').hidden = !new URLSearchParams(location.search).has('saved');
    if (new URLSearchParams(location.search).has('signed-out')) document.getElementById('offline-signed-out').hidden = false;
    if (location.pathname !== '/Offline') document.getElementById('offline-not-kept').hidden = false;
    const mine = person ? (await store.scoresOf(person)).filter(s => s.status !== 'arrived') : [];
    if (!mine.some(s => s.status === 'waiting')) document.getElementById('offline-saved').hidden = true; // sent meanwhile
    if (mine.length === 0) {
      list.replaceChildren(element('p', 'Nothing is waiting on this phone: every score you saved has been sent.'));
      return;
    }
    const items = element('ul', null, { class: 'offline-scores' });
    items.append(...mine.sort((a, b) => a.savedAt - b.savedAt).map(describe));
    list.replaceChildren(items);
  }

  // Signing out forgets what this phone keeps for the person (the app's shell stays), then signs out; scores not
  // yet sent go too, so the person is asked first.
  const signOut = document.querySelector('form.account');
  signOut?.addEventListener('submit', async event => {
    if (!person) return;
    event.preventDefault();
    const unsent = (await store.scoresOf(person).catch(() => [])).filter(s => s.status !== 'arrived').length;
    if (unsent && !confirm(`${plural(unsent, '1 score saved on this phone has', '# scores saved on this phone have')} not been stored yet. `
      + `Signing out removes ${unsent === 1 ? 'it' : 'them'} from this phone. Sign out anyway?`)) return;
    const forget = Promise.all([store.forget(person), caches.delete('pages'), store.remove('meta', 'owner')]);
    await Promise.race([forget, new Promise(resolve => setTimeout(resolve, 3000))]).catch(() => {});
    signOut.submit();
  });

  navigator.serviceWorker.addEventListener('message', event => {
    if (event.data?.type === 'sign-in') needsSignIn = true;
    showBanner().then(showList).catch(() => {});
  });
  addEventListener('online', () => { needsSignIn = false; showBanner().catch(() => {}); });
  addEventListener('offline', () => showBanner().catch(() => {}));

  // The form's new id first, before anyone can tap Save; the rest once the page has loaded, so that installing the
  // worker and its shell never competes with the page itself.
  const form = document.querySelector('form.score-form');
  const formId = form?.querySelector('input[name="AssessmentId"]');
  if (formId && signedIn) formId.value = uuid7();

  // The worker is installed from the pages an advisor scores from (home, relationships, the offline page), in idle
  // time after the load: a manager's dashboard, drawing its charts, is not slowed by it; once installed it serves all.
  const scoresFromHere = /^\/(Relationships\/|Offline$|$)/.test(location.pathname);
  const start = () => {
    if (scoresFromHere) {
      (self.requestIdleCallback || setTimeout)(() => navigator.serviceWorker.register('/sw.js').catch(() => { /* online as before */ }));
    }
    (async () => {
      await rememberWhoIsHere();
      await prepareScoreForm();
      await showList();
      await showBanner();
      keepForms();
    })().catch(() => { /* storage refused (private mode): the app works online as before */ });
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
})();
