// The HTML report's one stylesheet: inline, its hash in the page's
// Content-Security-Policy, so no other style (and no style attribute) applies.
// Light and dark schemes follow the reader's system; the colours keep a
// contrast of at least 4.5:1 in both. On a phone the page never scrolls
// sideways: the matrix scrolls inside its own box and long values wrap.
export const STYLE = `
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
`.trim();
