/**
 * A style sheet of Crossread's own, adopted by the document
 * (document.adoptedStyleSheets): it styles the page without a <style>
 * element, so the page's DOM is unchanged, and a constructed sheet is not
 * subject to the page's Content-Security-Policy.
 *
 * Where constructed sheets are missing the sheet does nothing, and the
 * content script's stylesheet (highlights.css) keeps its defaults.
 */
export interface AdoptedSheet {
  /** Replaces the sheet's rules; an empty text takes the sheet out of the document. */
  set(cssText: string): void;
  /**
   * Empties the sheet but leaves it adopted: adopting or dropping a sheet
   * restyles the whole page, while emptying one restyles only what its rules
   * matched (for a sheet toggled often, such as the pointer cursor).
   */
  empty(): void;
  /** Takes the sheet out of the document. */
  remove(): void;
}

export function createAdoptedSheet(doc: Document): AdoptedSheet {
  const view = doc.defaultView;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) {
    return { set() {}, empty() {}, remove() {} };
  }
  // The page's own constructor: in Firefox a sheet made by the content script's would not be the page's to adopt.
  const sheet = new view.CSSStyleSheet();
  let text = '';
  const adopted = () => doc.adoptedStyleSheets.includes(sheet);
  const remove = () => {
    if (adopted()) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((other) => other !== sheet);
  };
  return {
    set(cssText) {
      if (cssText === '') {
        remove();
        return;
      }
      if (cssText !== text) {
        sheet.replaceSync(cssText);
        text = cssText;
      }
      // Checked every time: a page that assigns document.adoptedStyleSheets drops the sheets it did not know of.
      if (!adopted()) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    },
    empty() {
      if (text === '') return;
      sheet.replaceSync('');
      text = '';
    },
    remove,
  };
}
