/**
 * The Content-Security-Policy of the built pages, read from their meta tag (Astro writes it from
 * astro.config.mjs, with the hash of each script it allows) and turned into the header the server sends.
 * The header carries the same policy, so the hashes match, plus what only a header can say.
 */
import { createHash } from 'node:crypto';

/** Directives a meta tag cannot carry (browsers ignore them there); the header adds them. */
export const HEADER_ONLY_DIRECTIVES: Record<string, string> = {
  // No other site may show the handbook in a frame (clickjacking).
  'frame-ancestors': "'none'",
};

const META_TAG = /<meta\b[^>]*>/gi;

/** The policy of a page's `<meta http-equiv="content-security-policy">`, or undefined without one. */
export function pagePolicy(html: string): string | undefined {
  for (const [tag] of html.matchAll(META_TAG)) {
    if (attribute(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy') return attribute(tag, 'content');
  }
  return undefined;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const raw = match?.[1] ?? match?.[2] ?? match?.[3];
  return raw === undefined ? undefined : decodeEntities(raw);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
    if (entity[0] !== '#') return named[entity.toLowerCase()]!;
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/** A policy as its directives in order: name (lower case) → its source list. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins (CSP3 §2.2.1); a repeat is ignored by browsers too.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function formatPolicy(directives: Map<string, string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The header's policy: the meta tag's, in its order, plus the header-only directives. */
export function headerPolicy(metaPolicy: string): string {
  const directives = parsePolicy(metaPolicy);
  for (const [name, value] of Object.entries(HEADER_ONLY_DIRECTIVES)) directives.set(name, [value]);
  return formatPolicy(directives);
}

/** The script hashes a policy allows ("sha256-…"), from script-src (or default-src without it). */
export function scriptHashes(policy: string): Set<string> {
  const directives = parsePolicy(policy);
  const sources = directives.get('script-src') ?? directives.get('default-src') ?? [];
  return new Set(sources.filter((s) => /^'sha(256|384|512)-[A-Za-z0-9+/=_-]+'$/.test(s)).map((s) => s.slice(1, -1)));
}

type HashAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** The hash of an inline script's text as a CSP source names it ("sha256-…"). */
export function scriptHash(text: string, algorithm: HashAlgorithm = 'sha256'): string {
  return `${algorithm}-${createHash(algorithm).update(text, 'utf8').digest('base64')}`;
}

/** Whether one of these hashes (scriptHashes()) allows an inline script with this text. */
export function hashesAllow(hashes: Set<string>, text: string): boolean {
  return [...hashes].some((hash) => scriptHash(text, hash.slice(0, hash.indexOf('-')) as HashAlgorithm) === hash);
}

/**
 * The one policy every page carries. The server sends one header for all pages, so a page with
 * another policy (or none) would be served a header that contradicts its meta tag: that fails here.
 */
export function sharedPolicy(pages: Iterable<{ file: string; html: string }>): string {
  let shared: { file: string; policy: string } | undefined;
  for (const { file, html } of pages) {
    const policy = pagePolicy(html);
    if (policy === undefined) {
      throw new Error(`${file} has no <meta http-equiv="content-security-policy">. Every page needs the policy the server sends as a header: build it with the site's layout (src/layouts/Base.astro), which Astro gives the meta tag.`);
    }
    if (!shared) shared = { file, policy };
    else if (formatPolicy(parsePolicy(policy)) !== formatPolicy(parsePolicy(shared.policy))) {
      const [ours, theirs] = [parsePolicy(shared.policy), parsePolicy(policy)];
      const differences = [...new Set([...ours.keys(), ...theirs.keys()])]
        .filter((name) => ours.get(name)?.join(' ') !== theirs.get(name)?.join(' '))
        .map((name) => `  ${name}: "${ours.get(name)?.join(' ') ?? '(none)'}" in ${shared!.file}, "${theirs.get(name)?.join(' ') ?? '(none)'}" in ${file}`);
      throw new Error(`${file} has a different Content-Security-Policy from ${shared.file}, and the server sends one policy to every page:\n${differences.join('\n')}\nfix: give every page the same policy (astro.config.mjs security.csp), with no per-page scripts or additions.`);
    }
  }
  if (!shared) throw new Error('no HTML page found to read the Content-Security-Policy from: did the build write dist/?');
  return shared.policy;
}
