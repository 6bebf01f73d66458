/**
 * What the PDF step (integrations/pdf.ts) needs from the content, written at build time to
 * dist/pdf/manifest.json: the book in reading order, the cases by role and the phrase book's groups.
 */
import type { APIRoute } from 'astro';
import { contentPaths } from '../../lib/content/paths.ts';
import { pdfManifest } from '../../lib/pdf/manifest.ts';
import { loadSite } from '../../lib/site/data.ts';
import { editionDate } from '../../lib/site/edition.ts';

export const GET: APIRoute = async ({ site: address }) => {
  const manifest = pdfManifest(await loadSite(), address ? String(address).replace(/\/$/, '') : '', editionDate(contentPaths().root));
  return new Response(JSON.stringify(manifest, null, 1), { headers: { 'content-type': 'application/json' } });
};
