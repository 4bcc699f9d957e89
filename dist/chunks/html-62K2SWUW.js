import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as O,b as B,e as y,f as D}from"./chunk-NRRH4CSS.js";import{a as L}from"./chunk-MMF3LTHC.js";import{f as z,g as A,j as w,k as I,l as N,m as H,n as T,o as v,p as q}from"./chunk-NXWBHERZ.js";import{a as j,b as E,c as C,e as u}from"./chunk-UD7BYCGD.js";import"./chunk-EEEC4TXW.js";import{createHash as V}from"node:crypto";var x=`
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
`.trim();var k=`
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0550ae;
--pass-bg:#dafbe1;--pass:#116329;--warn-bg:#fff8c5;--warn:#6b4400;--fail-bg:#ffebe9;--fail:#a40e26;
--error-bg:#eaeef2;--error:#393f46}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9ea7b3;--line:#3d444d;--soft:#151b23;
--link:#71b7ff;--pass-bg:#0f2a1a;--pass:#5fd873;--warn-bg:#2e2510;--warn:#e3b341;--fail-bg:#3a161b;--fail:#ff9492;
--error-bg:#212830;--error:#d1d7e0}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:82rem;padding:1rem;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
h1{font-size:1.45rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
h3{font-size:.95rem;margin:.9rem 0 .25rem}
p{margin:.4rem 0}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;background:var(--soft);border:1px solid var(--line);border-radius:6px;
padding:.5rem .75rem;margin:.25rem 0}
small,.muted{color:var(--muted)}
ul{margin:.25rem 0;padding-left:1.25rem}
.v{display:inline-block;white-space:nowrap;border-radius:1em;padding:0 .55em;font-weight:600;line-height:1.6}
.v-pass{background:var(--pass-bg);color:var(--pass)}
.v-warn{background:var(--warn-bg);color:var(--warn)}
.v-fail{background:var(--fail-bg);color:var(--fail)}
.v-error{background:var(--error-bg);color:var(--error)}
.counts{display:flex;flex-wrap:wrap;gap:.35rem .5rem;align-items:center}
.tag{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 .35em;font-size:.8rem;
color:var(--muted);font-weight:400}
.scroll{position:relative;overflow-x:auto;border:1px solid var(--line);border-radius:6px;max-width:100%}
table{border-collapse:separate;border-spacing:0;width:100%;overflow-wrap:normal}
th,td{border-bottom:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
tr:last-child>*{border-bottom:0}
thead th{background:var(--soft);font-size:.85rem;white-space:nowrap}
tbody th{position:sticky;left:0;z-index:1;background:var(--bg);font-weight:600;min-width:9rem;max-width:20rem;
overflow-wrap:break-word}
td{min-width:6rem}
td a{text-decoration:none}
td small{display:block;font-size:.78rem}
td small.since{white-space:nowrap}
td.dim{opacity:.3}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:.5rem 0 .75rem}
label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
select,button{font:inherit;font-size:.9rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);
border-radius:6px;padding:.25rem .5rem;min-height:2.25rem;max-width:100%}
output{color:var(--muted);font-size:.85rem;align-self:center}
details.ep{border:1px solid var(--line);border-radius:6px;margin:.4rem 0}
details.ep>summary{cursor:pointer;padding:.45rem .75rem;display:flex;flex-wrap:wrap;gap:.25rem .6rem;
align-items:baseline;list-style:none}
details.ep>summary::-webkit-details-marker{display:none}
details.ep>summary::before{content:"\\25B8";color:var(--muted)}
details.ep[open]>summary::before{content:"\\25BE"}
details.ep>summary .name{font-weight:600}
details.ep>div{padding:.25rem .75rem .75rem;border-top:1px solid var(--line)}
.runs{letter-spacing:.05em}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap;border:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:.25rem 0}
dt{margin:0}
dd{margin:0}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){body{padding:.6rem;font-size:14px}tbody th{min-width:8.5rem;overflow-wrap:anywhere}dl{grid-template-columns:1fr}dd{margin-bottom:.35rem}}
`.trim();var M=e=>`'sha256-${V("sha256").update(e,"utf8").digest("base64")}'`,F=["default-src 'none'",`script-src ${M(x)}`,`style-src ${M(k)}`,"base-uri 'none'","form-action 'none'"].join("; "),P=["pass","warn","fail","error"],G={pass:"a browser allows the call",warn:"current Chromium allows it, but the standard or another engine does not, or it is fragile",fail:"a browser blocks it; the findings say why, in the words of the browser console",error:"no usable answer: DNS, refused, TLS, timeout, reset, or still 502/503/504/429 after the retries"},U={p:"pass",w:"warn",f:"fail",F:"flaky fail",e:"error","-":"not checked"},t=(e,n=300)=>u(C(p(e),n)),W=e=>t(e,80).replace(/([a-z])(?=[A-Z])/g,"$1<wbr>"),$=(e,n)=>E(e,n).split(`
`).map(a=>u(j(a))).join(`
`);function p(e){return typeof e=="string"?e:e==null?"":JSON.stringify(e)}function b(e){return`<span class="v v-${e}"><span aria-hidden="true">${A[e]}</span> ${e}</span>`}var S=e=>p(e.group)||O(e),R=e=>p(e.client)||"fetch";function Y(e){let n=(r,i,m)=>`<label for="f-${r}">${i}<select id="f-${r}" name="${r}"><option value="">all</option>${m.map(s=>`<option value="${t(s,200)}">${t(s,80)}</option>`).join("")}</select></label>`,a=P.filter(r=>e.some(i=>i.verdict===r));return['<form id="filters" role="search" aria-label="Filter the endpoints" hidden>',n("v","Verdict",a),n("p","Provider",[...new Set(e.map(S))]),n("c","Client",[...new Set(e.map(R))]),'<button type="reset">Show all</button><output id="shown" aria-live="polite"></output>',"</form>"].join("")}function _(e,n,a){let r=B(e,1);if(!r)return"";let i=new Set(e.map(s=>p(s.origin))),m=r.rows.map(s=>{let c=[...s.cells.values()][0],l=[c.browser&&c.browser!=="chromium"?`<span class="tag">${t(c.browser,40)}</span>`:"",i.size>1?`<span class="tag">${t(c.origin,120)}</span>`:""].join(" "),g=r.clients.map(f=>{let o=s.cells.get(f);if(!o)return`<td data-col="${t(f,200)}"><span class="sr">not checked</span></td>`;let d=w(o)?.code,h=a?v(a,o):null;return`<td data-col="${t(f,200)}" data-v="${o.verdict}"><a href="#e${n.get(o)}">${b(o.verdict)}</a>${o.expect==="fail"&&o.verdict==="fail"?"<small>expected</small>":""}${d?`<small>${W(d)}</small>`:""}${h?`<small class="since">${t(h)}</small>`:""}</td>`});return`<tr data-p="${t(S(c),200)}"><th scope="row">${t(s.label,200)}${l.trim()?` ${l.trim()}`:""}</th>${g.join("")}</tr>`});return['<h2 id="matrix-h">By provider and client</h2>','<div class="scroll" role="region" aria-labelledby="matrix-h" tabindex="0"><table>',`<thead><tr><th scope="col">Endpoint</th>${r.clients.map(s=>`<th scope="col" data-col="${t(s,200)}">${t(s,80)}</th>`).join("")}</tr></thead>`,`<tbody>${m.join(`
`)}</tbody>`,"</table></div>"].join(`
`)}function J(e){let n=r=>r?`${p(r.request?.method)} ${r.status??r.error?.code??"?"}${N(r)}`:null;return[n(e.preflight)??(e.preflightNeeded?null:"no preflight"),n(e.actual)].filter(Boolean).join(" \u2192 ")}function Z(e,n){let a=[...(e.endpoints[n.id]?.states??"").slice(-10)];if(a.length===0)return"";let r=a.map(i=>U[i]??i).join(", ");return`<span class="runs"><span aria-hidden="true">${z(e,n.id)}</span><span class="sr">last runs, oldest first: ${u(r)}</span></span>`}function K(e,n,a){let r=w(e)?.code,i=a?v(a,e):null,m=[b(e.verdict),`<span class="name">${t(e.name,200)}</span>`,r?`<code>${t(r,80)}</code>`:"",e.expect==="fail"&&e.verdict==="fail"?"<small>expected</small>":"",a?Z(a,e):"",i?`<small>${t(i)}</small>`:""].filter(Boolean),s=[],c=[["Request",`<code>${t(`${p(e.method)} ${p(e.url)}`,600)}</code>`],["Origin",`<code>${t(e.origin,200)}</code>`],["Client",`${t(R(e),80)} in ${t(e.browser||"chromium",40)}, credentials ${t(e.credentials,20)}`],["Status",t(J(e),200)+(e.probes&&e.probes.length>1?` (${t(H(e))})`:"")]],l=e.preflight??e.actual;if(l&&!l.error){let o=I(l);c.push([e.preflight?"CORS headers (preflight)":"CORS headers",o.length?o.map(([d,h])=>`<code>${t(`${d}: ${h}`,400)}</code>`).join("<br>"):"none"])}s.push(`<dl>${c.map(([o,d])=>`<dt>${o}</dt><dd>${d}</dd>`).join("")}</dl>`);let g=e.findings.filter(o=>!(o.level==="info"&&o.code==="MaxAge"));g.length&&s.push("<h3>Findings</h3><ul>",...g.map(o=>`<li><b>${t(o.code,80)}</b> <small>(${t(o.level,20)}${o.on?`, ${t(o.on,20)}`:""})</small>: <code>${t(o.message,800)}</code></li>`),"</ul>");let f=T(e);return f&&s.push("<h3>The response needs</h3>",`<pre>${$(f,2e3)}</pre>`),e.preflight&&s.push("<h3>Preflight</h3>",`<pre>${$(y(e.preflight),6e3)}</pre>`),e.actual&&s.push("<h3>Actual request</h3>",`<pre>${$(y(e.actual),6e3)}</pre>`),l&&s.push("<h3>Reproduce</h3>",`<pre>${$(q(p(l.request?.method),p(e.url),l.request?.headers??[]),4e3)}</pre>`),`<details class="ep" id="e${n}" data-v="${e.verdict}" data-p="${t(S(e),200)}" data-c="${t(R(e),200)}"><summary>${m.join(" ")}</summary><div>
${s.join(`
`)}
</div></details>`}function ce(e){let{records:n,decision:a,history:r}=e,i=a.counts,m=`cors-gate: ${D(a)}${e.shard?` (shard ${e.shard.index}/${e.shard.count})`:""}`,s=new Map(n.map((d,h)=>[d,h])),c=[`${b("pass")} ${i.passed}`,`${b("warn")} ${i.warned}`,`${b("fail")} ${i.failed}`,`${b("error")} ${i.errored}`],l=`gate ${a.ok?"passed":"failed"} (fail-on: ${a.failOn.length?a.failOn.join(", "):"never"})`,g=/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(e.generatedAt)?`${e.generatedAt.slice(0,10)} ${e.generatedAt.slice(11,16)} UTC`:e.generatedAt,f=r?.runs.length?`Checked ${t(g,40)}; the history holds the last ${r.runs.length} run${r.runs.length===1?"":"s"}.`:`Checked ${t(g,40)}.`,o=a.nowPassing.map(d=>`<p>${t(d.name,200)} now passes: drop <code>expect: fail</code> from its config.</p>`);return`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${F}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${u(m)}</title>
<style>${k}</style>
</head>
<body>
<header>
<h1>${u(m)}</h1>
<p class="counts">${c.join(" ")} <span>${u(l)}</span></p>
<p class="muted">${f} Each row is a page on its origin calling the endpoint with <code>fetch()</code> or a client library, decided as the Fetch standard and Chromium decide.</p>
${o.join(`
`)}
</header>
<main>
${Y(n)}
${_(n,s,r)}
<h2>Endpoints</h2>
${n.map((d,h)=>K(d,h,r)).join(`
`)}
</main>
<footer>
<h2>What the verdicts mean</h2>
<dl>${P.map(d=>`<dt>${b(d)}</dt><dd>${G[d]}</dd>`).join("")}</dl>
<p>Made by cors-gate ${u(L)}. Server text is shown as received, escaped; invisible and control characters as <code>\\u{\u2026}</code>.</p>
</footer>
<script>${x}</script>
</body>
</html>
`}export{F as CSP,ce as renderHtml};
