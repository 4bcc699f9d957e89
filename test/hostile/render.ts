// Renders Markdown as GitHub would (raw HTML allowed, bare URLs linked) and
// inspects the result: which elements and attributes exist, and where a given
// piece of text ended up.
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';

const md = new MarkdownIt({ html: true, linkify: true });

export function renderMarkdown(text: string): string {
  return md.render(text);
}

interface PNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  data?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: PNode[];
  content?: PNode;
}

/** The elements cors-gate's own templates produce; anything else came from elsewhere. */
export const OWN_TAGS = new Set([
  'h2',
  'h3',
  'h4',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'br',
  'details',
  'summary',
  'ul',
  'ol',
  'li',
  'b',
  'strong',
  'em',
  'blockquote',
  'hr',
  // Break opportunities cors-gate puts in long URLs and codes, inside code too.
  'wbr',
]);

export interface Inspection {
  html: string;
  /** Tags outside OWN_TAGS. */
  foreignTags: string[];
  /** Attributes on any element, as tag[name=value]. */
  attributes: string[];
  /** Text outside code and pre. */
  plainText: string;
  /** Text inside code and pre. */
  codeText: string;
  comments: string[];
  /** Elements found inside code or pre: a sign that quoted text was parsed as Markdown or HTML. */
  nestedInCode: string[];
  /** Element counts by tag. */
  count: Record<string, number>;
  root: PNode;
}

export function inspect(markdown: string): Inspection {
  const html = renderMarkdown(markdown);
  const root = parseFragment(html) as unknown as PNode;
  const out: Inspection = {
    html,
    foreignTags: [],
    attributes: [],
    plainText: '',
    codeText: '',
    comments: [],
    nestedInCode: [],
    count: {},
    root,
  };
  const walk = (n: PNode, inCode: boolean, parent?: string) => {
    if (n.nodeName === '#text') {
      if (inCode) out.codeText += n.value + '\n';
      else out.plainText += n.value + '\n';
      return;
    }
    if (n.nodeName === '#comment') {
      out.comments.push(n.data ?? '');
      return;
    }
    const tag = n.tagName;
    if (tag) {
      out.count[tag] = (out.count[tag] ?? 0) + 1;
      if (!OWN_TAGS.has(tag)) out.foreignTags.push(tag);
      // A fenced block is <pre><code>: that nesting is Markdown's own.
      if (inCode && !(tag === 'code' && parent === 'pre') && tag !== 'wbr') out.nestedInCode.push(tag);
      for (const a of n.attrs ?? []) out.attributes.push(`${tag}[${a.name}=${a.value}]`);
    }
    const code = inCode || tag === 'code' || tag === 'pre';
    for (const c of n.childNodes ?? []) walk(c, code, tag);
    if (n.content) walk(n.content, code, tag);
  };
  walk(root, false);
  return out;
}

/** Element children of a node, by tag. */
export function children(n: PNode, tag?: string): PNode[] {
  return (n.childNodes ?? []).filter((c) => c.tagName && (!tag || c.tagName === tag));
}

export function findAll(n: PNode, tag: string): PNode[] {
  const out: PNode[] = [];
  const walk = (x: PNode) => {
    if (x.tagName === tag) out.push(x);
    for (const c of x.childNodes ?? []) walk(c);
  };
  walk(n);
  return out;
}

/** Control, direction and invisible characters that must never reach a page or a log raw. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;
