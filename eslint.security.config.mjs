// ESLint runs one thing here: Mozilla's eslint-plugin-no-unsanitized over the extension's source
// (`npm run lint:security`, part of `npm test`). Biome is the project's linter for everything else,
// including `dangerouslySetInnerHTML` (biome.json: security.noDangerouslySetInnerHtml).
//
// Parser: Babel's, with its TypeScript and JSX syntax plugins. typescript-eslint's parser refuses
// TypeScript 7 (it throws "typescript-eslint does not support TS 7.0" when loaded, and its peer range
// stops at 6.0, so `npm ci` would fail); the two rules are syntactic, so no type information is needed.
// See docs/reliability.md.
import babelParser from '@babel/eslint-parser';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

/** @param {string[]} plugins Babel parser plugins: `jsx` only for .tsx, where `<T>value` casts cannot occur. */
const babel = (plugins) => ({
  parser: babelParser,
  parserOptions: {
    requireConfigFile: false,
    babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins } },
  },
});

// The plugin checks document.write()/writeln() only on an object named like `document`; Crossread's
// code passes the document around as `doc`, so every .write()/.writeln() call is checked.
const anyObject = ['.'];

export default [
  { files: ['**/*.ts', '**/*.mts'], languageOptions: babel(['typescript']) },
  { files: ['**/*.tsx'], languageOptions: babel(['typescript', 'jsx']) },
  {
    files: ['**/*.{ts,mts,tsx,js,mjs,jsx}'],
    // No `eslint-disable` comment can switch a rule off: a justified exception is written here, with its reason.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      // innerHTML, outerHTML (property); insertAdjacentHTML, document.write/writeln, createContextualFragment,
      // setHTMLUnsafe, import() (method): only literals, or the plugin's escaping functions, may reach them.
      'no-unsanitized/property': 'error',
      'no-unsanitized/method': [
        'error',
        {},
        {
          write: { objectMatches: anyObject, properties: [0] },
          writeln: { objectMatches: anyObject, properties: [0] },
        },
      ],
    },
  },
];
