// The HTML report's only script: the filters (verdict, provider, client) and
// opening the endpoint a matrix cell links to. Inline, its hash in the page's
// Content-Security-Policy, so no other script can run. It reads data-*
// attributes and sets `hidden` and classes; it never writes markup, so no
// server text it compares can become any. Without it (JS off) the filters stay
// hidden and everything else is there.
export const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  if (!form) return;
  const eps = [...document.querySelectorAll('details.ep')];
  const rows = [...document.querySelectorAll('tr[data-p]')];
  const cols = [...document.querySelectorAll('[data-col]')];
  const shown = document.getElementById('shown');
  const fits = (el, v, p, c) =>
    (!v || el.dataset.v === v) && (!p || el.dataset.p === p) && (!c || (el.dataset.c ?? el.dataset.col) === c);
  const apply = () => {
    const v = form.elements.v.value;
    const p = form.elements.p.value;
    const c = form.elements.c.value;
    let n = 0;
    for (const e of eps) {
      e.hidden = !fits(e, v, p, c);
      if (!e.hidden) n++;
    }
    for (const x of cols) x.hidden = Boolean(c) && x.dataset.col !== c;
    for (const r of rows) {
      let any = false;
      for (const td of r.querySelectorAll('td[data-v]')) {
        const ok = fits(td, v, '', c);
        td.classList.toggle('dim', !ok);
        any ||= ok;
      }
      r.hidden = !any || !fits(r, '', p, '');
    }
    shown.textContent = n + ' of ' + eps.length + ' endpoints shown';
  };
  const open = () => {
    const t = document.getElementById(location.hash.slice(1));
    if (t && t.tagName === 'DETAILS') t.open = true;
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => e.preventDefault());
  addEventListener('hashchange', open);
  form.hidden = false;
  apply();
  open();
})();
`.trim();
