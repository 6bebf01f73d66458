/**
 * What each page asked for (extract.ts pageFindings), remembered by the hash of the page's HTML, so a
 * build where nothing changed reads no page twice: hashing a page is far cheaper than parsing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hash } from './cache.ts';
import { pageFindings, type DiagramStyles, type PageFindings } from './extract.ts';

interface MemoFile {
  /** The extraction's own inputs besides the page: its code and the diagram styles. */
  version: string;
  pages: Record<string, PageFindings>;
}

export class PageMemo {
  private readonly file: string;
  private readonly version: string;
  private readonly styles: DiagramStyles;
  private readonly before: Record<string, PageFindings>;
  private readonly now: Record<string, PageFindings> = {};
  private changed = false;

  /**
   * `version`: a hash of what else decides the findings (the extraction code); `fresh`: forget the
   * saved ones. The pictures' diagram styles come from the same rules and colours as the standalone
   * ones, so those stand for both in the version.
   */
  constructor(file: string, version: string, styles: DiagramStyles, fresh = false) {
    this.file = file;
    this.styles = styles;
    this.version = hash(version, styles.standalone);
    const saved = !fresh && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MemoFile) : undefined;
    this.before = saved?.version === this.version ? saved.pages : {};
  }

  findings(html: string): PageFindings {
    const key = hash(html);
    const known = this.before[key] ?? this.now[key];
    if (known) {
      this.now[key] = known;
      return known;
    }
    this.changed = true;
    return (this.now[key] = pageFindings(html, this.styles));
  }

  /** Keeps this build's pages only. */
  save(): void {
    if (!this.changed && Object.keys(this.now).length === Object.keys(this.before).length) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ version: this.version, pages: this.now } satisfies MemoFile));
  }
}
