// `npm start`: serves the demo articles on 127.0.0.1 and opens Chromium with
// the extension loaded on one of them, through WXT's dev runner.
import { fileURLToPath } from 'node:url';
import { createServer } from 'wxt';
import { serveDirectory } from './static-server.mjs';

const demoDir = fileURLToPath(new URL('../tests/fixtures/demo/', import.meta.url));
const demo = await serveDirectory(demoDir, Number(process.env.CROSSREAD_DEMO_PORT ?? 0));
process.env.CROSSREAD_START_URL = `${demo.origin}/us-rwanda-talks.html`;
console.log(`Demo articles: ${demo.origin}/`);

const wxt = await createServer();
await wxt.start();
