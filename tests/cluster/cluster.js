// Several app servers on one PostgreSQL behind nginx, as a school would run them, for the
// end-to-end run, the fault tests and `npm run bench live`. Everything listens on
// loopback only and lives in a temporary folder that `stop()` removes; PostgreSQL is a
// fresh database on TEST_DATABASE_URL's server when that is set (CI), otherwise a
// throwaway server of our own. Ports come from CLUSTER_PORT_BASE when set (a machine
// where each person has a range), otherwise free ports.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** Where nginx is: NGINX_PATH, or Debian's. */
export const NGINX = process.env.NGINX_PATH || (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

const PORT_BASE = Number(process.env.CLUSTER_PORT_BASE) || 0;
const PORT_COUNT = Number(process.env.CLUSTER_PORT_COUNT) || 20;
let portsGiven = 0;

/**
 * A port to listen on: the next of CLUSTER_PORT_COUNT (20) from CLUSTER_PORT_BASE, round
 * and round (a long bench reuses ports whose servers have stopped), or a free one.
 */
export function port() {
	if (PORT_BASE) return Promise.resolve(PORT_BASE + (portsGiven++ % PORT_COUNT));
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(address.port));
		});
	});
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200, for at most `seconds`. */
async function waitForOk(/** @type {string} */ url, /** @type {() => boolean} */ gone, seconds = 60) {
	const until = Date.now() + seconds * 1000;
	while (Date.now() < until) {
		if (gone()) throw new Error(`${url}: the process exited before answering`);
		try {
			if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	throw new Error(`${url} did not answer within ${seconds}s`);
}

function findPostgresBin() {
	const dirs = [process.env.PG_BIN, '/usr/local/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];
	const dir = dirs.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
	if (!dir) throw new Error('PostgreSQL (initdb, pg_ctl) was not found: install it (apt-get install -y postgresql) or set TEST_DATABASE_URL.');
	return dir;
}

/**
 * A PostgreSQL database nobody else uses: `{ url, stop }`. On TEST_DATABASE_URL's server
 * it is a new database, dropped by `stop`; otherwise a throwaway server (initdb runs as
 * the postgres user when we are root, since it refuses root).
 */
export async function startPostgres() {
	const shared = process.env.TEST_DATABASE_URL;
	if (shared?.startsWith('postgres')) {
		const name = `cluster_${process.pid}_${Date.now().toString(36)}`;
		const admin = postgres(shared, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(shared);
		url.pathname = `/${name}`;
		return {
			url: url.toString(),
			stop: async () => {
				await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
				await admin.end();
			}
		};
	}
	const bin = findPostgresBin();
	const work = mkdtempSync(join(tmpdir(), 'attribution-lab-cluster-pg-'));
	chmodSync(work, 0o755);
	const root = process.getuid?.() === 0;
	/** @type {(cmd: string, args: string[]) => import('node:child_process').SpawnSyncReturns<string>} */
	const asOwner = (cmd, args) =>
		root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
	if (root) spawnSync('chown', ['postgres', work]);
	const pgPort = await port();
	const init = asOwner(join(bin, 'initdb'), ['-D', join(work, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
	const started = asOwner(join(bin, 'pg_ctl'), [
		'-D', join(work, 'data'), '-l', join(work, 'server.log'), '-w', '-o',
		`-p ${pgPort} -k ${work} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start'
	]);
	if (started.status !== 0) throw new Error(`pg_ctl start failed: ${started.stderr}`);
	return {
		url: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
		stop: async () => {
			asOwner(join(bin, 'pg_ctl'), ['-D', join(work, 'data'), '-m', 'immediate', '-w', 'stop']);
			rmSync(work, { recursive: true, force: true });
		}
	};
}

/**
 * An app server (scripts/serve.js, the built app) on `port`: `{ url, pid, kill, restart,
 * output, exited }`. `kill('SIGKILL')` is the crash the fault tests make; `restart()`
 * starts it again on the same port and database.
 */
export async function startAppServer(/** @type {{ port: number, databaseUrl: string, env?: Record<string, string>, nodeArgs?: string[] }} */ options) {
	const url = `http://127.0.0.1:${options.port}`;
	let output = '';
	/** @type {import('node:child_process').ChildProcess} */
	let child;
	/** @type {Promise<number | null>} */
	let exited;
	const launch = async () => {
		output = '';
		child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'scripts/serve.js'], {
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: String(options.port),
				DATABASE_URL: options.databaseUrl,
				SHUTDOWN_GRACE_MS: '1000',
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		await waitForOk(`${url}/healthz`, () => child.exitCode !== null || child.signalCode !== null).catch((error) => {
			throw new Error(`${error.message}\n${output}`);
		});
	};
	await launch();
	return {
		url,
		get pid() {
			return child.pid;
		},
		output: () => output,
		exited: () => exited,
		/** Sends `signal` and waits for the process to end. */
		kill: async (/** @type {NodeJS.Signals} */ signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		},
		restart: launch
	};
}

/** nginx's configuration for `upstreams` (ports) behind `listenPort`, with its files in `dir`. */
export function nginxConfig(/** @type {{ dir: string, listenPort: number, upstreams: number[] }} */ { dir, listenPort, upstreams }) {
	// As root, workers would run as a user that cannot write our private temporary folder.
	const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
	return `${user}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 16384; }
worker_rlimit_nofile 40000;
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	upstream kit {
${upstreams.map((p) => `		server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
		keepalive 64;
	}
	server {
		listen 127.0.0.1:${listenPort};
		client_max_body_size 1m;
		location / {
			proxy_pass http://kit;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $http_host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
			# Event streams: pass each event on as it comes, and keep quiet streams open.
			proxy_buffering off;
			proxy_read_timeout 1h;
			proxy_connect_timeout 2s;
		}
	}
}
`;
}

/** nginx in front of `upstreams`: `{ url, stop }`. */
export async function startNginx(/** @type {{ upstreams: number[], listenPort?: number }} */ options) {
	const listenPort = options.listenPort ?? (await port());
	const dir = mkdtempSync(join(tmpdir(), 'attribution-lab-nginx-'));
	const file = join(dir, 'nginx.conf');
	writeFileSync(file, nginxConfig({ dir, listenPort, upstreams: options.upstreams }));
	const child = spawn(NGINX, ['-c', file, '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	child.on('error', (error) => (output += String(error)));
	const url = `http://127.0.0.1:${listenPort}`;
	await waitForOk(`${url}/healthz`, () => child.exitCode !== null || child.signalCode !== null || /ENOENT/.test(output), 20).catch(
		(error) => {
			throw new Error(`nginx (${NGINX}) did not start: ${error.message}\n${output}\nInstall it with: sudo apt-get install -y nginx`);
		}
	);
	return {
		url,
		/** What nginx has logged (warnings and errors), e.g. upstreams it gave up on. */
		errorLog: () => {
			try {
				return readFileSync(join(dir, 'error.log'), 'utf8');
			} catch {
				return '';
			}
		},
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGQUIT');
			await Promise.race([exited, sleep(5000)]);
			if (child.exitCode === null) child.kill('SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * `count` app servers on one fresh PostgreSQL behind nginx: `{ url (nginx), servers,
 * databaseUrl, stop }`. Each server is told it sits behind the proxy (addresses from
 * X-Forwarded-For, the proxy's host as its own for the page cache).
 */
export async function startCluster(/** @type {{ count?: number, env?: Record<string, string> }} */ options = {}) {
	const count = options.count ?? 2;
	const pg = await startPostgres();
	/** @type {Awaited<ReturnType<typeof startAppServer>>[]} */
	const servers = [];
	/** @type {Awaited<ReturnType<typeof startNginx>> | undefined} */
	let nginx;
	try {
		const listenPort = await port();
		const ports = [];
		for (let i = 0; i < count; i++) ports.push(await port());
		const env = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1', ALLOWED_HOSTS: `127.0.0.1:${listenPort}`, ...options.env };
		// The first server migrates the fresh database; the others then start against it.
		servers.push(await startAppServer({ port: ports[0], databaseUrl: pg.url, env }));
		servers.push(...(await Promise.all(ports.slice(1).map((p) => startAppServer({ port: p, databaseUrl: pg.url, env })))));
		nginx = await startNginx({ upstreams: ports, listenPort });
	} catch (error) {
		await Promise.all(servers.map((s) => s.kill('SIGKILL')));
		await pg.stop();
		throw error;
	}
	const proxy = nginx;
	return {
		url: proxy.url,
		servers,
		databaseUrl: pg.url,
		nginxLog: () => proxy.errorLog(),
		stop: async () => {
			await proxy.stop();
			await Promise.all(servers.map((s) => s.kill('SIGTERM')));
			await pg.stop();
		}
	};
}
