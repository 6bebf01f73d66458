/**
 * What scripts/pdf.ts needs to build the PDFs from the built pages: the book in reading order and the
 * cases by role (written to dist/pdf/manifest.json).
 */
import type { APIRoute } from 'astro';
import { loadSite, pdfManifest } from '../../lib/site/data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { graph } = await loadSite();
  const manifest = pdfManifest(graph, String(site).replace(/\/$/, ''), new Date().toISOString().slice(0, 10));
  return new Response(JSON.stringify(manifest, null, 1), { headers: { 'content-type': 'application/json' } });
};
