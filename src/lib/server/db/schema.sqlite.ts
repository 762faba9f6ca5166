/**
 * SQLite schema (the embedded default). It must define exactly the same tables and
 * columns as schema.pg.ts; schema-parity.spec.ts holds the two together.
 */
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import type { Block } from '../content/blocks';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date());

export const articles = sqliteTable('articles', {
	id: text('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	titleOrigin: text('title_origin').notNull(),
	publication: text('publication', { mode: 'json' }).notNull().$type<Publication>(),
	currentVersionId: text('current_version_id'),
	packHash: text('pack_hash'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date())
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
	facts: text('facts', { mode: 'json' }).notNull().$type<string[]>(),
	sort: integer('sort').notNull()
});

export const facts = sqliteTable('facts', {
	id: text('id').primaryKey(),
	articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
	key: text('key').notNull(),
	text: text('text').notNull(),
	origin: text('origin').notNull(),
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
		sort: integer('sort').notNull()
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
	facts: text('facts', { mode: 'json' }).notNull().$type<string[]>()
});

export interface Publication {
	site: string;
	address: string;
	author: null;
	date: null;
	follows: string;
	facts: string[];
}

export interface Translation {
	language: string;
	original: string;
	renderings: { word: string; usedBy: string; facts: string[] }[];
}
