/**
 * Who may do what: every protected route and action against every kind of visitor.
 * The expected outcomes are in one table; a new route must be added to it.
 */
import { freshDatabaseFile, startApp, type AppProcess } from './app-process';
import { expect, SLUG, test } from './fixtures';
import { client, post, seed, signUpWaiting, waitingTeachers, type Seeded } from './http-seed';

// The owner comes last, so in the approve and refuse rows everyone else tries first.
const ROLES = ['anonymous', 'studentOfClass', 'studentOfOtherClass', 'otherTeacher', 'pendingTeacher', 'owner'] as const;
type Role = (typeof ROLES)[number];
/** A status, or a redirect to sign-in, to the join page, or to the waiting-for-approval page. */
type Outcome = number | 'to-signin' | 'to-join' | 'to-waiting';

interface Case {
	what: string;
	/** STREAM: a GET of an event stream, read up to its first event and then closed. */
	method: 'GET' | 'POST' | 'STREAM';
	path: (s: Seeded) => string;
	form?: (s: Seeded) => Record<string, string>;
	expect: Record<Role, Outcome>;
	/** Text that must not appear in the response for these roles (data from class A, answer keys). */
	mustNotShow?: Partial<Record<Role, string[]>>;
	/** Text that must appear for these roles: proof that what `mustNotShow` looks for is really there. */
	mustShow?: Partial<Record<Role, string[]>>;
}

/** A teacher still waiting for approval is sent to the waiting page by every teacher page and download... */
const TEACHER_PAGE: Record<Role, Outcome> = { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 404, pendingTeacher: 'to-waiting', owner: 200 };
/** ...and refused by every teacher action. */
const TEACHER_ACTION: Record<Role, Outcome> = { ...TEACHER_PAGE, pendingTeacher: 403 };
/** What only the admin may do. */
const ADMIN_ACTION: Record<Role, Outcome> = { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 403, pendingTeacher: 403, owner: 200 };
const EVERYONE: Record<Role, Outcome> = { anonymous: 200, studentOfClass: 200, studentOfOtherClass: 200, otherTeacher: 200, pendingTeacher: 200, owner: 200 };
const A = (s: Seeded) => `/teach/classes/${s.classA.id}`;
const ASSIGNMENT = (s: Seeded) => `${A(s)}/assignments/${s.assignmentA}`;
const RESULTS = (s: Seeded) => `/teach/results/assignment/${s.assignmentA}`;
const STUDENT_ASSIGNMENT = (s: Seeded) => `/me/assignments/${s.assignmentA}`;
/** The live session running in class A (started in beforeAll): the teacher's screens and actions. */
const LIVE = () => `/teach/live/${liveId}`;
const STUDENT_PAGE: Record<Role, Outcome> = { anonymous: 'to-join', studentOfClass: 200, studentOfOtherClass: 404, otherTeacher: 403, pendingTeacher: 403, owner: 403 };
/** The admin's own quiz (made in beforeAll) and the pack's quiz, by address. */
const Q = () => `/teach/quizzes/${encodeURIComponent(quiz.id)}`;
const PACK_QUIZ_ID = `${SLUG}/quiz-mexico-attribution`;
const PACK_QUIZ = `/teach/quizzes/${encodeURIComponent(PACK_QUIZ_ID)}`;
const QUIZ_TITLE = 'Ada’s private quiz';
/** In the pack quiz page's data for any approved teacher: a key, and the feedback on a wrong option. */
const PACK_QUIZ_KEYS = ['correct:true', 'not something she rejects'];
/** The same in a client-side navigation's page data, where values are stored apart from their keys. */
const DATA_KEYS = ['"correct"', 'not something she rejects'];
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

const ARTICLE_TITLE = 'Ada’s article for her class';
const DRAFT_TITLE = 'Ada’s unpublished draft';
/** The review form's fields for a small article. */
const ARTICLE_PARTS = (title: string) => ({ title, body: 'The council met on Tuesday.\n\n## Next\n\nRoutes start in June.', outlet: 'Riverside Gazette', author: 'Priya Shah', date: '2025-03-14', originalUrl: '', language: 'en' });

/** A claim and a note on the first sentence of ARTICLE_PARTS' text, from a stale page. */
const EDITOR_CLAIM = { start: '0', end: '27', speaker: 'new', speakerName: 'Tom Reed', speakerRole: 'advocacy-group', speakerDescription: 'Riders’ union chair', speakerStake: 'More routes', relationship: 'Campaigner', form: 'direct-quote', check: 'unverified', checkNote: '', revision: '9999' };
const EDITOR_NOTE = { start: '0', end: '11', layer: 'framing', title: 'Which council?', body: 'It is not named.', checkIt: '', revision: '9999' };

