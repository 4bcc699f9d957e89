// The CLI as people outside GitHub get it: `npm pack` of this run's build, the
// tarball installed offline into an empty folder, and the installed
// `cors-gate` run as a command, on each Node.js this machine has.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD, ROOT } from '../support/build.js';

const npm = (args: string[], cwd: string) => {
  // npm_execpath is npm's own entry when the tests run through npm; else npm from PATH.
  const cli = process.env.npm_execpath;
  return cli?.endsWith('.js')
    ? execFileSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' })
    : execFileSync('npm', args, { cwd, encoding: 'utf8' });
};

/** Each Node.js this machine can run the installed command with: the tests' own, and the system's if another. */
function nodes(): string[] {
  const out = [process.execPath];
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const v = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (v && v !== process.version && !out.some((n) => n === candidate)) out.push(candidate);
  }
  return out;
}

let dir: string;
let tarball: string;
let bin: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-package-'));
  // The package as npm pack would make it from the repository, with this run's bundles.
  const source = join(dir, 'source');
  cpSync(join(BUILD, 'dist'), join(source, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'examples'), join(source, 'examples'), { recursive: true });
  for (const f of ['package.json', 'README.md', 'LICENSE', 'action.yml']) cpSync(join(ROOT, f), join(source, f));
  if (existsSync(join(ROOT, 'schema'))) cpSync(join(ROOT, 'schema'), join(source, 'schema'), { recursive: true });
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], source)) as [
    { filename: string; files: { path: string }[] },
  ];
  tarball = join(dir, packed[0].filename);
  const install = join(dir, 'install');
  cpSync(tarball, join(dir, 'copy.tgz'));
  execFileSync('mkdir', ['-p', install]);
  // Offline, from the tarball alone: the bundles need no dependency at run time.
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], install);
  bin = join(install, 'node_modules', 'cors-gate', 'dist', 'cli', 'index.js');
}, 120_000);

afterAll(() => {
  execFileSync('rm', ['-rf', dir]);
});

describe('the packed CLI', () => {
  it('holds the bundles, the action, the examples and the license, and nothing to install', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listed).toEqual(
      expect.arrayContaining([
        'package/dist/cli/index.js',
        'package/dist/index.js',
        'package/action.yml',
        'package/examples/llm-providers.yml',
        'package/LICENSE',
        'package/README.md',
      ]),
    );
    expect(listed.some((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ 'cors-gate': 'dist/cli/index.js' });
    console.log(`packed tarball: ${(statSync(tarball).size / 1024).toFixed(0)} KiB, ${listed.length} files`);
  });

  for (const node of nodes()) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    it(`installed, runs --version and demo on Node ${version}`, () => {
      const env = { PATH: process.env.PATH ?? '', HOME: dir, NO_PROXY: '*' };
      const v = spawnSync(node, [bin, '--version'], { encoding: 'utf8', env });
      expect(v.status, v.stderr).toBe(0);
      expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
      const demo = spawnSync(node, [bin, 'demo'], { encoding: 'utf8', env, timeout: 60_000 });
      expect(demo.status, demo.stderr).toBe(0);
      const verdicts = demo.stdout
        .split('\n')
        .map((l) => /^ {2}(PASS|WARN|FAIL|ERR)\b/.exec(l)?.[1])
        .filter(Boolean);
      expect(verdicts.filter((x) => x === 'PASS')).toHaveLength(3);
      expect(verdicts.filter((x) => x === 'FAIL').length).toBeGreaterThanOrEqual(2);
      expect(demo.stdout).toContain('The response needs:');
      expect(demo.stdout).toContain('Access-Control-Allow-Origin: *');
    });
  }

  it('the installed package is the one packed: its files and nothing from the repository', () => {
    const installed = join(dir, 'install', 'node_modules', 'cors-gate');
    expect(readdirSync(installed).sort()).toEqual(
      [
        'LICENSE',
        'README.md',
        'action.yml',
        'dist',
        'examples',
        'package.json',
        ...(existsSync(join(ROOT, 'schema')) ? ['schema'] : []),
      ].sort(),
    );
  });
});
