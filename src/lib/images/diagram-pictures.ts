/**
 * A flowchart as a picture to keep (保存图片). Mermaid's labels are HTML inside the SVG
 * (foreignObject), which only a browser draws: one Chromium page photographs every diagram in turn,
 * each shown from its standalone SVG file (so a file the browser cannot read fails the build here, not
 * on a reader's phone), under the page's title and over its short address.
 *
 * The picture is a phone screen wide (390 CSS px, at 2×) when the diagram fits there with its labels
 * at the site's smallest readable size (mermaid.ts MIN_READABLE_SCALE); a wider diagram makes a wider
 * picture at that size, to zoom into, as it scrolls sideways on the page.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.ts';
import { DIAGRAM_FONTS } from '../markdown/mermaid-config.ts';
import { MIN_READABLE_SCALE } from '../markdown/mermaid.ts';
import { PHONE_WIDTH, PICTURE_SCALE } from './layouts.ts';
import type { Palette } from './theme.ts';

const PAD = 16;
/** The diagram's frame: border and padding on each side, as on the page. */
const FRAME = 9;

export interface DiagramPicture {
  html: string;
  /** CSS px; the PNG is PICTURE_SCALE times as wide. */
  width: number;
}

/** The drawn width of a diagram `svgWidth` wide in a picture, and the picture's width. */
export function diagramFit(svgWidth: number): { drawn: number; width: number } {
  const room = PHONE_WIDTH - 2 * (PAD + FRAME);
  const drawn = Math.ceil(Math.min(svgWidth, Math.max(room, svgWidth * MIN_READABLE_SCALE)));
  return { drawn, width: Math.max(PHONE_WIDTH, drawn + 2 * (PAD + FRAME)) };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page Chromium photographs: `svg` is the standalone SVG file's text. */
export function diagramPicture(input: { svg: string; svgWidth: number; title: string; url: string; siteName: string; colors: Palette }): DiagramPicture {
  const { drawn, width } = diagramFit(input.svgWidth);
  const { colors } = input;
  const src = `data:image/svg+xml;base64,${Buffer.from(input.svg).toString('base64')}`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{margin:0;width:${width}px;background:${colors.bg};color:${colors.fg};font-family:${DIAGRAM_FONTS};border-top:5px solid ${colors.accent}}
main{padding:12px ${PAD}px 14px}
h1{margin:0 0 10px;font-size:17px;line-height:1.45}
.frame{background:${colors.surface};border:1px solid ${colors.line};border-radius:8px;padding:${FRAME - 1}px}
img{display:block;width:${drawn}px;height:auto;margin:0 auto}
footer{margin-top:16px;padding-top:8px;border-top:1px solid ${colors.line};line-height:1.5}
.url{font-size:15px;word-break:break-all}.site{font-size:12px;color:${colors.muted}}
</style></head><body><main><h1>${escapeHtml(input.title)}</h1><div class="frame"><img alt="" src="${src}"></div>
<footer><div class="url">${escapeHtml(input.url)}</div><div class="site">${escapeHtml(input.siteName)}</div></footer></main></body></html>`;
  return { html, width };
}

/** One Chromium page that photographs diagram pictures, one after another. */
export class DiagramCamera {
  private readonly browser: Browser;
  private readonly page: Page;
  private constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
  }

  static async open(): Promise<DiagramCamera> {
    const browser = await chromium.launch(chromiumLaunchOptions());
    const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 600 }, deviceScaleFactor: PICTURE_SCALE, colorScheme: 'light' });
    // The picture's page asks for nothing; whatever a diagram says, nothing is fetched.
    await page.route('**/*', (route) => route.abort());
    return new DiagramCamera(browser, page);
  }

  /** The PNG of a picture; `what` names it in errors. */
  async shoot(picture: DiagramPicture, what: string): Promise<Buffer> {
    await this.page.setViewportSize({ width: picture.width, height: 600 });
    await this.page.setContent(picture.html, { waitUntil: 'load' });
    const loaded = await this.page.evaluate(async () => {
      const img = document.querySelector('img')!;
      try {
        await img.decode();
        return img.naturalWidth > 0;
      } catch {
        return false;
      }
    });
    if (!loaded) throw new Error(`${what}: Chromium cannot show the standalone SVG (is it well-formed XML?); fix: look at the .svg file in dist/diagrams/`);
    await this.page.evaluate(() => document.fonts.ready);
    return this.page.screenshot({ fullPage: true, type: 'png' });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
