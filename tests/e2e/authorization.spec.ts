/**
 * Who may do what: every protected route and action against every kind of visitor.
 * The expected outcomes are in one table; a new route must be added to it.
 */
import { startApp, type AppProcess } from './app-process';
import { expect, SLUG, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';

const ROLES = ['anonymous', 'studentOfClass', 'studentOfOtherClass', 'otherTeacher', 'owner'] as const;
type Role = (typeof ROLES)[number];
/** A status, or a redirect to sign-in or to the join page. */
type Outcome = number | 'to-signin' | 'to-join';

interface Case {
	what: string;
	method: 'GET' | 'POST';
	path: (s: Seeded) => string;
	form?: (s: Seeded) => Record<string, string>;
	expect: Record<Role, Outcome>;
	/** Text that must not appear in the response for these roles (data from class A). */
	mustNotShow?: Partial<Record<Role, string>>;
}

const TEACHER_PAGE: Record<Role, Outcome> = { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 404, owner: 200 };
const TEACHER_ACTION = TEACHER_PAGE;
const A = (s: Seeded) => `/teach/classes/${s.classA.id}`;
const ASSIGNMENT = (s: Seeded) => `${A(s)}/assignments/${s.assignmentA}`;
const STUDENT_ASSIGNMENT = (s: Seeded) => `/me/assignments/${s.assignmentA}`;
const STUDENT_PAGE: Record<Role, Outcome> = { anonymous: 'to-join', studentOfClass: 200, studentOfOtherClass: 404, otherTeacher: 403, owner: 403 };
/** The admin's own quiz (made in beforeAll) and the pack's quiz, by address. */
const Q = () => `/teach/quizzes/${encodeURIComponent(quiz.id)}`;
const PACK_QUIZ = `/teach/quizzes/${encodeURIComponent(`${SLUG}/quiz-mexico-attribution`)}`;
const QUIZ_TITLE = 'Ada’s private quiz';
const MC_QUESTION = {
	type: 'multiple-choice',
	prompt: 'Is there a byline?',
	claim: '',
	certainty: 'on',
	explanation: 'No author is named.',
	'option-count': '2',
	'option-0-label': 'No',
	'option-0-feedback': 'Right.',
	'option-1-label': 'Yes',
	'option-1-feedback': 'Look again.',
	correct: '0'
};

const CASES: Case[] = [
	{ what: 'public article', method: 'GET', path: () => `/articles/${SLUG}`, expect: { anonymous: 200, studentOfClass: 200, studentOfOtherClass: 200, otherTeacher: 200, owner: 200 } },
	{ what: 'claim ledger', method: 'GET', path: () => `/articles/${SLUG}/claims`, expect: { anonymous: 200, studentOfClass: 200, studentOfOtherClass: 200, otherTeacher: 200, owner: 200 } },
	{ what: 'practice quiz (open to all)', method: 'GET', path: () => `/articles/${SLUG}/practice`, expect: { anonymous: 200, studentOfClass: 200, studentOfOtherClass: 200, otherTeacher: 200, owner: 200 } },
	{ what: 'setup, once done', method: 'GET', path: () => '/setup', expect: { anonymous: 'to-signin', studentOfClass: 'to-signin', studentOfOtherClass: 'to-signin', otherTeacher: 'to-signin', owner: 'to-signin' } },
	{
		what: 'setup action, once done',
		method: 'POST',
		path: () => '/setup',
		form: () => ({ name: 'Mallory', email: 'mallory@evil.test', password: 'quiet orchard lamp', mode: 'open' }),
		expect: { anonymous: 403, studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 403, owner: 403 }
	},
	{
		what: 'teacher dashboard',
		method: 'GET',
		path: () => '/teach',
		expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, owner: 200 },
		mustNotShow: { otherTeacher: 'Class A' }
	},
	{ what: 'admin settings', method: 'GET', path: () => '/teach/settings', expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 403, owner: 200 } },
	{ what: 'create an invite', method: 'POST', path: () => '/teach/settings?/invite', form: () => ({}), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 403, owner: 200 } },
	{ what: 'change sign-up mode', method: 'POST', path: () => '/teach/settings?/mode', form: () => ({ mode: 'open' }), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 403, owner: 200 } },
	{ what: 'create a class', method: 'POST', path: () => '/teach?/create', form: () => ({ name: 'Another class' }), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 303, owner: 303 } },
	{ what: 'class page', method: 'GET', path: A, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: 'Ana' } },
	{ what: 'class join screen', method: 'GET', path: (s) => `${A(s)}/join-screen`, expect: TEACHER_PAGE },
	{ what: 'class export (JSON)', method: 'GET', path: (s) => `${A(s)}/export.json`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: 'Ana' } },
	{ what: 'class export (CSV)', method: 'GET', path: (s) => `${A(s)}/export.csv`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: 'Ana' } },
	{ what: 'a class id that does not exist', method: 'GET', path: () => '/teach/classes/not-a-real-class-id', expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'rename class', method: 'POST', path: (s) => `${A(s)}?/rename`, form: () => ({ name: 'Class A' }), expect: TEACHER_ACTION },
	{ what: 'open join', method: 'POST', path: (s) => `${A(s)}?/openJoin`, form: () => ({ open: 'false' }), expect: TEACHER_ACTION },
	{ what: 'add to roster', method: 'POST', path: (s) => `${A(s)}?/roster`, form: () => ({ names: 'Zed' }), expect: TEACHER_ACTION },
	{ what: 'rename a student', method: 'POST', path: (s) => `${A(s)}?/renameStudent`, form: (s) => ({ student: s.classA.studentIds['Amir'], name: 'Amir K' }), expect: TEACHER_ACTION },
	{ what: 'rejoin code for a student', method: 'POST', path: (s) => `${A(s)}?/rejoin`, form: (s) => ({ student: s.classA.studentIds['Ana'] }), expect: TEACHER_ACTION },
	{
		what: "another class's student through this class",
		method: 'POST',
		path: (s) => `${A(s)}?/removeStudent`,
		form: (s) => ({ student: s.classB.studentIds['Bea'] }),
		expect: { ...TEACHER_ACTION, owner: 404 }
	},
	{ what: 'delete class (wrong confirmation)', method: 'POST', path: (s) => `${A(s)}?/delete`, form: () => ({ confirm: 'nope' }), expect: { ...TEACHER_ACTION, owner: 400 } },
	{ what: 'assign a quiz (page)', method: 'GET', path: (s) => `${A(s)}/assign`, expect: TEACHER_PAGE },
	{ what: 'assign a quiz', method: 'POST', path: (s) => `${A(s)}/assign`, form: () => ({ quiz: 'mexico-says-no-to-us-troops/quiz-mexico-attribution', opensAt: '2099-01-01T09:00', closesAt: '2099-01-02T09:00', maxAttempts: '1', feedback: 'after-submit' }), expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'assignment results', method: 'GET', path: ASSIGNMENT, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: 'Ana' } },
	{ what: 'assignment results (CSV)', method: 'GET', path: (s) => `${ASSIGNMENT(s)}/results.csv`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: 'Ana' } },
	{ what: 'grade written answers', method: 'GET', path: (s) => `${ASSIGNMENT(s)}/grade`, expect: TEACHER_PAGE },
	{ what: 'grade an answer that is not in the assignment', method: 'POST', path: (s) => `${ASSIGNMENT(s)}/grade`, form: () => ({ response: 'not-a-response', met: '0' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{ what: 'assignment settings (closing before opening)', method: 'POST', path: (s) => `${ASSIGNMENT(s)}?/update`, form: () => ({ opensAt: '2026-01-02T09:00', closesAt: '2026-01-01T09:00', maxAttempts: '1', feedback: 'after-submit' }), expect: { ...TEACHER_ACTION, owner: 400 } },
	{ what: 'an assignment id that does not exist', method: 'GET', path: (s) => `${A(s)}/assignments/not-an-assignment`, expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'student assignment page', method: 'GET', path: STUDENT_ASSIGNMENT, expect: STUDENT_PAGE },
	{ what: 'student question page', method: 'GET', path: (s) => `${STUDENT_ASSIGNMENT(s)}/1`, expect: STUDENT_PAGE },
	{ what: 'student plain article', method: 'GET', path: (s) => `${STUDENT_ASSIGNMENT(s)}/article`, expect: STUDENT_PAGE },
	{ what: 'student submit page', method: 'GET', path: (s) => `${STUDENT_ASSIGNMENT(s)}/submit`, expect: STUDENT_PAGE },
	{ what: 'start an attempt', method: 'POST', path: (s) => `${STUDENT_ASSIGNMENT(s)}?/start`, form: () => ({}), expect: { ...STUDENT_PAGE, studentOfClass: 303 } },
	{ what: 'answer with a forged attempt id', method: 'POST', path: (s) => `${STUDENT_ASSIGNMENT(s)}/1?/answer`, form: () => ({ attempt: 'not-an-attempt', question: 'q01', choice: '0' }), expect: { ...STUDENT_PAGE, studentOfClass: 404 } },
	{
		what: 'quiz list',
		method: 'GET',
		path: () => '/teach/quizzes',
		expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, owner: 200 },
		mustNotShow: { otherTeacher: QUIZ_TITLE }
	},
	{ what: 'create a quiz', method: 'POST', path: () => '/teach/quizzes?/create', form: () => ({ article: SLUG, title: 'Another quiz' }), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 303, owner: 303 } },
	{ what: 'copy a quiz from the list', method: 'POST', path: () => '/teach/quizzes?/copy', form: () => ({ quiz: quiz.id }), expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'quiz editor', method: 'GET', path: Q, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: QUIZ_TITLE } },
	{ what: 'pack quiz (read-only, any teacher)', method: 'GET', path: () => PACK_QUIZ, expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, owner: 200 } },
	{ what: 'a quiz id that does not exist', method: 'GET', path: () => '/teach/quizzes/not-a-real-quiz', expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'edit quiz details', method: 'POST', path: () => `${Q()}?/details`, form: () => ({ title: QUIZ_TITLE, description: 'Mine.' }), expect: TEACHER_ACTION },
	{ what: 'edit a pack quiz', method: 'POST', path: () => `${PACK_QUIZ}?/details`, form: () => ({ title: 'Taken over', description: '' }), expect: { ...TEACHER_ACTION, otherTeacher: 409, owner: 409 } },
	{ what: 'add a question', method: 'POST', path: () => `${Q()}?/addQuestion`, form: () => MC_QUESTION, expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'edit a question', method: 'POST', path: () => `${Q()}?/updateQuestion`, form: () => ({ ...MC_QUESTION, question: quiz.questionId }), expect: TEACHER_ACTION },
	{ what: 'move a question', method: 'POST', path: () => `${Q()}?/move`, form: () => ({ question: quiz.questionId, direction: 'down' }), expect: TEACHER_ACTION },
	{ what: 'draft questions from claims', method: 'POST', path: () => `${Q()}?/draft`, form: () => ({ claim: 'c12', kind: 'whose-voice' }), expect: TEACHER_ACTION },
	{ what: 'copy a quiz from its page', method: 'POST', path: () => `${Q()}?/copy`, form: () => ({}), expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'remove a question', method: 'POST', path: () => `${Q()}?/remove`, form: () => ({ question: quiz.questionId, confirm: 'yes' }), expect: { ...TEACHER_ACTION, owner: 200 } },
	{ what: 'remove a question already removed', method: 'POST', path: () => `${Q()}?/remove`, form: () => ({ question: quiz.questionId, confirm: 'yes' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{
		what: 'student home',
		method: 'GET',
		path: () => '/me',
		expect: { anonymous: 'to-join', studentOfClass: 200, studentOfOtherClass: 200, otherTeacher: 403, owner: 403 },
		mustNotShow: { studentOfOtherClass: 'Class A' }
	},
	{ what: 'sign out everywhere', method: 'POST', path: () => '/signout?/everywhere', form: () => ({}), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 'to-signin', owner: 'to-signin' } }
];

let app: AppProcess;
let seeded: Seeded;
let quiz: { id: string; questionId: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url);
	const created = await post(seeded.admin, '/teach/quizzes?/create', { article: SLUG, title: QUIZ_TITLE });
	const id = decodeURIComponent(created.headers()['location'].split('/').pop()!);
	const added = await post(seeded.admin, `/teach/quizzes/${encodeURIComponent(id)}?/addQuestion`, MC_QUESTION);
	quiz = { id, questionId: new URL(added.headers()['location'], app.url).searchParams.get('added')! };
});

