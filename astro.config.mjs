// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import rehypeMermaid from 'rehype-mermaid';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import pdfs from './src/integrations/pdf.ts';
import images from './src/integrations/images.ts';
import modulePreload from './src/integrations/module-preload.ts';
import precompress from './src/integrations/precompress.ts';
import { syntaxPlugins } from './src/lib/markdown/syntax.ts';
import { remarkContentLinks, remarkHeadingAnchors, remarkPhraseCards } from './src/lib/markdown/remark-handbook.ts';
import { rehypeCallouts, rehypeFoldCaseAnswers, rehypeHeadingLinks, rehypeScrollTables } from './src/lib/markdown/rehype-handbook.ts';
import { mermaidErrorFallback, rehypeMermaidCacheLookup, rehypeMermaidCacheStore } from './src/lib/markdown/mermaid.ts';
import { chromiumLaunchOptions } from './src/lib/chromium.ts';
import { MERMAID_CONFIG } from './src/lib/markdown/mermaid-config.ts';

// The site promises no third-party requests; its build makes none either (Astro's telemetry is read
// from this variable when a command reports, after this file is loaded).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** The renderer's version is part of the cache key: a Mermaid upgrade re-renders every diagram. */
const mermaidVersion = JSON.parse(readFileSync('node_modules/mermaid-isomorphic/package.json', 'utf8')).version;

const mermaidCache = {
  dir: resolve('node_modules/.cache/handbook-mermaid'),
  config: { mermaid: MERMAID_CONFIG, renderer: mermaidVersion },
};

/** The one inline script (theme before first paint); the CSP allows exactly this text. */
const themeInit = readFileSync('src/client/theme-init.js', 'utf8');
/** @type {`sha256-${string}`} */
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

export default defineConfig({
  // The public address (canonical URLs, share images, QR codes in the PDFs). Without it the build is
  // a preview: it says so, and nothing points at an address nobody owns.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'wasm-unsafe-eval': Pagefind runs its search index in WebAssembly. No 'unsafe-inline' scripts.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeInitHash] },
      // Diagrams are inline SVG whose labels Mermaid lays out with style attributes.
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  markdown: {
    // No syntax highlighting: the handbook has no code, Shiki's inline styles would clash with the
    // CSP, and ```mermaid blocks must reach rehype-mermaid untouched.
    syntaxHighlight: false,
    processor: unified({
      smartypants: false,
      remarkPlugins: [...syntaxPlugins, remarkPhraseCards, remarkHeadingAnchors, remarkContentLinks],
      rehypePlugins: [
        [rehypeMermaidCacheLookup, mermaidCache],
        [
          rehypeMermaid,
          {
            strategy: 'inline-svg',
            mermaidConfig: MERMAID_CONFIG,
            launchOptions: chromiumLaunchOptions(),
            errorFallback: mermaidErrorFallback,
          },
        ],
        [rehypeMermaidCacheStore, mermaidCache],
        rehypeCallouts,
        rehypeScrollTables,
        rehypeHeadingLinks,
        rehypeFoldCaseAnswers,
      ],
    }),
  },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's MDX wrapper marks every content module "use astro:head-inject"; the bundler warns
          // once per file (harmless, upstream). Dropped so real warnings stand out.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
  // In this order: the check before anything is built; after the pages, the modules their scripts
  // import listed in their heads, the search index, the PDFs, the share images and pictures to keep,
  // and last the compressed copies and header files of it all.
  integrations: [contentCheck(), mdx(), modulePreload(), searchIndex(), pdfs(), images(), precompress()],
});
