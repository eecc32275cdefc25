// Samenhang console: progressive enhancement only; every page works without it.

(() => {
  const list = document.getElementById('alerts');
  if (list?.dataset.live && window.EventSource) {
    const events = new EventSource(list.dataset.live);
    // Whether this page is still live, said at once and in words (the texts come with the page).
    const state = document.getElementById('live-state');
    const say = (which) => {
      if (!state) return;
      state.dataset.state = which;
      state.textContent = state.dataset[which] ?? '';
      if (which === 'ended') {
        const link = document.createElement('a');
        link.href = '/login';
        link.textContent = ' → /login';
        state.append(link);
      }
    };
    events.addEventListener('open', () => say('on'));
    events.addEventListener('error', () => {
      if (state?.dataset.state !== 'ended') say('lost');
    });
    events.addEventListener('ended', () => {
      events.close();
      say('ended');
    });
    events.addEventListener('alert', (e) => {
      const msg = JSON.parse(e.data);
      const tpl = document.createElement('template');
      tpl.innerHTML = msg.html;
      const card = tpl.content.firstElementChild;
      // A family that changed comes to the top: what just happened is what to look at first.
      list.querySelector(`[data-system="${CSS.escape(msg.systemId)}"]`)?.remove();
      list.prepend(card);
      const empty = document.getElementById('no-alerts');
      if (empty) empty.remove();
      const status = document.getElementById('live-status');
      if (status) status.textContent = card.querySelector('h2') ? card.querySelector('h2').textContent : '';
    });
  }
  document.querySelectorAll('[data-print]').forEach((b) => {
    b.addEventListener('click', () => {
      window.print();
    });
  });
  const file = document.getElementById('replay-file');
  const text = document.getElementById('replay-json');
  if (file && text) {
    file.addEventListener('change', () => {
      if (file.files?.[0])
        file.files[0].text().then((t) => {
          text.value = t;
        });
    });
  }
})();
