// The import's progress page: asks how far the import is every second, and shows the outcome once it is done.
(() => {
  const section = document.querySelector('[data-import-status]');
  if (!section) {
    return;
  }

  const text = section.querySelector('[role=status]');
  const bar = section.querySelector('progress');
  const poll = async () => {
    try {
      const response = await fetch(section.dataset.importStatus, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const state = await response.json();
        if (state.finished) {
          window.location.reload();
          return;
        }

        text.textContent = state.text;
        if (state.percent !== null) {
          bar.value = state.percent;
        }
      }
    } catch {
      // No answer this time (a moment without signal): ask again.
    }

    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
})();
