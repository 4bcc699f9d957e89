import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
var p=/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]/g;function u(t){return t.replace(p,n=>n===`
`?"\\n":n==="\r"?"\\r":n==="	"?"\\t":`\\u{${n.codePointAt(0).toString(16).padStart(4,"0")}}`)}function f(t,n){if(t.length<=n)return t;let r=` \u2026[${t.length-n} more characters cut]`;return t.slice(0,Math.max(0,n-r.length))+r}function a(t,n=300){return f(u(t),n)}function g(t){return t.replace(/[&<>"'|`\\*_~[\]@#:!.]/g,n=>`&#${n.charCodeAt(0)};`)}function $(t,n=300){return`<code>${g(a(t,n))}</code>`}function m(t){return g(t).replace(/(&#47;|\/)/g,"$1<wbr>").replace(/([a-z])(?=[A-Z])/g,"$1<wbr>")}function d(t,n=8e3){return`<pre>${f(t,n).split(`
`).map(o=>g(u(o))).join("&#10;")}</pre>`}function h(t,n=300){let r=a(t,n).replace(/\|/g,"\u2223"),o=Math.max(0,...(r.match(/`+/g)??[]).map(s=>s.length)),e="`".repeat(o+1),i=r.startsWith("`")||r.endsWith("`")||r===""?" ":"";return`${e}${i}${r}${i}${e}`}function x(t,n=8e3,r=""){let e=f(t,n).split(`
`).map(c=>u(c)).join(`
`),i=Math.max(2,...(e.match(/`+/g)??[]).map(c=>c.length)),s="`".repeat(i+1);return`${s}${r}
${e}
${s}`}function l(t){return t.replace(/##\[/g,"#\\#[")}function b(t){let n=l(u(t));return/^\s*::/.test(n)?`| ${n}`:n}function S(t){return JSON.stringify(t,null,2).replace(/[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g,n=>`\\u${n.charCodeAt(0).toString(16).padStart(4,"0")}`)+`
`}function A(t,n){let r=u(t);return r.length<=n?r:r.slice(0,n-1)+"\u2026"}export{f as a,a as b,g as c,$ as d,m as e,d as f,h as g,x as h,l as i,b as j,S as k,A as l};
