/**
 * SQLite schema (the embedded default). It must define exactly the same tables and
 * columns as schema.pg.ts; schema-parity.spec.ts holds the two together.
 */
import { sqliteTable, text, integer, real, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import type { Block } from '../content/blocks';
import type { LiveSessionState } from '$lib/live/session-state';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date());

export const articles = sqliteTable('articles', {
	id: text('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	titleOrigin: text('title_origin').notNull(),
	/** A pack article's provenance (site, the outlet it follows, cited facts); null for a teacher's. */
	publication: text('publication', { mode: 'json' }).$type<Publication>(),
	currentVersionId: text('current_version_id'),
	/**
	 * The version students read and practise on (null until first published). The owner's
	 * later versions are drafts until they publish again; a pack's article publishes every load.
	 */
	publishedVersionId: text('published_version_id'),
	packHash: text('pack_hash'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
	/** 'pack' (shipped, loaded from src/content) or 'teacher' (brought in through /teach/articles). */
	source: text('source').notNull().default('pack').$type<'pack' | 'teacher'>(),
	/** The teacher who owns it; null for a pack's article. */
	ownerId: text('owner_id').references(() => teachers.id, { onDelete: 'cascade' }),
	/** Who may read it once published: everyone (packs), only the owner, the owner's classes, or every teacher too. */
	visibility: text('visibility').notNull().default('public').$type<ArticleVisibility>(),
	status: text('status').notNull().default('published').$type<'draft' | 'published'>(),
	/** Byline: each null when the article does not give it ("not given"), never guessed. */
	outlet: text('outlet'),
	author: text('author'),
	/** The publication date as printed (YYYY-MM-DD), or null. */
	publishedOn: text('published_on'),
	originalUrl: text('original_url'),
	/** BCP 47 language tag of the text, such as en or es. */
	language: text('language').notNull().default('en'),
	/**
	 * Goes up with every change to the article or any of its claims, notes, speakers or
	 * facts (triggers in migration 0009 count the child rows). It is part of the content
	 * stamp, and an edit form carries it so two teachers cannot overwrite each other.
	 */
	revision: integer('revision').notNull().default(0)
});

export const articleVersions = sqliteTable(
	'article_versions',
	{
		id: text('id').primaryKey(),
		articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		text: text('text').notNull(),
		textHash: text('text_hash').notNull(),
		blocks: text('blocks', { mode: 'json' }).notNull().$type<Block[]>(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('article_versions_number').on(t.articleId, t.number)]
);

export const speakers = sqliteTable('speakers', {
	id: text('id').primaryKey(),
	articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
	key: text('key').notNull(),
	name: text('name').notNull(),
	role: text('role').notNull(),
	description: text('description').notNull(),
	stake: text('stake').notNull(),
	source: text('source').notNull().default('pack').$type<'pack' | 'teacher'>(),
	ownerId: text('owner_id').references(() => teachers.id, { onDelete: 'cascade' }),
	facts: text('facts', { mode: 'json' }).notNull().$type<string[]>(),
	sort: integer('sort').notNull()
});

export const facts = sqliteTable('facts', {
	id: text('id').primaryKey(),
	articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
	key: text('key').notNull(),
	text: text('text').notNull(),
	origin: text('origin').notNull(),
	source: text('source').notNull().default('pack').$type<'pack' | 'teacher'>(),
	ownerId: text('owner_id').references(() => teachers.id, { onDelete: 'cascade' }),
	unverified: integer('unverified', { mode: 'boolean' }).notNull(),
	sort: integer('sort').notNull()
});

export const annotations = sqliteTable(
	'annotations',
	{
		id: text('id').primaryKey(),
		articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		kind: text('kind').notNull().$type<'claim' | 'note'>(),
		versionId: text('version_id').notNull().references(() => articleVersions.id),
		quoteExact: text('quote_exact').notNull(),
		quotePrefix: text('quote_prefix').notNull(),
		quoteSuffix: text('quote_suffix').notNull(),
		positionStart: integer('position_start').notNull(),
		positionEnd: integer('position_end').notNull(),
		sort: integer('sort').notNull(),
		/** Who wrote it: a pack, or a teacher (owner), so loading a pack never touches a teacher's work. */
		source: text('source').notNull().default('pack').$type<'pack' | 'teacher'>(),
		ownerId: text('owner_id').references(() => teachers.id, { onDelete: 'cascade' })
	},
	(t) => [index('annotations_article').on(t.articleId)]
);

export const claims = sqliteTable('claims', {
	annotationId: text('annotation_id').primaryKey().references(() => annotations.id, { onDelete: 'cascade' }),
	speakerId: text('speaker_id').notNull().references(() => speakers.id),
	form: text('form').notNull(),
	relationship: text('relationship').notNull(),
	check: text('check').notNull(),
	checkNote: text('check_note').notNull(),
	facts: text('facts', { mode: 'json' }).notNull().$type<string[]>()
});

export const notes = sqliteTable('notes', {
	annotationId: text('annotation_id').primaryKey().references(() => annotations.id, { onDelete: 'cascade' }),
	layer: text('layer').notNull(),
	kind: text('kind').notNull(),
	title: text('title').notNull(),
	body: text('body', { mode: 'json' }).notNull().$type<string[]>(),
	checkIt: text('check_it'),
	translation: text('translation', { mode: 'json' }).$type<Translation>(),
	/** The note in other languages than English, by language (see $lib/articles/content-language). */
	localized: text('localized', { mode: 'json' }).$type<NoteVersions>(),
	facts: text('facts', { mode: 'json' }).notNull().$type<string[]>()
});

/** Kit-wide settings chosen by the admin, such as who may sign up. */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export const teachers = sqliteTable('teachers', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull(),
	/** When the admin let this teacher in; null while an open sign-up waits for approval. */
	approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
	/** The IANA time zone the teacher reads and types times in (detected by the browser or chosen); null: the school's default. */
	timeZone: text('time_zone'),
	createdAt: createdAt()
});

/** One-time sign-up links; only a SHA-256 hash of the token is kept. */
export const teacherInvites = sqliteTable('teacher_invites', {
	id: text('id').primaryKey(),
	tokenHash: text('token_hash').notNull().unique(),
	createdBy: text('created_by').notNull().references(() => teachers.id, { onDelete: 'cascade' }),
	createdAt: createdAt(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' })
});

export const classes = sqliteTable(
	'classes',
	{
		id: text('id').primaryKey(),
		teacherId: text('teacher_id').notNull().references(() => teachers.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		joinCode: text('join_code').notNull().unique(),
		openJoin: integer('open_join', { mode: 'boolean' }).notNull(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('classes_teacher').on(t.teacherId)]
);

/** A student in one class: a display name and nothing else about them. */
export const students = sqliteTable(
	'students',
	{
		id: text('id').primaryKey(),
		classId: text('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
		displayName: text('display_name').notNull(),
		nameKey: text('name_key').notNull(),
		claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
		rejoinCodeHash: text('rejoin_code_hash'),
		rejoinExpiresAt: integer('rejoin_expires_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('students_class_name').on(t.classId, t.nameKey)]
);

/** Sessions follow Lucia's design: the id is public, only a hash of the secret is kept. */
export const sessions = sqliteTable('sessions', {
	id: text('id').primaryKey(),
	secretHash: text('secret_hash').notNull(),
	teacherId: text('teacher_id').references(() => teachers.id, { onDelete: 'cascade' }),
	createdAt: createdAt(),
	lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
	/** A student device's time zone (IANA name), remembered for this device only; teachers keep theirs on the account. */
	timeZone: text('time_zone'),
	/** The interface language chosen on this device ('en' or 'es'); null: none chosen, so the browser's. */
	locale: text('locale')
});

/** Which students a device's session speaks for (one per class joined on it). */
export const sessionStudents = sqliteTable(
	'session_students',
	{
		sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
		studentId: text('student_id').notNull().references(() => students.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.studentId] })]
);

/** Counters for rate-limiter-flexible's Drizzle store. */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	points: integer('points').notNull(),
	expire: integer('expire', { mode: 'timestamp_ms' })
});

/** A quiz: seeded from a content pack (`source` 'pack') or written by a teacher. */
export const quizzes = sqliteTable('quizzes', {
	id: text('id').primaryKey(),
	articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
	key: text('key').notNull(),
	title: text('title').notNull(),
	description: text('description').notNull(),
	source: text('source').notNull().$type<'pack' | 'teacher'>(),
	ownerId: text('owner_id').references(() => teachers.id, { onDelete: 'cascade' }),
	createdAt: createdAt(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date())
});

/**
 * A question with its key and feedback. Keys and feedback stay on the server: pages get
 * them only once a response is final under the feedback setting.
 */
export const quizQuestions = sqliteTable(
	'quiz_questions',
	{
		id: text('id').primaryKey(),
		quizId: text('quiz_id').notNull().references(() => quizzes.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		sort: integer('sort').notNull(),
		type: text('type').notNull(),
		prompt: text('prompt').notNull(),
		claimId: text('claim_id'),
		certainty: integer('certainty', { mode: 'boolean' }).notNull(),
		explanation: text('explanation').notNull(),
		/** The explanation in other languages than English, by language; options carry their own. */
		localized: text('localized', { mode: 'json' }).$type<ExplanationVersions>(),
		notes: text('notes', { mode: 'json' }).notNull().$type<string[]>(),
		facts: text('facts', { mode: 'json' }).notNull().$type<string[]>(),
		options: text('options', { mode: 'json' }).$type<QuestionOption[]>(),
		evidence: text('evidence', { mode: 'json' }).$type<EvidenceSpan[]>(),
		tolerancePercent: integer('tolerance_percent'),
		rubric: text('rubric', { mode: 'json' }).$type<RubricItem[]>()
	},
	(t) => [index('quiz_questions_quiz').on(t.quizId)]
);

/** A quiz set for a class, with its rules. */
export const assignments = sqliteTable(
	'assignments',
	{
		id: text('id').primaryKey(),
		classId: text('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
		quizId: text('quiz_id').notNull().references(() => quizzes.id, { onDelete: 'cascade' }),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
		maxAttempts: integer('max_attempts').notNull(),
		feedback: text('feedback').notNull().$type<'each-question' | 'after-submit' | 'after-close'>(),
		shuffle: integer('shuffle', { mode: 'boolean' }).notNull(),
		/** Show the right answers in the review of every attempt, even while attempts remain. */
		answersEachAttempt: integer('answers_each_attempt', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('assignments_class').on(t.classId)]
);

/** One go at a quiz: a student's (for an assignment) or an anonymous practice attempt. */
export const attempts = sqliteTable(
	'attempts',
	{
		id: text('id').primaryKey(),
		quizId: text('quiz_id').notNull().references(() => quizzes.id, { onDelete: 'cascade' }),
		assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
		studentId: text('student_id').references(() => students.id, { onDelete: 'cascade' }),
		/** For practice without an account: SHA-256 of the attempt's cookie secret. */
		practiceKeyHash: text('practice_key_hash'),
		/** The live session this attempt is a student's part in (null for assignments and practice). */
		liveSessionId: text('live_session_id').references(() => liveSessions.id, { onDelete: 'cascade' }),
		/** 1, 2, … per student and assignment; unique, so two starts at once cannot exceed the limit. */
		number: integer('number'),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		/** When the teacher removed the student from the live session: they may not answer or come back. */
		removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
		/** The article text this attempt was given on (set by a trigger from the article's current version). */
		articleVersionId: text('article_version_id').references(() => articleVersions.id, { onDelete: 'set null' })
	},
	(t) => [
		index('attempts_student').on(t.studentId),
		uniqueIndex('attempts_assignment_student_number').on(t.assignmentId, t.studentId, t.number),
		// One attempt per student per live session: joining twice (a reload, a second device) finds it.
		uniqueIndex('attempts_live_student').on(t.liveSessionId, t.studentId)
	]
);

/** One answer; at most one per attempt and question, so a retried save changes it in place. */
export const responses = sqliteTable(
	'responses',
	{
		id: text('id').primaryKey(),
		attemptId: text('attempt_id').notNull().references(() => attempts.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull().references(() => quizQuestions.id, { onDelete: 'cascade' }),
		answer: text('answer', { mode: 'json' }).notNull().$type<StoredAnswer>(),
		certainty: integer('certainty'),
		/** 0–1, or null while a written answer waits for the teacher. */
		fraction: real('fraction'),
		marks: real('marks'),
		claimId: text('claim_id'),
		/**
		 * The answer again in plain columns, so results can be counted in SQL that runs on both
		 * engines: the option chosen (single answer), the options chosen (multiple response,
		 * sorted, as `|a|c|`), or the words selected (find the evidence).
		 */
		choice: text('choice'),
		choices: text('choices'),
		spanStart: integer('span_start'),
		spanEnd: integer('span_end'),
		/** A written answer's grading: which rubric items the teacher ticked, a comment, and when. */
		rubricMet: text('rubric_met', { mode: 'json' }).$type<number[]>(),
		comment: text('comment'),
		gradedAt: integer('graded_at', { mode: 'timestamp_ms' }),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('responses_attempt_question').on(t.attemptId, t.questionId),
		index('responses_question').on(t.questionId),
		index('responses_claim').on(t.claimId),
		// Written answers waiting for a grade (only they have no fraction): "To grade" reads these alone.
		index('responses_waiting').on(t.attemptId).where(sql`fraction is null`)
	]
);

/** A pack article's provenance, as its article.yaml gives it. */
export interface Publication {
	/** Each null when the pack does not give it (a teacher's article downloaded as a pack). */
	site: string | null;
	address: string | null;
	author: string | null;
	date: string | null;
	follows: string;
	facts: string[];
}

/** Who may read an article: 'public' is the packs' (anyone); the rest are a teacher's choices. */
export type ArticleVisibility = 'public' | 'private' | 'classes' | 'teachers';

export interface Translation {
	language: string;
	original: string;
	renderings: { word: string; usedBy: string; facts: string[] }[];
}

/** A note's words in one more language: title, paragraphs and "check it" steps. */
export interface NoteVersion {
	title: string;
	body: string[];
	checkIt: string | null;
}
/** A note's versions keyed by language tag (es); English is the note's own columns. */
export type NoteVersions = Record<string, NoteVersion>;
/** A question's explanation keyed by language tag (es). */
export type ExplanationVersions = Record<string, { explanation: string }>;

export interface QuestionOption {
	value: string;
	label: string | null;
	correct: boolean;
	feedback: string;
	/** The feedback in other languages than English, by language tag (es). */
	localized?: Record<string, { feedback: string }>;
}

export interface EvidenceSpan {
	start: number;
	end: number;
	exact: string;
	prefix: string;
	suffix: string;
}

export interface RubricItem {
	points: number;
	description: string;
}

export type StoredAnswer =
	| { type: 'choice'; value: string }
	| { type: 'choices'; values: string[] }
	| { type: 'span'; span: { start: number; end: number } }
	| { type: 'text'; text: string };

/** Pub/sub messages too large for a NOTIFY payload (PostgreSQL only; kept a minute). */
export const liveSpills = sqliteTable('live_spills', {
	id: text('id').primaryKey(),
	body: text('body').notNull(),
	createdAt: createdAt()
});

/**
 * A live, teacher-paced session of a quiz with a class. `state` is the session's state
 * machine (src/lib/live/session-state.ts); `version` goes up with every command, so a
 * command applies only to the state it was decided on (compare-and-set).
 */
export const liveSessions = sqliteTable(
	'live_sessions',
	{
		id: text('id').primaryKey(),
		classId: text('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
		quizId: text('quiz_id').notNull().references(() => quizzes.id, { onDelete: 'cascade' }),
		pacing: text('pacing').notNull().$type<'teacher' | 'student'>(),
		askCertainty: integer('ask_certainty', { mode: 'boolean' }).notNull(),
		names: text('names').notNull().$type<'none' | 'initials' | 'full'>(),
		state: text('state', { mode: 'json' }).notNull().$type<LiveSessionState>(),
		version: integer('version').notNull(),
		createdAt: createdAt(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('live_sessions_class').on(t.classId),
		// One running session per class, held by the database: two starts at once make one.
		uniqueIndex('live_sessions_running').on(t.classId).where(sql`ended_at is null`)
	]
);

/**
 * Each question a live session has shown, and when its answers were locked. The database
 * refuses an answer to a locked question (migration triggers), so an answer racing the
 * lock either lands before it or is refused, never half-saved.
 */
export const liveQuestions = sqliteTable(
	'live_questions',
	{
		sessionId: text('session_id').notNull().references(() => liveSessions.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull().references(() => quizQuestions.id, { onDelete: 'cascade' }),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
		lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
		revealedAt: integer('revealed_at', { mode: 'timestamp_ms' })
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.questionId] })]
);
