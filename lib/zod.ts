import { z } from 'zod';

// Extension pages forbid eval by CSP. Zod compiles fast object parsers with
// `new Function` unless told not to; jitless mode never tries, so no CSP
// violation is ever logged in a page or extension console.
z.config({ jitless: true });

export { z };
