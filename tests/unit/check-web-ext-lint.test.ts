import { describe, expect, it } from 'vitest';
import { explanationFor } from '../../scripts/check-web-ext-lint.mjs';

/**
 * `npm run lint:firefox` (scripts/check-web-ext-lint.mjs) lets a web-ext lint warning pass only when it is
 * one of the explained ones, recognised by the minified code around it. Contexts below are taken from the
 * Firefox build.
 */
const zodProbe =
  'var Ft=bt(()=>{if(I.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;try{return Function(``),!0}catch{return!1}});';
const preactDiffProps =
  'for(u in y)m=y[u],u==`children`?p=m:u==`dangerouslySetInnerHTML`?d=m:u==`value`?h=m:0;d?(s||f&&(d.__html==f.__html||d.__html==e.innerHTML)||(e.innerHTML=d.__html),t.__k=[]):0';

const explained = (code: string, context: string) =>
  explanationFor({ code, message: '', file: 'x.js', line: 1, column: 0 }, () => context)?.why;

describe('the web-ext lint check', () => {
  it('explains zod’s jitless-guarded Function probe and Preact’s dangerouslySetInnerHTML branch', () => {
    expect(explained('DANGEROUS_EVAL', zodProbe)).toMatch(/jitless/);
    expect(explained('UNSAFE_VAR_ASSIGNMENT', preactDiffProps)).toMatch(/Preact/);
  });

  it('does not explain the same warnings anywhere else, or any other warning', () => {
    expect(explained('DANGEROUS_EVAL', 'try{return Function(`return this`)()}catch{}')).toBeUndefined();
    expect(explained('DANGEROUS_EVAL', preactDiffProps)).toBeUndefined();
    expect(explained('UNSAFE_VAR_ASSIGNMENT', 'document.body.innerHTML=location.hash')).toBeUndefined();
    expect(explained('UNSAFE_VAR_ASSIGNMENT', zodProbe)).toBeUndefined();
    expect(explained('MANIFEST_PERMISSIONS', zodProbe + preactDiffProps)).toBeUndefined();
  });
});
