// The app's keyboard shortcuts (Web/Platform/Layout/KeyboardShortcuts.cs lists them; "?" shows them). Keys are read here and
// handed to the layout's .NET listener, which decides where they lead by the person's roles. Nothing fires while the person
// types in a field, holds Ctrl/Alt/Meta, or has a dialog open; "/" only moves the focus to the app search.
window.mootadeskShortcuts = (function () {
  let listener = null, sequences = [], pending = null, timer = null;

  function typing(el) {
    if (!el || !el.tagName) return false;
    const tag = el.tagName;
    return el.isContentEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
  }

  function send(keys) {
    if (listener) listener.invokeMethodAsync('OnShortcut', keys).catch(function () { /* the circuit is gone; the page says so */ });
  }

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e.target) || typing(document.activeElement)) return;
    if (document.querySelector('.mud-dialog-container')) return;
    const key = e.key;
    if (pending) {
      const keys = pending + ' ' + key.toLowerCase();
      pending = null;
      clearTimeout(timer);
      if (sequences.indexOf(keys) >= 0) { e.preventDefault(); send(keys); }
      return;
    }
    if (key === '?') { e.preventDefault(); send('?'); return; }
    if (key === '/') {
      const box = document.querySelector('[data-testid=app-search] input');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
      return;
    }
    if (listener && (key === 'g' || key === 'G')) {
      pending = 'g';
      timer = setTimeout(function () { pending = null; }, 1500);
    }
  });

  return {
    attach: function (ref, keys) {
      listener = ref; sequences = keys || [];
      // Tells browser tests (and people debugging) that the keys are live.
      document.documentElement.setAttribute('data-shortcuts', 'ready');
    },
    detach: function (ref) { if (listener === ref) listener = null; }
  };
})();
