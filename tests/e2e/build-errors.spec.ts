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
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test.describe('bad content stops the build with file, line and fix', () => {
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'a build runs once, not per screen size'));

  test('broken frontmatter and links', () => {
    const { status, output } = buildFixture('broken-content');
    expect(status).not.toBe(0);
    expect(output).toContain('Content check failed: 4 problems');
    expect(output).toContain('tests/fixtures/broken-content/cases/01001.mdx:12  case is missing "## 问题在哪里 [#analysis]"');
    expect(output).toContain('tests/fixtures/broken-content/book/1.mdx:9  link "case:09999" points to case 09999, which is not written');
    expect(output).toContain('tests/fixtures/broken-content/book/1/1.mdx:1  field "summary" is missing');
    expect(output).toContain('tests/fixtures/broken-content/cases/01001.mdx:3  field "role" has an unknown value "manager"');
    expect(output).toMatch(/fix: use one of: lobby \(大堂经理\)/);
  });

  test('content cannot run code or ship HTML: each attempt is named with its line', () => {
    const { status, output } = buildFixture('unsafe-content');
    expect(status).not.toBe(0);
    const at = (line: number, message: RegExp) => expect(output).toMatch(new RegExp(`tests/fixtures/unsafe-content/book/1\\.mdx:${line}  ${message.source}`));
    at(7, /import\/export is code/);
    at(11, /\{process\.env\.HOME\} is code in MDX/);
    at(13, /<meta> is raw HTML/);
    at(15, /<script> is raw HTML/);
    at(17, /link "javascript:alert\(1\)" uses a scheme that can run code/);
    at(19, /link "book:1\.9" points to section 1\.9, which is not written/);
    expect(output).not.toMatch(/\/root|PATH=/);
  });

  test('a Mermaid syntax error names the line of the broken diagram line and says what to fix', () => {
    test.setTimeout(150_000);
    const { status, output } = buildFixture('broken-diagram');
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/broken-diagram\/book\/1\.mdx:1[0-3]  flowchart: /);
    expect(output).toMatch(/fix: /);
  });
});
