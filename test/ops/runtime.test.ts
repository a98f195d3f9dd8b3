import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '../../scripts/free-port.js';
import { projectRoot } from '../../src/project-root.js';

const root = projectRoot();
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pinned = read('.node-version').trim();
const major = Number(pinned.split('.')[0]);
const packageJson = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };

/** PATH as the machine has it: without the .tools/node/bin that npm test's own bootstrap put first. */
const machinePath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => dir !== join(root, '.tools', 'node', 'bin'))
  .join(delimiter);
const machineEnv = { ...process.env, PATH: machinePath, NODE_OPTIONS: '' };
const machineNode = execFileSync('node', ['-p', 'process.versions.node'], { env: machineEnv, encoding: 'utf8' }).trim();
const machineIsOlder = Number(machineNode.split('.')[0]) < major;

/** Runs a bash line after scripts/node-runtime.sh's `use_node_runtime`, starting from the machine's PATH. */
function withRuntime(line: string, options: { cwd?: string; env?: Record<string, string> } = {}) {
  return spawnSync('bash', ['-c', `. scripts/node-runtime.sh && use_node_runtime && ${line}`], {
    cwd: options.cwd ?? root,
    env: { ...machineEnv, ...options.env },
    encoding: 'utf8',
  });
}
/** npm's own engine check without touching node_modules or the network. */
// An explicit log level: under `npm test --silent` (CI) npm passes npm_config_loglevel=silent to every npm
// below it, which would hide the very warnings and errors these checks read.
const NPM_INSTALL_DRY_RUN = 'npm install --dry-run --offline --no-fund --no-audit --loglevel=warn 2>&1';

describe('the Node runtime', () => {
  it('is pinned once in .node-version; engines, .npmrc, the Dockerfile and @types/node agree with it', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(major % 2).toBe(0); // an even major: an LTS line
    expect(packageJson.engines.node).toBe(`>=${major}`);
    expect(read('.npmrc')).toMatch(/^engine-strict=true$/m);
    expect(packageJson.devDependencies['@types/node']).toMatch(new RegExp(`^${major}\\.`));

    const dockerfile = read('Dockerfile');
    expect(dockerfile).toContain(`ARG NODE_VERSION=${pinned}\n`);
    const bases = dockerfile.match(/^FROM .*$/gm) ?? [];
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim( AS \w+)?$/);
  });

  it.each(['scripts/up.sh', 'scripts/test.sh', '.ci/run'])('%s switches to it before its first npm or node command', (script) => {
    const lines = read(script).split('\n');
    const switched = lines.findIndex((line) => /^use_node_runtime\b/.test(line));
    const firstRun = lines.findIndex((line) => /^(npm|node|exec node) /.test(line));
    expect(switched).toBeGreaterThan(-1);
    expect(switched).toBeLessThan(firstRun);
  });

  it(`gives node ${major} or newer, the pinned ${pinned} where the machine's is older, without downloading it again`, () => {
    const result = withRuntime('node -p process.versions.node');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(machineIsOlder ? pinned : machineNode);
    expect(result.stderr).toBe(''); // npm test's own start installed it already: no "installing Node" line
  });

  it('runs this test suite too (npm test switched to it)', () => {
    expect(process.versions.node).toBe(machineIsOlder ? pinned : machineNode);
  });

  it('runs npm on it, and npm finds every package engine satisfied: no EBADENGINE', () => {
    const versions = withRuntime('npm version --json');
    expect(versions.status).toBe(0);
    expect((JSON.parse(versions.stdout) as { node: string }).node).toBe(machineIsOlder ? pinned : machineNode);

    const install = withRuntime(NPM_INSTALL_DRY_RUN);
    expect(install.status).toBe(0);
    expect(install.stdout).not.toContain('EBADENGINE');
  });

  // These need a machine Node older than the pinned one (this project's machine has 20).
  (machineIsOlder ? describe : describe.skip)(`where the machine's Node (${machineNode}) is older`, () => {
    it(`npm on the machine's own Node refuses to install (engine-strict), so the check above means something`, () => {
      const install = spawnSync('bash', ['-c', NPM_INSTALL_DRY_RUN], { cwd: root, env: machineEnv, encoding: 'utf8' });
      expect(install.status).not.toBe(0);
      expect(install.stdout).toContain('npm error code EBADENGINE');
      expect(install.stdout).toContain('Not compatible with your version of node/npm: tenggat@');
    });

    it('stops with a message naming the package, the registry and the way out when the registry is unreachable, installing nothing', async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'tenggat-node-runtime-'));
      try {
        mkdirSync(join(scratch, 'scripts'));
        for (const file of ['scripts/node-runtime.sh', '.node-version']) copyFileSync(join(root, file), join(scratch, file));
        const registry = `http://127.0.0.1:${await freePort()}/`;
        const result = withRuntime('node --version', { cwd: scratch, env: { npm_config_registry: registry, npm_config_fetch_retries: '0' } });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(`could not download node-${process.platform}-${process.arch}@${pinned} from ${registry}: ECONNREFUSED.`);
        expect(result.stderr).toContain(`install Node ${pinned} or newer yourself`);
        expect(existsSync(join(scratch, '.tools', 'node'))).toBe(false);
        expect(readdirSync(join(scratch, '.tools'))).toEqual([]); // no half-unpacked download left
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
});
