// Samenhang console: progressive enhancement only; every page works without it.

(() => {
  var list = document.getElementById('alerts');
  if (list?.dataset.live && window.EventSource) {
    var events = new EventSource(list.dataset.live);
    events.addEventListener('alert', (e) => {
      var msg = JSON.parse(e.data);
      var tpl = document.createElement('template');
      tpl.innerHTML = msg.html;
      var card = tpl.content.firstElementChild;
      var old = list.querySelector(`[data-system="${CSS.escape(msg.systemId)}"]`);
      if (old) old.replaceWith(card);
      else list.prepend(card);
      var empty = document.getElementById('no-alerts');
      if (empty) empty.remove();
      var status = document.getElementById('live-status');
      if (status) status.textContent = card.querySelector('h2') ? card.querySelector('h2').textContent : '';
    });
  }
  document.querySelectorAll('[data-print]').forEach((b) => {
    b.addEventListener('click', () => {
      window.print();
    });
  });
  var file = document.getElementById('replay-file');
  var text = document.getElementById('replay-json');
  if (file && text) {
    file.addEventListener('change', () => {
      if (file.files?.[0])
        file.files[0].text().then((t) => {
          text.value = t;
        });
    });
  }
})();
