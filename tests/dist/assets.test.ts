/** The built stylesheet and scripts, as browsers get them (after the minifier). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dist } from './built.ts';

const assets = readdirSync(join(dist, '_astro'));
const css = assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(dist, '_astro', f), 'utf8')).join('\n');

test('the reading-progress bar keeps its scroll timeline (a timeline folded into the animation shorthand is rejected by browsers)', () => {
  assert.match(css, /animation-timeline:/);
  assert.doesNotMatch(css, /animation:[^;}]*\b(scroll|view)\(/);
});
