// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/matcher';
import { scanForMentions } from '../../page/scanner';
import { TEST_ENTITIES } from './matcher-fixture';

const matcher = compileMatcher(TEST_ENTITIES);

async function mentionsIn(html: string, sliceMs?: number) {
  document.body.innerHTML = html;
  const found = await scanForMentions(document.body, matcher, sliceMs === undefined ? {} : { sliceMs });
  return found.map((mention) => ({
    entityId: mention.entityId,
    text: mention.parts.map((part) => part.node.data.slice(part.start, part.end)).join('|'),
    block: mention.block.id,
  }));
}

describe('scanForMentions', () => {
  it('reads a name split by inline markup as one mention, in the block that holds it', async () => {
    expect(await mentionsIn('<p id="a">Peace talks in <a href="#">South</a> <b>Sudan</b> resumed.</p>')).toEqual([
      { entityId: 'country:south-sudan', text: 'South| |Sudan', block: 'a' },
    ]);
  });

  it('never joins the text of two blocks into one name, however many blocks are matched together', async () => {
    const many = Array.from({ length: 50 }, (_, index) => `<p id="p${index}">United</p><p id="q${index}">States</p>`);
    const found = await mentionsIn(`<div>${many.join('')}</div><p id="last">Peru</p>`);
    expect(found).toEqual([{ entityId: 'country:peru', text: 'Peru', block: 'last' }]);
  });

  it('gives every mention its own block when a batch holds several', async () => {
    const found = await mentionsIn('<p id="one">Peru and Rwanda</p><div id="two">Tbilisi</div><p id="three">Peru</p>');
    expect(found.map((mention) => [mention.entityId, mention.block])).toEqual([
      ['country:peru', 'one'],
      ['country:rwanda', 'one'],
      ['country:georgia', 'two'],
      ['country:peru', 'three'],
    ]);
  });

  it('reads a line break as a space between words, and skips code, form fields and editable text', async () => {
    const found = await mentionsIn(
      '<p id="a">United<br>States</p><p id="b">Peru <code>Rwanda</code><textarea>Rwanda</textarea>' +
        '<span contenteditable="true">Rwanda</span><svg><text>Rwanda</text></svg></p>',
    );
    expect(found).toEqual([
      { entityId: 'country:united-states', text: 'United|States', block: 'a' },
      { entityId: 'country:peru', text: 'Peru', block: 'b' },
    ]);
  });

  it('reads a name whole when the scan pauses in the middle of its block', async () => {
    // sliceMs 0: the scan gives the main thread back at every clock check,
    // before its 64th text node. Here that node is "Sudan": "Peru" is node 1,
    // the 30 fillers are nodes 2-61 (a word and a space each), "South" 62, " " 63.
    const filler = Array.from({ length: 30 }, (_, index) => `<i>w${index}</i> `).join('');
    const found = await mentionsIn(
      `<p id="first">Peru</p><p id="long">${filler}<b>South</b> <b>Sudan</b> talks</p>`,
      0,
    );
    expect(found).toEqual([
      { entityId: 'country:peru', text: 'Peru', block: 'first' },
      { entityId: 'country:south-sudan', text: 'South| |Sudan', block: 'long' },
    ]);
  });

  it('skips the whole of an editable region, contenteditable="false" islands included, and nested vector art', async () => {
    const found = await mentionsIn(
      '<div contenteditable="true"><p>Rwanda</p><p id="inner" contenteditable="false">Peru</p></div>' +
        '<p id="after">Rwanda <svg><g><text>Peru</text></g></svg></p>',
    );
    expect(found).toEqual([{ entityId: 'country:rwanda', text: 'Rwanda', block: 'after' }]);
  });
});
