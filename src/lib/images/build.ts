/**
 * The pictures of a built site (dist/), drawn after the pages are final:
 * - every page whose og:image points into /og/ gets that share image (1200×630), drawn from its own
 *   og:title and og:description;
 * - every flowchart (figure[data-diagram]) gets its standalone SVG (查看大图) and a picture to keep
 *   (保存图片) with the short address of its page and nearest heading (no browser: diagram-flatten.ts);
 * - every phrase card ([data-phrase-card]) gets its picture to keep, with the card's short address.
 * satori + resvg draw on worker threads, started with the first picture the cache lacks, while the
 * pages are still being read. A picture whose input is unchanged comes from the cache. Any failure
 * throws: the build never ends with a page pointing at a picture that is not there.
 */
import { availableParallelism } from 'node:os';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { htmlFiles } from '../build/dist-files.ts';
import { SITE_NAME } from '../site/meta.ts';
import { diagramUrl, ogImageUrl, phraseCardImageUrl, phraseCardUrl } from '../site/urls.ts';
import { hash, ImageCache, CACHE_DIR } from './cache.ts';
import { pagePath, type DiagramFound, type PhraseCard } from './extract.ts';
import { PageMemo } from './page-memo.ts';
import { describeChars, fontVersion } from './fonts.ts';
import { cardPicture, diagramPicture, ogPicture, type Picture } from './layouts.ts';
import { DrawPool } from './pool.ts';
import { palette, pictureDiagramCss, standaloneDiagramCss, STYLESHEET } from './theme.ts';

export interface ImageBuildOptions {
  dist: string;
  /** The project root (node_modules, the stylesheet). */
  root: string;
  /** The public address (SITE_URL); without it the pictures print "预览版" and the path. */
  site: string | undefined;
  /** Read every page and draw every picture again. */
  force?: boolean;
  /** Where drawn pictures are kept between builds (default: CACHE_DIR in the project). */
  cacheDir?: string;
}

export interface ImageBuildResult {
  shareImages: number;
  diagrams: number;
  cards: number;
  /** Pictures drawn now (the others came from the cache). */
  drawn: number;
  /** Bytes written into dist/ (pictures and standalone SVGs). */
  bytes: number;
  /** Characters drawn as boxes, by picture (only for pictures drawn now). */
  warnings: string[];
  /** How the time went: the drawing threads, and seconds from the start until their pictures were done (they start while the pages are read). */
  timing: { threads: number; drawing: number };
}

/** The address printed on a picture: "example.com/book/2/17/#three-f" (no scheme: shorter to read and type). */
export function printedUrl(site: string | undefined, path: string): string {
  if (!site) return `预览版 ${path}`;
  const url = new URL(path, site);
  return `${url.host}${url.pathname}${url.hash}`;
}

interface Drawing {
  /** The file under dist/ ("/og/book-2-17.png"). */
  out: string;
  /** What it shows, for messages ("/book/2/17/ share image"). */
  what: string;
  picture: Picture;
  key: string;
}

