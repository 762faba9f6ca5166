// Students for `npm run bench live`, written straight into the database: a class holds at
// most 200 students through the app's forms (MAX_ROSTER_NAMES), and a session of 2,000
// needs one class of 2,000. Each student gets a signed-in device exactly as joining makes
// one (a session row with the SHA-256 of its secret, linked to the student), so every
// request the bench then makes goes through the app's own checks.
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from '@libsql/client';
import postgres from 'postgres';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 120 random bits as 24 lowercase base32 characters, the shape of the app's ids and secrets. */
function token() {
	const bytes = randomBytes(15);
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return out;
}

/** Adds `count` students named `${prefix}1…count` to the class, each signed in on a device; returns [{ name, cookie }]. */
export async function addSignedInStudents(databaseUrl, classId, count, prefix) {
	const now = new Date();
	const rows = Array.from({ length: count }, (_, i) => {
		const name = `${prefix}${i + 1}`;
		const secret = token();
		return {
			name,
			studentId: token(),
			sessionId: token(),
			secret,
			secretHash: createHash('sha256').update(secret).digest('hex'),
			nameKey: name.toLowerCase()
		};
	});
	if (databaseUrl.startsWith('postgres')) {
		const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
		try {
			await sql.begin(async (tx) => {
				for (let i = 0; i < rows.length; i += 500) {
					const part = rows.slice(i, i + 500);
					await tx`insert into students ${tx(part.map((r) => ({ id: r.studentId, class_id: classId, display_name: r.name, name_key: r.nameKey, claimed_at: now, created_at: now })))}`;
					await tx`insert into sessions ${tx(part.map((r) => ({ id: r.sessionId, secret_hash: r.secretHash, teacher_id: null, created_at: now, last_verified_at: now })))}`;
					await tx`insert into session_students ${tx(part.map((r) => ({ session_id: r.sessionId, student_id: r.studentId })))}`;
				}
			});
		} finally {
			await sql.end();
		}
	} else {
		const db = createClient({ url: `file:${databaseUrl}`, timeout: 5000 });
		try {
			const ms = now.getTime();
			await db.batch(
				rows.flatMap((r) => [
					{ sql: 'insert into students (id, class_id, display_name, name_key, claimed_at, created_at) values (?, ?, ?, ?, ?, ?)', args: [r.studentId, classId, r.name, r.nameKey, ms, ms] },
					{ sql: 'insert into sessions (id, secret_hash, teacher_id, created_at, last_verified_at) values (?, ?, null, ?, ?)', args: [r.sessionId, r.secretHash, ms, ms] },
					{ sql: 'insert into session_students (session_id, student_id) values (?, ?)', args: [r.sessionId, r.studentId] }
				]),
				'write'
			);
		} finally {
			db.close();
		}
	}
	return rows.map((r) => ({ name: r.name, cookie: `lab_session=${r.sessionId}.${r.secret}` }));
}
