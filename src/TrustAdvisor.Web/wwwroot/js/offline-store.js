// The scores kept on this phone while there is no connection, shared by the pages and the service worker
// (IndexedDB). A score is { id (its assessment id), person, relationship, label, fields, savedAt, status }, where
// status is "waiting", "refused" (with a reason) or "arrived" (with the app's message, until it has been shown).
(() => {
  'use strict';
  const name = 'trustadvisor-offline';

  // One connection for the page (or the worker), opened when first needed.
  let connection = null;
  function open() {
    connection ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('scores', { keyPath: 'id' }).createIndex('person', 'person');
        db.createObjectStore('labels', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => { db.close(); connection = null; }; // a newer release's schema takes over
        resolve(db);
      };
      request.onerror = () => { connection = null; reject(request.error); };
    });
    return connection;
  }

  async function run(storeName, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = work(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  }

  self.OfflineStore = {
    get: (storeName, key) => run(storeName, 'readonly', s => s.get(key)),
    put: (storeName, value) => run(storeName, 'readwrite', s => s.put(value)),
    remove: (storeName, key) => run(storeName, 'readwrite', s => s.delete(key)),
    all: storeName => run(storeName, 'readonly', s => s.getAll()),
    scoresOf: person => run('scores', 'readonly', s => s.index('person').getAll(person)),
    labelKey: (person, relationship) => `${person}:${relationship}`,
    // Everything this phone keeps for one person: their waiting scores and the names of their relationships.
    forget: async person => {
      await run('scores', 'readwrite', s => { s.index('person').openCursor(person).onsuccess = e => { const c = e.target.result; if (c) { c.delete(); c.continue(); } }; });
      await run('labels', 'readwrite', s => s.delete(IDBKeyRange.bound(`${person}:`, `${person}:\uffff`)));
    },
  };
})();