test.afterAll(async () => app?.stop());

function contextFor(role: Role) {
	return {
		anonymous: seeded.anonymous,
		studentOfClass: seeded.studentA,
		studentOfOtherClass: seeded.studentB,
		otherTeacher: seeded.otherTeacher,
		owner: seeded.admin
	}[role];
}

test('every protected route and action answers each kind of visitor as the table says', async () => {
	const mismatches: string[] = [];
	// "sign out everywhere" ends the teachers' sessions, so it runs last.
	for (const c of CASES) {
		for (const role of ROLES) {
			const ctx = contextFor(role);
			const path = c.path(seeded);
			const response =
				c.method === 'GET' ? await ctx.get(path) : await ctx.post(path, { form: c.form?.(seeded) ?? {} });
			const location = response.headers()['location'] ?? '';
			const outcome: Outcome =
				response.status() === 303 && location.startsWith('/signin')
					? 'to-signin'
					: response.status() === 303 && location === '/join'
						? 'to-join'
						: response.status();
			if (outcome !== c.expect[role]) mismatches.push(`${c.what} as ${role}: expected ${c.expect[role]}, got ${outcome}`);
			const secret = c.mustNotShow?.[role];
			if (secret && (await response.text()).includes(secret)) mismatches.push(`${c.what} as ${role}: shows “${secret}”`);
		}
	}
	expect(mismatches).toEqual([]);
});

test('a form posted from another site is refused', async () => {
	const { client } = await import('./http-seed');
	const forged = await client(app.url, 'http://evil.example');
	const response = await forged.post('/setup', { form: { name: 'x', email: 'x@x.test', password: 'long enough pass', mode: 'open' } });
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('Cross-site');
});
