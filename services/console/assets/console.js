// Samenhang console: progressive enhancement only; every page works without it.

(() => {
  const list = document.getElementById('alerts');
  if (list?.dataset.live && window.EventSource) {
    const events = new EventSource(list.dataset.live);
    events.addEventListener('alert', (e) => {
      const msg = JSON.parse(e.data);
      const tpl = document.createElement('template');
      tpl.innerHTML = msg.html;
      const card = tpl.content.firstElementChild;
      const old = list.querySelector(`[data-system="${CSS.escape(msg.systemId)}"]`);
      if (old) old.replaceWith(card);
      else list.prepend(card);
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