const CASES: Case[] = [
	{ what: 'public article', method: 'GET', path: () => `/articles/${SLUG}`, expect: EVERYONE },
	{ what: 'claim ledger', method: 'GET', path: () => `/articles/${SLUG}/claims`, expect: EVERYONE },
	{ what: 'health check (for load balancers; no cookies needed)', method: 'GET', path: () => '/healthz', expect: EVERYONE, mustShow: { anonymous: ['"status":"ok"', '"database":"sqlite"'] } },
	{ what: 'practice quiz (open to all)', method: 'GET', path: () => `/articles/${SLUG}/practice`, expect: EVERYONE },
	{ what: 'setup, once done', method: 'GET', path: () => '/setup', expect: { anonymous: 'to-signin', studentOfClass: 'to-signin', studentOfOtherClass: 'to-signin', otherTeacher: 'to-signin', pendingTeacher: 'to-signin', owner: 'to-signin' } },
	{
		what: 'setup action, once done',
		method: 'POST',
		path: () => '/setup',
		form: () => ({ name: 'Mallory', email: 'mallory@evil.test', password: 'quiet orchard lamp', mode: 'open' }),
		expect: { anonymous: 403, studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 403, pendingTeacher: 403, owner: 403 }
	},
	{
		what: 'waiting-for-approval page',
		method: 'GET',
		path: () => '/teach/waiting',
		expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 303, pendingTeacher: 200, owner: 303 }
	},
	{
		what: 'teacher dashboard',
		method: 'GET',
		path: () => '/teach',
		expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, pendingTeacher: 'to-waiting', owner: 200 },
		mustNotShow: { otherTeacher: ['Class A'] }
	},
	{
		what: 'settings (every teacher’s time zone; the admin’s settings for the admin only)',
		method: 'GET',
		path: () => '/teach/settings',
		expect: { ...ADMIN_ACTION, otherTeacher: 200, pendingTeacher: 'to-waiting' },
		mustShow: { owner: ['pat@school.test', 'Your time zone'], otherTeacher: ['Your time zone'] },
		mustNotShow: { otherTeacher: ['pat@school.test', 'Invite a teacher'] }
	},
	{ what: 'a teacher’s time zone', method: 'POST', path: () => '/teach/settings?/timeZone', form: () => ({ zone: 'America/Chicago' }), expect: { ...ADMIN_ACTION, otherTeacher: 200 } },
	{ what: 'a student device’s time zone', method: 'POST', path: () => '/me?/timeZone', form: () => ({ zone: 'America/Los_Angeles' }), expect: { ...STUDENT_PAGE, studentOfOtherClass: 200 } },
	{
		what: 'the zone a browser detected (remembered only when none is)',
		method: 'POST',
		path: () => '/time-zone',
		form: () => ({ zone: 'Europe/Madrid' }),
		expect: { anonymous: 401, studentOfClass: 204, studentOfOtherClass: 204, otherTeacher: 204, pendingTeacher: 403, owner: 204 }
	},
	{ what: 'create an invite', method: 'POST', path: () => '/teach/settings?/invite', form: () => ({}), expect: ADMIN_ACTION },
	{ what: 'change sign-up mode', method: 'POST', path: () => '/teach/settings?/mode', form: () => ({ mode: 'open' }), expect: ADMIN_ACTION },
	{ what: 'approve a waiting teacher', method: 'POST', path: () => '/teach/settings?/approve', form: () => ({ teacher: waiting['quinn@school.test'] }), expect: ADMIN_ACTION },
	{ what: 'approve a teacher already approved', method: 'POST', path: () => '/teach/settings?/approve', form: () => ({ teacher: waiting['quinn@school.test'] }), expect: { ...ADMIN_ACTION, owner: 409 } },
	{ what: 'refuse a teacher already approved', method: 'POST', path: () => '/teach/settings?/refuse', form: () => ({ teacher: waiting['quinn@school.test'], confirm: 'yes' }), expect: { ...ADMIN_ACTION, owner: 409 } },
	{ what: 'delete a teacher with a forged id', method: 'POST', path: () => '/teach/settings?/deleteTeacher', form: () => ({ teacher: 'not-a-teacher', confirm: 'quinn@school.test' }), expect: { ...ADMIN_ACTION, owner: 404 } },
	{ what: 'delete a leaving teacher without typing their email', method: 'POST', path: () => '/teach/settings?/deleteTeacher', form: () => ({ teacher: waiting['quinn@school.test'], confirm: '' }), expect: { ...ADMIN_ACTION, owner: 400 } },
	{ what: 'delete a leaving teacher and their classes', method: 'POST', path: () => '/teach/settings?/deleteTeacher', form: () => ({ teacher: waiting['quinn@school.test'], confirm: 'quinn@school.test' }), expect: ADMIN_ACTION },
	{ what: 'refuse without confirming', method: 'POST', path: () => '/teach/settings?/refuse', form: () => ({ teacher: waiting['rae@school.test'] }), expect: { ...ADMIN_ACTION, owner: 400 } },
	{ what: 'refuse a waiting teacher', method: 'POST', path: () => '/teach/settings?/refuse', form: () => ({ teacher: waiting['rae@school.test'], confirm: 'yes' }), expect: ADMIN_ACTION },
	{ what: 'approve a teacher id that does not exist', method: 'POST', path: () => '/teach/settings?/approve', form: () => ({ teacher: 'not-a-teacher' }), expect: { ...ADMIN_ACTION, owner: 404 } },
	{ what: 'create a class', method: 'POST', path: () => '/teach?/create', form: () => ({ name: 'Another class' }), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 303, pendingTeacher: 403, owner: 303 } },
	{ what: 'class page', method: 'GET', path: A, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'class join screen', method: 'GET', path: (s) => `${A(s)}/join-screen`, expect: TEACHER_PAGE },
	{ what: 'class join screen’s live updates', method: 'STREAM', path: (s) => `${A(s)}/join-screen/events`, expect: TEACHER_PAGE, mustShow: { owner: ['"joined"'] } },
	{ what: 'class export (JSON)', method: 'GET', path: (s) => `${A(s)}/export.json`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'class export (CSV)', method: 'GET', path: (s) => `${A(s)}/export.csv`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'students by assignments', method: 'GET', path: (s) => `${A(s)}/students`, expect: TEACHER_PAGE, mustShow: { owner: ['Ana'] }, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'students by assignments (CSV)', method: 'GET', path: (s) => `${A(s)}/students.csv`, expect: TEACHER_PAGE, mustShow: { owner: ['Ana'] }, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
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
	{ what: 'assignment results', method: 'GET', path: ASSIGNMENT, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'assignment results (CSV)', method: 'GET', path: (s) => `${ASSIGNMENT(s)}/results.csv`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'grade written answers', method: 'GET', path: (s) => `${ASSIGNMENT(s)}/grade`, expect: TEACHER_PAGE },
	{ what: 'results by claim', method: 'GET', path: (s) => `/teach/results/assignment/${s.assignmentA}/claims`, expect: TEACHER_PAGE },
	{ what: 'results by claim (CSV)', method: 'GET', path: (s) => `/teach/results/assignment/${s.assignmentA}/claims.csv`, expect: TEACHER_PAGE },
	{ what: 'results over the passage, one claim chosen', method: 'GET', path: (s) => `/teach/results/assignment/${s.assignmentA}/passage?claim=c19`, expect: TEACHER_PAGE },
	{ what: 'results over the passage (CSV)', method: 'GET', path: (s) => `/teach/results/assignment/${s.assignmentA}/passage.csv`, expect: TEACHER_PAGE },
	{ what: 'live results by claim', method: 'GET', path: () => `/teach/results/live/${liveId}/claims`, expect: TEACHER_PAGE },
	{ what: 'live results over the passage', method: 'GET', path: () => `/teach/results/live/${liveId}/passage`, expect: TEACHER_PAGE },
	{ what: 'claims across the class', method: 'GET', path: (s) => `${A(s)}/claims`, expect: TEACHER_PAGE },
	{ what: 'claims across the class (CSV)', method: 'GET', path: (s) => `${A(s)}/claims.csv`, expect: TEACHER_PAGE },
	{ what: 'results dashboard by question', method: 'GET', path: (s) => RESULTS(s), expect: TEACHER_PAGE, mustShow: { owner: ['results by question'] } },
	{ what: 'results dashboard by question (CSV)', method: 'GET', path: (s) => `${RESULTS(s)}/questions.csv`, expect: TEACHER_PAGE, mustShow: { owner: ['facility'] } },
	{ what: 'results dashboard, one question', method: 'GET', path: (s) => `${RESULTS(s)}/questions/1`, expect: TEACHER_PAGE, mustShow: { owner: ['How the class answered'] } },
	{ what: 'results dashboard, one question (CSV)', method: 'GET', path: (s) => `${RESULTS(s)}/questions/1.csv`, expect: TEACHER_PAGE, mustShow: { owner: ['Q1'] } },
	{ what: 'results dashboard, a question that does not exist', method: 'GET', path: (s) => `${RESULTS(s)}/questions/99`, expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'results dashboard, one student', method: 'GET', path: (s) => `${RESULTS(s)}/students/${s.classA.studentIds['Ana']}`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] }, mustShow: { owner: ['Ana'] } },
	{ what: 'results dashboard, one student (CSV)', method: 'GET', path: (s) => `${RESULTS(s)}/students/${s.classA.studentIds['Ana']}.csv`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] }, mustShow: { owner: ['Ana'] } },
	{ what: 'results dashboard, another class’s student', method: 'GET', path: (s) => `${RESULTS(s)}/students/${s.classB.studentIds['Bea']}`, expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'results dashboard, an attempt that is not a number', method: 'GET', path: (s) => `${RESULTS(s)}/students/${s.classA.studentIds['Ana']}?attempt=x`, expect: { ...TEACHER_PAGE, owner: 400 } },
	{ what: 'results dashboard’s live updates', method: 'STREAM', path: (s) => `${RESULTS(s)}/events`, expect: TEACHER_PAGE, mustShow: { owner: ['v:'] } },
	{ what: 'grade an answer that is not in the assignment', method: 'POST', path: (s) => `${ASSIGNMENT(s)}/grade`, form: () => ({ response: 'not-a-response', met: '0' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{ what: 'assignment settings (closing before opening)', method: 'POST', path: (s) => `${ASSIGNMENT(s)}?/update`, form: () => ({ opensAt: '2026-01-02T09:00', closesAt: '2026-01-01T09:00', maxAttempts: '1', feedback: 'after-submit' }), expect: { ...TEACHER_ACTION, owner: 400 } },
	{ what: 'an assignment id that does not exist', method: 'GET', path: (s) => `${A(s)}/assignments/not-an-assignment`, expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'start a live session on the class page (one is running)', method: 'POST', path: (s) => `${A(s)}?/startLive`, form: () => ({ quiz: PACK_QUIZ_ID }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'start a live session with a pacing that does not exist', method: 'POST', path: (s) => `${A(s)}?/startLive`, form: () => ({ quiz: PACK_QUIZ_ID, pacing: 'warp' }), expect: { ...TEACHER_ACTION, owner: 400 } },
	{ what: 'start a live session on a quiz page (that class has one running)', method: 'POST', path: () => `${PACK_QUIZ}?/startLive`, form: (s) => ({ class: s.classA.id }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'live session controls', method: 'GET', path: LIVE, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] }, mustShow: { owner: ['Ana', 'Start: show question 1'] } },
	{ what: 'live session projector', method: 'GET', path: () => `${LIVE()}/projector`, expect: TEACHER_PAGE, mustShow: { owner: ['QR code'] } },
	{ what: 'live session’s teacher stream', method: 'STREAM', path: () => `${LIVE()}/events`, expect: TEACHER_PAGE, mustShow: { owner: ['"version"'] } },
	{ what: 'live session results', method: 'GET', path: () => `${LIVE()}/results`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] } },
	{ what: 'live session results (CSV)', method: 'GET', path: () => `${LIVE()}/results.csv`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] }, mustShow: { owner: ['Ana'] } },
	{ what: 'results dashboard of a live session', method: 'GET', path: () => `/teach/results/live/${liveId}`, expect: TEACHER_PAGE, mustShow: { owner: ['results by question'] } },
	{ what: 'results dashboard of a live session, one student', method: 'GET', path: (s) => `/teach/results/live/${liveId}/students/${s.classA.studentIds['Ana']}`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: ['Ana'], pendingTeacher: ['Ana'] }, mustShow: { owner: ['Ana'] } },
	{ what: 'a live session id that does not exist', method: 'GET', path: () => '/teach/live/aaaaaaaaaaaaaaaaaaaaaaaa', expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'a live command on a state nobody saw', method: 'POST', path: () => `${LIVE()}?/command`, form: () => ({ command: 'lock', version: '999' }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'a live command that does not exist', method: 'POST', path: () => `${LIVE()}?/command`, form: () => ({ command: 'explode', version: '0' }), expect: { ...TEACHER_ACTION, owner: 400 } },
	{ what: 'remove another class’s student from the live session', method: 'POST', path: () => `${LIVE()}?/remove`, form: (s) => ({ student: s.classB.studentIds['Bea'] }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{ what: 'rename another class’s student in the live session', method: 'POST', path: () => `${LIVE()}?/rename`, form: (s) => ({ student: s.classB.studentIds['Bea'], name: 'Mallory' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{ what: 'rename a student in the live session', method: 'POST', path: () => `${LIVE()}?/rename`, form: (s) => ({ student: s.classA.studentIds['Amir'], name: 'Amir K' }), expect: TEACHER_ACTION },
	{ what: 'remove a student from the live session', method: 'POST', path: () => `${LIVE()}?/remove`, form: (s) => ({ student: s.classA.studentIds['Amir'] }), expect: TEACHER_ACTION },
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
		expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, pendingTeacher: 'to-waiting', owner: 200 },
		mustNotShow: { otherTeacher: [QUIZ_TITLE] }
	},
	{ what: 'create a quiz', method: 'POST', path: () => '/teach/quizzes?/create', form: () => ({ article: SLUG, title: 'Another quiz' }), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 303, pendingTeacher: 403, owner: 303 } },
	{ what: 'copy a quiz from the list', method: 'POST', path: () => '/teach/quizzes?/copy', form: () => ({ quiz: quiz.id }), expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'quiz editor', method: 'GET', path: Q, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: [QUIZ_TITLE], pendingTeacher: [QUIZ_TITLE] } },
	{
		what: 'pack quiz (read-only, any approved teacher)',
		method: 'GET',
		path: () => PACK_QUIZ,
		expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, pendingTeacher: 'to-waiting', owner: 200 },
		mustNotShow: { pendingTeacher: PACK_QUIZ_KEYS, anonymous: PACK_QUIZ_KEYS, studentOfClass: PACK_QUIZ_KEYS },
		mustShow: { otherTeacher: PACK_QUIZ_KEYS, owner: PACK_QUIZ_KEYS }
	},
	{
		// SvelteKit answers every data request 200 and puts a redirect or error inside it.
		what: 'pack quiz page data (client-side navigation)',
		method: 'GET',
		path: () => `${PACK_QUIZ}/__data.json`,
		expect: EVERYONE,
		mustNotShow: { pendingTeacher: DATA_KEYS, anonymous: DATA_KEYS, studentOfClass: DATA_KEYS },
		mustShow: { pendingTeacher: ['/teach/waiting'], owner: DATA_KEYS }
	},
	{ what: 'a quiz id that does not exist', method: 'GET', path: () => '/teach/quizzes/not-a-real-quiz', expect: { ...TEACHER_PAGE, owner: 404 } },
	// Exports follow the quiz page's rule: a teacher's own quiz only for them, the pack's (with its keys) for approved teachers.
	...(['gift', 'xml'] as const).flatMap((format): Case[] => [
		{ what: `export own quiz (${format})`, method: 'GET', path: () => `${Q()}/export.${format}`, expect: TEACHER_PAGE, mustNotShow: { otherTeacher: [QUIZ_TITLE, 'Is there a byline?'], pendingTeacher: [QUIZ_TITLE] }, mustShow: { owner: [QUIZ_TITLE, 'Is there a byline?'] } },
		{
			what: `export pack quiz (${format})`,
			method: 'GET',
			path: () => `${PACK_QUIZ}/export.${format}`,
			expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 200, pendingTeacher: 'to-waiting', owner: 200 },
			mustNotShow: { pendingTeacher: ['not something she rejects'], anonymous: ['not something she rejects'], studentOfClass: ['not something she rejects'] },
			mustShow: { otherTeacher: ['not something she rejects'], owner: ['not something she rejects'] }
		},
		{ what: `export a quiz that does not exist (${format})`, method: 'GET', path: () => `/teach/quizzes/not-a-real-quiz/export.${format}`, expect: { ...TEACHER_PAGE, owner: 404 } }
	]),
	// Approved teachers get as far as the missing file (400); nobody else gets that far.
	{ what: 'import a quiz file', method: 'POST', path: () => '/teach/quizzes?/import', form: () => ({ article: SLUG, title: 'Imported' }), expect: { ...TEACHER_ACTION, otherTeacher: 400, owner: 400 } },
	{ what: 'edit quiz details', method: 'POST', path: () => `${Q()}?/details`, form: () => ({ title: QUIZ_TITLE, description: 'Mine.' }), expect: TEACHER_ACTION },
	{ what: 'edit a pack quiz', method: 'POST', path: () => `${PACK_QUIZ}?/details`, form: () => ({ title: 'Taken over', description: '' }), expect: { ...TEACHER_ACTION, otherTeacher: 409, owner: 409 } },
	{ what: 'add a question', method: 'POST', path: () => `${Q()}?/addQuestion`, form: () => MC_QUESTION, expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'edit a question', method: 'POST', path: () => `${Q()}?/updateQuestion`, form: () => ({ ...MC_QUESTION, question: quiz.questionId }), expect: TEACHER_ACTION },
	{ what: 'move a question', method: 'POST', path: () => `${Q()}?/move`, form: () => ({ question: quiz.questionId, direction: 'down' }), expect: TEACHER_ACTION },
	{ what: 'draft questions from claims', method: 'POST', path: () => `${Q()}?/draft`, form: () => ({ claim: 'c12', kind: 'whose-voice' }), expect: TEACHER_ACTION },
	{ what: 'copy a quiz from its page', method: 'POST', path: () => `${Q()}?/copy`, form: () => ({}), expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'remove a question', method: 'POST', path: () => `${Q()}?/remove`, form: () => ({ question: quiz.questionId, confirm: 'yes' }), expect: { ...TEACHER_ACTION, owner: 200 } },
	{ what: 'remove a question already removed', method: 'POST', path: () => `${Q()}?/remove`, form: () => ({ question: quiz.questionId, confirm: 'yes' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	// Teachers' own articles: Ada's is published to her classes (class A), her draft is hers alone.
	{ what: 'article list', method: 'GET', path: () => '/teach/articles', expect: { ...TEACHER_PAGE, otherTeacher: 200 }, mustNotShow: { otherTeacher: [ARTICLE_TITLE, DRAFT_TITLE] }, mustShow: { owner: [ARTICLE_TITLE, DRAFT_TITLE], otherTeacher: ['Mexico Says No'] } },
	{ what: 'new article page', method: 'GET', path: () => '/teach/articles/new', expect: { ...TEACHER_PAGE, otherTeacher: 200 } },
	{ what: 'new article: check pasted parts', method: 'POST', path: () => '/teach/articles/new?/paste', form: () => ({ text: 'A headline\n\nA paragraph.' }), expect: { ...TEACHER_ACTION, otherTeacher: 200 } },
	{ what: 'new article: a private web address', method: 'POST', path: () => '/teach/articles/new?/fetch', form: () => ({ address: 'http://10.0.0.1/news' }), expect: { ...TEACHER_ACTION, otherTeacher: 400, owner: 400 }, mustShow: { owner: ['private or local network'] } },
	{ what: 'new article: save', method: 'POST', path: () => '/teach/articles/new?/save', form: () => ARTICLE_PARTS('Saved in the matrix'), expect: { ...TEACHER_ACTION, otherTeacher: 303, owner: 303 } },
	{ what: 'copy the shipped article', method: 'POST', path: () => '/teach/articles?/copy', form: () => ({ article: SLUG }), expect: { ...TEACHER_ACTION, otherTeacher: 303, owner: 303 } },
	{ what: 'copy an article shared only with a class', method: 'POST', path: () => '/teach/articles?/copy', form: () => ({ article: article.id }), expect: { ...TEACHER_ACTION, owner: 303 } },
	{ what: 'teacher’s article page', method: 'GET', path: () => `/teach/articles/${article.id}`, expect: TEACHER_PAGE, mustShow: { owner: [ARTICLE_TITLE] } },
	{ what: 'teacher’s draft page', method: 'GET', path: () => `/teach/articles/${draft.id}`, expect: TEACHER_PAGE },
	{ what: 'an article id that does not exist', method: 'GET', path: () => '/teach/articles/t_not-an-article', expect: { ...TEACHER_PAGE, owner: 404 } },
	{ what: 'change an article’s byline (stale form)', method: 'POST', path: () => `/teach/articles/${article.id}?/details`, form: () => ({ ...ARTICLE_PARTS(ARTICLE_TITLE), revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'edit an article’s text (stale form)', method: 'POST', path: () => `/teach/articles/${article.id}?/text`, form: () => ({ body: 'Changed.', revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'publish an article (stale form)', method: 'POST', path: () => `/teach/articles/${article.id}?/publish`, form: () => ({ status: 'draft', visibility: 'private', revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'publish the edited version (stale form)', method: 'POST', path: () => `/teach/articles/${article.id}?/publishVersion`, form: () => ({ revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 409 }, mustShow: { owner: ['Someone else changed this article'] } },
	{ what: 'editor: publish a draft’s version (refused: publish it first)', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/publishVersion`, form: () => ({ revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 409 }, mustShow: { owner: ['This article is a draft'] } },
	{ what: 'import Web Annotations with no file', method: 'POST', path: () => `/teach/articles/${article.id}?/importAnnotations`, form: () => ({ revision: '0' }), expect: { ...TEACHER_ACTION, owner: 400 }, mustShow: { owner: ['Choose a .json or .jsonld file'] } },
	// Content packs: any teacher may download what they may copy; one that would not load is refused (409) with what to fix.
	{ what: 'download the shipped article as a pack', method: 'GET', path: () => `/teach/articles/${SLUG}/pack`, expect: { ...TEACHER_PAGE, otherTeacher: 200 } },
	{ what: 'download an article shared only with a class as a pack (no claims yet)', method: 'GET', path: () => `/teach/articles/${article.id}/pack`, expect: { ...TEACHER_PAGE, owner: 409 }, mustShow: { owner: ['No claim covers'] } },
	{ what: 'import a content pack with no file', method: 'POST', path: () => '/teach/articles?/importPack', form: () => ({}), expect: { ...TEACHER_ACTION, otherTeacher: 400, owner: 400 }, mustShow: { owner: ['Choose a content pack'] } },
	{ what: 'copy from the article’s page', method: 'POST', path: () => `/teach/articles/${article.id}?/copy`, form: () => ({}), expect: { ...TEACHER_ACTION, owner: 303 } },
	// The annotation editor: only the owner; stale forms (revision 9999) are refused with a 409, an unknown claim or note with a 404.
	{ what: 'annotation editor', method: 'GET', path: () => `/teach/articles/${draft.id}/edit`, expect: TEACHER_PAGE, mustShow: { owner: ['Mark claims and notes', 'The council met on Tuesday.'] } },
	{ what: 'annotation editor with words chosen', method: 'GET', path: () => `/teach/articles/${draft.id}/edit?start=0&end=27&add=claim`, expect: TEACHER_PAGE, mustShow: { owner: ['Mark the claim'] } },
	{ what: 'annotation editor on the shipped article (readable, not theirs)', method: 'GET', path: () => `/teach/articles/${SLUG}/edit`, expect: { ...TEACHER_PAGE, otherTeacher: 403, owner: 403 } },
	{ what: 'editor: mark a claim (stale form)', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/claim`, form: () => EDITOR_CLAIM, expect: { ...TEACHER_ACTION, owner: 409 }, mustShow: { owner: ['Someone else changed this article'] } },
	{ what: 'editor: add a note (stale form)', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/note`, form: () => EDITOR_NOTE, expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'editor: add a source (stale form)', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/fact`, form: () => ({ factText: 'Seven voted for it', factOrigin: 'Minutes', factChecked: 'yes', revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 409 } },
	{ what: 'editor: move a claim that does not exist', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/retarget`, form: () => ({ key: 'c-none', start: '0', end: '3', revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{ what: 'editor: confirm a claim that does not exist', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/confirm`, form: () => ({ key: 'c-none', revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{ what: 'editor: delete a claim that does not exist', method: 'POST', path: () => `/teach/articles/${draft.id}/edit?/delete`, form: () => ({ key: 'c-none', revision: '9999' }), expect: { ...TEACHER_ACTION, owner: 404 } },
	{
		what: 'reader of an article published to class A',
		method: 'GET',
		path: () => `/articles/${article.slug}`,
		expect: { anonymous: 404, studentOfClass: 200, studentOfOtherClass: 404, otherTeacher: 404, pendingTeacher: 404, owner: 200 },
		mustShow: { studentOfClass: [ARTICLE_TITLE, 'By Priya Shah'] },
		mustNotShow: { anonymous: [ARTICLE_TITLE], studentOfOtherClass: [ARTICLE_TITLE], otherTeacher: [ARTICLE_TITLE] }
	},
	{ what: 'plain text of an article published to class A', method: 'GET', path: () => `/articles/${article.slug}/text.txt`, expect: { anonymous: 404, studentOfClass: 200, studentOfOtherClass: 404, otherTeacher: 404, pendingTeacher: 404, owner: 200 } },
	{ what: 'reader of a teacher’s draft', method: 'GET', path: () => `/articles/${draft.slug}`, expect: { anonymous: 404, studentOfClass: 404, studentOfOtherClass: 404, otherTeacher: 404, pendingTeacher: 404, owner: 200 } },
	{ what: 'annotations of a teacher’s draft', method: 'GET', path: () => `/articles/${draft.slug}/annotations.jsonld`, expect: { anonymous: 404, studentOfClass: 404, studentOfOtherClass: 404, otherTeacher: 404, pendingTeacher: 404, owner: 200 } },
	// The live session of class A (in its lobby, see beforeAll): only class A's students take part.
	{ what: 'student live session page', method: 'GET', path: () => STUDENT_LIVE(), expect: STUDENT_PAGE, mustShow: { studentOfClass: ['Waiting for your teacher'] } },
	{ what: 'student live session page data', method: 'GET', path: () => `${STUDENT_LIVE()}/__data.json`, expect: EVERYONE, mustNotShow: { studentOfOtherClass: ['"waiting"'], otherTeacher: ['"waiting"'], anonymous: ['"waiting"'] }, mustShow: { studentOfClass: ['"waiting"'] } },
	{ what: 'student live updates', method: 'STREAM', path: () => `${STUDENT_LIVE()}/events`, expect: STUDENT_PAGE, mustShow: { studentOfClass: ['"version"'] } },
	{ what: 'answer in a live session not started yet', method: 'POST', path: () => `${STUDENT_LIVE()}?/answer`, form: () => ({ question: `${PACK_QUIZ_ID}/q01`, choice: '0', certainty: '2' }), expect: { ...STUDENT_PAGE, studentOfClass: 409 } },
	{ what: 'answer a question not in the live session', method: 'POST', path: () => `${STUDENT_LIVE()}?/answer`, form: () => ({ question: 'not-a-question', choice: '0' }), expect: { ...STUDENT_PAGE, studentOfClass: 404 } },
	{ what: 'hand in a teacher-paced live session', method: 'POST', path: () => `${STUDENT_LIVE()}?/handIn`, form: () => ({}), expect: { ...STUDENT_PAGE, studentOfClass: 409 } },
	{ what: 'a student live session that does not exist', method: 'GET', path: () => '/me/live/aaaaaaaaaaaaaaaaaaaaaaaa', expect: { ...STUDENT_PAGE, studentOfClass: 404 } },
	{
		what: 'student home',
		method: 'GET',
		path: () => '/me',
		expect: { anonymous: 'to-join', studentOfClass: 200, studentOfOtherClass: 200, otherTeacher: 403, pendingTeacher: 403, owner: 403 },
		mustNotShow: { studentOfOtherClass: ['Class A'] }
	},
	{ what: 'sign out everywhere', method: 'POST', path: () => '/signout?/everywhere', form: () => ({}), expect: { anonymous: 'to-signin', studentOfClass: 403, studentOfOtherClass: 403, otherTeacher: 'to-signin', pendingTeacher: 'to-signin', owner: 'to-signin' } }
];

/** Ada's articles (made in beforeAll): one published to her classes, one draft. */
let article: { id: string; slug: string };
let draft: { id: string; slug: string };

/** Saves an article through the review form; returns its id and address. */
async function saveArticle(teacher: Seeded['admin'], title: string) {
	const saved = await post(teacher, '/teach/articles/new?/save', ARTICLE_PARTS(title));
	const id = decodeURIComponent(saved.headers()['location'].split('/').pop()!.split('?')[0]);
	const page = await (await teacher.get(`/teach/articles/${id}`)).text();
	return { id, slug: /href="\/articles\/([^"/]+)"/.exec(page)![1] };
}

let app: AppProcess;
let seeded: Seeded;
/** The same session as class A's students reach it (in the lobby: the teacher has not started it). */
const STUDENT_LIVE = () => `/me/live/${liveId}`;
let quiz: { id: string; questionId: string };
let liveId: string;
/** Two more open sign-ups, for the admin to approve and refuse: email → teacher id. */
let waiting: Record<string, string>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	const databaseFile = await freshDatabaseFile();
	app = await startApp({ DATABASE_URL: databaseFile });
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url);
	const created = await post(seeded.admin, '/teach/quizzes?/create', { article: SLUG, title: QUIZ_TITLE });
	const id = decodeURIComponent(created.headers()['location'].split('/').pop()!);
	const added = await post(seeded.admin, `/teach/quizzes/${encodeURIComponent(id)}?/addQuestion`, MC_QUESTION);
	quiz = { id, questionId: new URL(added.headers()['location'], app.url).searchParams.get('added')! };
	article = await saveArticle(seeded.admin, ARTICLE_TITLE);
	await post(seeded.admin, `/teach/articles/${article.id}?/publish`, { status: 'published', visibility: 'classes', revision: '0' }, 200);
	draft = await saveArticle(seeded.admin, DRAFT_TITLE);
	await signUpWaiting(await client(app.url), 'Quinn', 'quinn@school.test');
	await signUpWaiting(await client(app.url), 'Rae', 'rae@school.test');
	const live = await post(seeded.admin, `/teach/classes/${seeded.classA.id}?/startLive`, { quiz: PACK_QUIZ_ID, pacing: 'teacher', names: 'none' });
	liveId = new URL(live.headers()['location'], app.url).pathname.split('/').pop()!;
	waiting = await waitingTeachers(seeded.admin);
	expect(Object.keys(waiting).sort()).toEqual(['pat@school.test', 'quinn@school.test', 'rae@school.test']);
});

test.afterAll(async () => app?.stop());

function contextFor(role: Role) {
	return {
		anonymous: seeded.anonymous,
		studentOfClass: seeded.studentA,
		studentOfOtherClass: seeded.studentB,
		otherTeacher: seeded.otherTeacher,
		pendingTeacher: seeded.pendingTeacher,
		owner: seeded.admin
	}[role];
}

/**
 * An event stream never ends, so it is opened with the visitor's cookies, read up to its
 * first event (or to the end of a refusal) and closed. Answers in the shape the table reads.
 */
async function openStream(ctx: ReturnType<typeof contextFor>, path: string) {
	const { cookies } = await ctx.storageState();
	const abort = new AbortController();
	const response = await fetch(new URL(path, app.url), {
		headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
		redirect: 'manual',
		signal: abort.signal
	});
	let body = '';
	const reader = response.body?.getReader();
	while (reader && !/\n\n(id|data):[^]*\n\n/.test(body)) {
		const { value, done } = await reader.read();
		if (done) break;
		body += new TextDecoder().decode(value);
	}
	abort.abort();
	return { status: () => response.status, headers: () => Object.fromEntries(response.headers), text: async () => body };
}

test('every protected route and action answers each kind of visitor as the table says', async () => {
	const mismatches: string[] = [];
	// "sign out everywhere" ends the teachers' sessions, so it runs last.
	for (const c of CASES) {
		for (const role of ROLES) {
			const ctx = contextFor(role);
			const path = c.path(seeded);
			const response =
				c.method === 'STREAM'
					? await openStream(ctx, path)
					: c.method === 'GET'
						? await ctx.get(path)
						: await ctx.post(path, { form: c.form?.(seeded) ?? {} });
			const location = response.headers()['location'] ?? '';
			const outcome: Outcome =
				response.status() === 303 && location.startsWith('/signin')
					? 'to-signin'
					: response.status() === 303 && location === '/join'
						? 'to-join'
						: response.status() === 303 && location === '/teach/waiting'
							? 'to-waiting'
							: response.status();
			if (outcome !== c.expect[role]) mismatches.push(`${c.what} as ${role}: expected ${c.expect[role]}, got ${outcome}`);
			const body = await response.text();
			for (const secret of c.mustNotShow?.[role] ?? []) {
				if (body.includes(secret)) mismatches.push(`${c.what} as ${role}: shows “${secret}”`);
			}
			for (const text of c.mustShow?.[role] ?? []) {
				if (!body.includes(text)) mismatches.push(`${c.what} as ${role}: does not show “${text}”`);
			}
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
