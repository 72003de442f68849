import fc from 'fast-check';
import { bundledDataset } from '../../lib/bundled-dataset';

/**
 * Generated DOM trees for the page-side property tests: blocks and inline
 * elements nested at random, text that mixes the bundled dataset's names
 * (split across inline elements, possessive, with odd spaces and soft
 * hyphens) with filler, and every kind of skip zone, built with DOM calls
 * (never parsed markup) as a page's scripts build them.
 */

export type NodeSpec =
  | { type: 'text'; text: string }
  | { type: 'element'; tag: string; children: NodeSpec[] }
  | { type: 'skip'; zone: SkipZone; text: string; children: NodeSpec[] };

export type SkipZone =
  | 'script'
  | 'style'
  | 'noscript'
  | 'textarea'
  | 'input'
  | 'select'
  | 'code'
  | 'pre'
  | 'button'
  | 'svg'
  | 'math'
  | 'contenteditable'
  | 'crossread-ui';

/** What the scanner must never read: the same list, written here from the product's rules, not imported. */
export const SKIP_SELECTOR =
  'script, style, noscript, template, textarea, input, select, option, button, code, pre, kbd, samp, iframe, object, canvas, svg, math, [contenteditable]:not([contenteditable="false"]), crossread-ui';

const BLOCKS = ['div', 'p', 'section', 'li', 'h2', 'blockquote', 'td', 'article'];
const INLINES = ['span', 'a', 'b', 'em', 'strong', 'i', 'small', 'q', 'time'];

const names = [
  ...new Set(
    bundledDataset()
      .entities.filter((entity) => entity.kind !== 'country' || entity.id.endsWith('rwanda'))
      .flatMap((entity) => entity.aliases.map((alias) => alias.text)),
  ),
].filter((name) => name.length < 40);

const FILLER = [
  'talks',
  'with',
  'the',
  'said',
  'on Monday',
  'officials',
  '2025',
  '$100,000',
  'US',
  'us',
  'Peru',
  'Perugia',
];
const GLUE = [' ', ' ', ' ', '\u00a0', '\n', ', ', '. ', '’s ', "'s ", '\u00ad', '—', ''];

/** A run of prose: names and filler joined by spaces, punctuation, possessives and invisible characters. */
export const prose: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.constantFrom(...FILLER)), fc.constantFrom(...GLUE)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((pieces) => pieces.map(([word, glue]) => word + glue).join(''));

/** A name split across inline elements: "Olivier <a>Nduhungirehe</a>", "Rw<b>anda</b>". */
const splitName: fc.Arbitrary<NodeSpec> = fc
  .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom(...INLINES))
  .map(([name, at, tag]) => {
    const cut = 1 + (at % Math.max(1, name.length - 1));
    return {
      type: 'element',
      tag: 'span',
      children: [
        { type: 'text', text: name.slice(0, cut) },
        { type: 'element', tag, children: [{ type: 'text', text: name.slice(cut) }] },
      ],
    };
  });

const skipZone = fc.constantFrom<SkipZone>(
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'code',
  'pre',
  'button',
  'svg',
  'math',
  'contenteditable',
  'crossread-ui',
);

/** A tree of at most `depth` levels. */
export const tree: fc.Arbitrary<NodeSpec[]> = fc.letrec<{ node: NodeSpec; nodes: NodeSpec[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: prose.map((text): NodeSpec => ({ type: 'text', text })), weight: 4 },
    { arbitrary: splitName, weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...BLOCKS, ...INLINES, 'br'), tie('nodes'))
        .map(([tag, children]): NodeSpec => ({ type: 'element', tag, children: tag === 'br' ? [] : children })),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(skipZone, prose, tie('nodes'))
        .map(([zone, text, children]): NodeSpec => ({ type: 'skip', zone, text, children })),
      weight: 1,
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }),
})).nodes;

/** Builds `specs` under `parent`. */
export function build(parent: Node, specs: readonly NodeSpec[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const spec of specs) {
    if (spec.type === 'text') {
      parent.appendChild(doc.createTextNode(spec.text));
    } else if (spec.type === 'element') {
      const element = doc.createElement(spec.tag);
      build(element, spec.children);
      parent.appendChild(element);
    } else {
      parent.appendChild(buildSkipZone(doc, spec));
    }
  }
}

function buildSkipZone(doc: Document, spec: Extract<NodeSpec, { type: 'skip' }>): Element {
  switch (spec.zone) {
    case 'input': {
      const input = doc.createElement('input');
      input.setAttribute('value', spec.text);
      return input;
    }
    case 'textarea':
    case 'script':
    case 'style': {
      // Text only: a script's or style's children are code, a textarea's its value.
      const element = doc.createElement(spec.zone);
      element.textContent = spec.zone === 'textarea' ? spec.text : `/* ${spec.text.replace(/\*\//g, '')} */`;
      return element;
    }
    case 'select': {
      const select = doc.createElement('select');
      const option = doc.createElement('option');
      option.textContent = spec.text;
      select.appendChild(option);
      return select;
    }
    case 'svg':
    case 'math': {
      const namespace = spec.zone === 'svg' ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1998/Math/MathML';
      const root = doc.createElementNS(namespace, spec.zone);
      const text = doc.createElementNS(namespace, spec.zone === 'svg' ? 'text' : 'mi');
      text.textContent = spec.text;
      root.appendChild(text);
      return root;
    }
    case 'contenteditable': {
      const editable = doc.createElement('div');
      editable.setAttribute('contenteditable', 'true');
      editable.appendChild(doc.createTextNode(spec.text));
      build(editable, spec.children);
      return editable;
    }
    default: {
      // code, pre, button, noscript, crossread-ui: prose and markup inside.
      const element = doc.createElement(spec.zone);
      element.appendChild(doc.createTextNode(spec.text));
      build(element, spec.children);
      return element;
    }
  }
}

/** The text nodes under `root`, in document order. */
export function textNodesOf(root: Node): Text[] {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}