const packageVersion = (root: string, name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export async function buildImages(options: ImageBuildOptions): Promise<ImageBuildResult> {
  const started = performance.now();
  const { dist, root, site } = options;
  const css = readFileSync(join(root, STYLESHEET), 'utf8');
  const colors = palette(css);
  const styles = { standalone: standaloneDiagramCss(css), picture: pictureDiagramCss(css) };
  const source = (file: string) => readFileSync(join(root, 'src/lib/images', file));
  // What turns a picture's input into pixels, besides the input itself.
  const drawTools = hash('satori', packageVersion(root, 'satori'), packageVersion(root, '@resvg/resvg-js'), fontVersion(root), source('render.ts'), source('png.ts'), source('fonts.ts'));
  const cacheDir = options.cacheDir ?? join(root, CACHE_DIR);
  const cache = new ImageCache(cacheDir, options.force ?? false);
  const seconds = () => (performance.now() - started) / 1000;

  // Pictures are drawn while the pages are still being read, on threads started at the first picture the cache lacks.
  const placed: { key: string; out: string }[] = [];
  const drawing: Promise<void>[] = [];
  const warnings: string[] = [];
  let pool: DrawPool | undefined;
  let missing = 0;
  let drawn = 0;
  let shareImages = 0;
  /** Places a picture, drawing it unless the cache has it; whether it is drawn now. */
  const draw = (d: Drawing): boolean => {
    placed.push(d);
    if (cache.has(d.key)) return false;
    // A thread takes about half a second of CPU to load its fonts: one for every 16 pictures, at most one a core.
    pool ??= new DrawPool(root);
    if (pool.threads < availableParallelism() && missing++ % 16 === 0) pool.addThread();
    const done = pool.draw(d.picture).then(
      ({ png, uncovered }) => {
        if (uncovered.length) warnings.push(`${d.what}: no glyph in Noto Sans SC for ${describeChars(uncovered)}; it shows as a box in ${d.out}. fix: use another character in that text`);
        cache.put(d.key, png);
        drawn++;
      },
      (error: Error) => {
        throw new Error(`${d.what}: drawing ${d.out} failed: ${error.message}`);
      },
    );
    // A failure is thrown once the pages are read (below), not as an unhandled rejection now.
    done.catch(() => undefined);
    drawing.push(done);
    return true;
  };
  let svgBytes = 0;
  const standalone: { diagram: DiagramFound; page: string }[] = [];
  const drawDiagram = (diagram: DiagramFound, page: string, title: string) => {
    const svgOut = join(dist, diagramUrl(diagram.key, 'svg'));
    mkdirSync(dirname(svgOut), { recursive: true });
    writeFileSync(svgOut, diagram.svg);
    svgBytes += Buffer.byteLength(diagram.svg);
    const url = printedUrl(site, diagram.anchor ? `${page}#${diagram.anchor}` : page);
    const picture = diagramPicture({ flat: diagram.flat, svgWidth: diagram.width, title, url, siteName: SITE_NAME, colors });
    if (draw({ out: diagramUrl(diagram.key, 'png'), what: `diagram ${diagram.key} (${page})`, picture, key: hash(drawTools, JSON.stringify(picture)) })) standalone.push({ diagram, page });
  };

  // What the pages ask for.
  const memo = new PageMemo(join(cacheDir, 'pages.json'), hash(source('extract.ts'), source('standalone-svg.ts'), source('diagram-flatten.ts'), packageVersion(root, 'hast-util-to-html')), styles, options.force);
  const diagrams = new Set<string>();
  const cards = new Map<string, { card: PhraseCard; page: string }>();
  const drawCard = ({ card, page }: { card: PhraseCard; page: string }) => {
    const picture = cardPicture(card, printedUrl(site, phraseCardUrl(card.id)), SITE_NAME, colors);
    draw({ out: phraseCardImageUrl(card.id), what: `phrase card “${card.id}” (${page})`, picture, key: hash(drawTools, JSON.stringify(picture)) });
  };
  try {
    for (const file of htmlFiles(dist)) {
      const page = pagePath(file);
      const { meta, diagrams: found, cards: cardsFound } = memo.findings(readFileSync(join(dist, file), 'utf8'));
      const image = meta?.image && new URL(meta.image, 'http://localhost/').pathname;
      // A page draws its own share image; a page that shows another's (list pages show the site's) draws nothing.
      if (meta && image === ogImageUrl(page)) {
        const picture = ogPicture(meta, SITE_NAME, colors);
        draw({ out: image, what: `${page} share image`, picture, key: hash(drawTools, JSON.stringify(picture)) });
        shareImages++;
      }
      for (const diagram of found) {
        if (diagrams.has(diagram.key)) continue;
        diagrams.add(diagram.key);
        drawDiagram(diagram, page, meta?.title ?? '');
      }
      // A card listed on other pages too is drawn as its own page shows it; one without a page of its own, at the end.
      for (const card of cardsFound) {
        if (cards.get(card.id)?.page === phraseCardUrl(card.id)) continue;
        cards.set(card.id, { card, page });
        if (page === phraseCardUrl(card.id)) drawCard({ card, page });
      }
    }
    memo.save();
    for (const found of cards.values()) if (found.page !== phraseCardUrl(found.card.id)) drawCard(found);
  } catch (error) {
    // A page the step cannot read stops the build; the threads drawing meanwhile are stopped first.
    await pool?.close();
    throw error;
  }

  const threads = pool?.threads ?? 0;
  // Every picture is drawn (the threads are closed), then the first failure is thrown.
  const results = await Promise.allSettled(drawing);
  await pool?.close();
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const drawingDone = seconds();
  // Readers open a standalone SVG on its own: a file an SVG reader refuses (not well-formed XML) fails
  // the build here, not on a reader's phone. resvg is loaded here, after the threads have loaded it
  // with its allocator set up (DrawPool); a diagram drawn before had its SVG checked then.
  if (standalone.length) {
    const { Resvg } = await import('@resvg/resvg-js');
    for (const { diagram, page } of standalone) {
      try {
        new Resvg(diagram.svg);
      } catch (error) {
        throw new Error(`diagram ${diagram.key} (${page}): the standalone SVG cannot be read (${error instanceof Error ? error.message : String(error)}); fix: look at the .svg file in dist/diagrams/`);
      }
    }
  }
  let bytes = svgBytes;
  for (const { key, out } of placed) {
    const dest = join(dist, out);
    cache.copy(key, dest);
    bytes += statSync(dest).size;
  }
  cache.prune();
  return { shareImages, diagrams: diagrams.size, cards: cards.size, drawn, bytes, warnings, timing: { threads, drawing: drawingDone } };
}
