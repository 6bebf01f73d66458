/**
 * What the PDF step (integrations/pdf.ts) needs from the content, written at build time to
 * dist/pdf/manifest.json: the book in reading order and the cases by role.
 */
import type { APIRoute } from 'astro';
import { contentPaths } from '../../lib/content/paths.ts';
import { pdfManifest } from '../../lib/pdf/manifest.ts';
import { loadSite } from '../../lib/site/data.ts';
import { editionDate } from '../../lib/site/edition.ts';

export const GET: APIRoute = async ({ site }) => {
  const { graph } = await loadSite();
  const manifest = pdfManifest(graph, site ? String(site).replace(/\/$/, '') : '', editionDate(contentPaths().root));
  return new Response(JSON.stringify(manifest, null, 1), { headers: { 'content-type': 'application/json' } });
};
