// Small browser helpers called from Blazor through IJSRuntime (clipboard, downloads).
window.mootadesk = {
  copyText: async function (text) {
    try { await navigator.clipboard.writeText(text); return true; }
    catch {
      // Clipboard API needs a secure context; fall back to a hidden textarea on plain http.
      const ta = document.createElement('textarea');
      ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
      document.body.appendChild(ta); ta.select();
      const ok = document.execCommand('copy');
      document.body.removeChild(ta);
      return ok;
    }
  },
  downloadFromUrl: function (url, fileName) {
    const a = document.createElement('a');
    a.href = url; a.download = fileName || '';
    document.body.appendChild(a); a.click(); a.remove();
  },
  downloadBytes: function (fileName, contentType, base64) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    this.downloadFromUrl(url, fileName);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
};

// Links and buttons that only reload or print say so with data-md-action: the Content-Security-Policy allows no inline
// handlers, and these must work even when the circuit is gone (the reconnect notice).
document.addEventListener('click', function (e) {
  const el = e.target.closest && e.target.closest('[data-md-action]');
  if (!el) return;
  const action = el.getAttribute('data-md-action');
  if (action === 'reload') { e.preventDefault(); location.reload(); }
  else if (action === 'print') { e.preventDefault(); window.print(); }
});
