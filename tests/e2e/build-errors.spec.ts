import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the site from a fixture content folder into a scratch folder; returns exit code and output. */
function buildFixture(name: string) {
  const result = spawnSync('astro', ['build', '--outDir', mkdtempSync(join(tmpdir(), 'handbook-fixture-'))], {
    env: { ...process.env, HANDBOOK_CONTENT_DIR: join('tests/fixtures', name) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test.describe('bad content stops the build with file, line and fix', () => {
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'a build runs once, not per screen size'));

  test('broken frontmatter and links', () => {
    const { status, output } = buildFixture('broken-content');
    expect(status).not.toBe(0);
    expect(output).toContain('Content check failed: 3 problems');
    expect(output).toContain('tests/fixtures/broken-content/book/1.mdx:9  link "case:09999" points to case 09999, which is not written');
    expect(output).toContain('tests/fixtures/broken-content/book/1/1.mdx:1  field "summary" is missing');
    expect(output).toContain('tests/fixtures/broken-content/cases/01001.mdx:3  field "role" has an unknown value "manager"');
    expect(output).toMatch(/fix: use one of: lobby \(大堂经理\)/);
  });

  test('a Mermaid syntax error names the file', () => {
    test.setTimeout(150_000);
    const { status, output } = buildFixture('broken-diagram');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/broken-diagram/book/1.mdx');
    expect(output).toMatch(/Parse error|Lexical error|Syntax error/i);
  });
});
