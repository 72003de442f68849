import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory } from '../../scripts/static-server.mjs';
import { FIXTURE_ARTICLES, type FixtureArticle } from '../unit/claims-fixture-articles';

/**
 * The claim fixture articles (tests/unit/claims-fixture-articles.ts) as web
 * pages: `<id>.html`, in English, with the publication date in the meta
 * tag news sites use, one <p> per paragraph. Both browsers' suites serve them.
 */
export function claimArticleHtml(article: FixtureArticle): string {
  const paragraphs = article.paragraphs.map((text) => `    <p>${escapeHtml(text)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta property="article:published_time" content="${article.published}T09:00:00Z">
  <title>Fixture article: ${escapeHtml(article.id)}</title>
  <style>body { font: 18px/1.6 Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }</style>
</head>
<body>
  <article>
    <h1>${escapeHtml(article.framing)}</h1>
${paragraphs}
  </article>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serves every fixture article on 127.0.0.1 until `close()`. */
export async function serveClaimArticles(): Promise<{ origin: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'crossread-claims-'));
  for (const article of FIXTURE_ARTICLES) await writeFile(join(dir, `${article.id}.html`), claimArticleHtml(article));
  const server = await serveDirectory(dir);
  return {
    origin: server.origin,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
