/**
 * Crashes in the middle of a live question. Simulated students (plain HTTP: an event
 * stream each, answers posted as the no-JavaScript form does) keep going, and the
 * database must then hold every answer the server acknowledged.
 * (a) Two app servers on PostgreSQL behind nginx; one is killed with SIGKILL while
 *     answers arrive. Students reconnect (through nginx) to the other, and the session
 *     carries on to the lock, the reveal and the next question.
 * (b) One server on SQLite, killed with SIGKILL and started again on the same file: the
 *     session is at the same question, with every acknowledged answer.
 */
import { createClient } from '@libsql/client';
import postgres from 'postgres';
import { startAppServer, startCluster, port } from '../cluster/cluster.js';
import { answer, LiveStream } from '../cluster/live-clients.js';
import { command, joinAs, questionOnPage, seedAdmin, seedClass, startLive } from '../cluster/seed.js';
import { freshDatabaseFile } from './app-process';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const STUDENTS = 24;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Question = Awaited<ReturnType<typeof questionOnPage>>;

interface Student {
	name: string;
	cookie: string;
	stream: LiveStream;
}

/** A teacher, a class of `count` students joined through `base`, a live session on question 1, every stream open. */
async function classInSession(base: string, count: number) {
	const { cookie: teacher } = await seedAdmin(base);
	const cls = await seedClass(base, teacher, 'Live class');
	const cookies: { name: string; cookie: string }[] = [];
	for (let i = 0; i < count; i++) cookies.push({ name: `Student ${i + 1}`, cookie: await joinAs(base, cls.code, `Student ${i + 1}`) });
	const sid = await startLive(base, teacher, cls.id);
	const students: Student[] = cookies.map((c) => ({ ...c, stream: new LiveStream(`${base}/me/live/${sid}/events`, c.cookie, { retryMs: 500 }) }));
	await Promise.all(students.map((s) => s.stream.waitFor((d) => d.state?.stage === 'lobby', 20_000)));
	await command(base, teacher, sid, 'start', students[0].stream.latest.version);
	await Promise.all(students.map((s) => s.stream.waitFor((d) => d.state?.stage === 'question' && d.state.current === 0, 20_000)));
	return { teacher, sid, students, question: await questionOnPage(base, students[0].cookie, sid) };
}

/**
 * Each student answers once, a phone's way: a refused or failed post is tried again (as a
 * person taps again) every 300 ms for up to 20 s. Returns who was acknowledged.
 */
async function answerAll(base: string, sid: string, question: Question, students: Student[], spreadMs: number) {
	const acknowledged: string[] = [];
	await Promise.all(
		students.map(async (s, i) => {
			await sleep((spreadMs * i) / students.length);
			const until = Date.now() + 20_000;
			while (Date.now() < until) {
				const result = await answer(base, s.cookie, sid, question.id, question.fields).catch(() => ({ acknowledged: false }));
				if (result.acknowledged) return void acknowledged.push(s.name);
				await sleep(300);
			}
		})
	);
	return acknowledged;
}

test('kill -9 one of two app servers mid-question: students carry on through the other, no acknowledged answer lost', async () => {
	const cluster = await startCluster({ env: { RATE_LIMIT_SCALE: '1000' } });
	let students: Student[] = [];
	try {
		const session = await classInSession(cluster.url, STUDENTS);
		students = session.students;
		const { teacher, sid, question } = session;

		// Answers arrive over 3 s; one server dies 1 s in, with streams and answers in flight on it.
		const answering = answerAll(cluster.url, sid, question, students, 3000);
		await sleep(1000);
		await cluster.servers[0].kill('SIGKILL');
		const acknowledged = await answering;
		expect(acknowledged.length, 'every student got an answer in through the server left').toBe(STUDENTS);

		// The session carries on through the server left: lock, reveal, next question.
		await sleep(500);
		const version = () => students[0].stream.latest.version;
		await command(cluster.url, teacher, sid, 'reveal', version());
		await Promise.all(students.map((s) => s.stream.waitFor((d) => d.state?.phases?.[0] === 'revealed', 20_000)));
		expect(students.some((s) => s.stream.connects > 1), 'streams on the killed server reconnected').toBe(true);

		// No acknowledged answer is lost: each acknowledged student has a response row.
		const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
		try {
			const rows = await sql<{ name: string }[]>`
				select s.display_name as name from responses r
				join attempts a on a.id = r.attempt_id join students s on s.id = a.student_id
				where a.live_session_id = ${sid} and r.question_id = ${question.id}`;
			const saved = new Set(rows.map((r) => r.name));
			const lost = acknowledged.filter((name) => !saved.has(name));
			expect(lost, 'acknowledged answers lost').toEqual([]);
		} finally {
			await sql.end();
		}

		await command(cluster.url, teacher, sid, 'next', version());
		await Promise.all(students.map((s) => s.stream.waitFor((d) => d.state?.current === 1, 20_000)));
		const second = await questionOnPage(cluster.url, students[0].cookie, sid);
		expect(second.id).not.toBe(question.id);
		expect(await answerAll(cluster.url, sid, second, students, 500)).toHaveLength(STUDENTS);
	} finally {
		for (const s of students) s.stream.close();
		await cluster.stop();
	}
});

test('kill -9 the single SQLite server mid-question and start it again: same question, every acknowledged answer', async () => {
	const databaseFile = await freshDatabaseFile();
	const server = await startAppServer({ port: await port(), databaseUrl: databaseFile, env: { RATE_LIMIT_SCALE: '1000' } });
	let students: Student[] = [];
	try {
		const session = await classInSession(server.url, STUDENTS);
		students = session.students;
		const { teacher, sid, question } = session;
		const before = students[0].stream.latest;

		// Half the class is acknowledged, then the server dies while the rest are answering.
		const firstHalf = await answerAll(server.url, sid, question, students.slice(0, STUDENTS / 2), 500);
		const rest = answerAll(server.url, sid, question, students.slice(STUDENTS / 2), 1500);
		await sleep(300);
		await server.kill('SIGKILL');
		await server.restart();
		const acknowledged = [...firstHalf, ...(await rest)];
		expect(acknowledged).toHaveLength(STUDENTS);

		// Streams come back on their own, to the same question, still open.
		await Promise.all(students.map((s) => s.stream.waitFor((d) => d.answered === STUDENTS, 20_000)));
		const after = students[0].stream.latest;
		expect(after.state).toEqual(before.state);
		expect(after.version).toBe(before.version);
		expect((await questionOnPage(server.url, students[0].cookie, sid)).id).toBe(question.id);

		const db = createClient({ url: `file:${databaseFile}` });
		try {
			const { rows } = await db.execute({
				sql: `select s.display_name as name from responses r join attempts a on a.id = r.attempt_id
					join students s on s.id = a.student_id where a.live_session_id = ? and r.question_id = ?`,
				args: [sid, question.id]
			});
			const saved = new Set(rows.map((r) => String(r.name)));
			expect(acknowledged.filter((name) => !saved.has(name)), 'acknowledged answers lost').toEqual([]);
		} finally {
			db.close();
		}

		// And the session carries on.
		await command(server.url, teacher, sid, 'reveal', after.version);
		await Promise.all(students.map((s) => s.stream.waitFor((d) => d.state?.phases?.[0] === 'revealed', 20_000)));
	} finally {
		for (const s of students) s.stream.close();
		await server.kill('SIGTERM');
	}
});
