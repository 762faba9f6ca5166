/**
 * PostgreSQL schema (scale-out). It must define exactly the same tables and columns
 * as schema.sqlite.ts; schema-parity.spec.ts holds the two together. The domain layer
 * is typed against this file and runs unchanged on both engines.
 */
import { pgTable, text, integer, boolean, jsonb, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import type { Block } from '../content/blocks';
import type { Publication, Translation } from './schema.sqlite';

export type { Publication, Translation };

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().$defaultFn(() => new Date());

export const articles = pgTable('articles', {
	id: text('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	titleOrigin: text('title_origin').notNull(),
	publication: jsonb('publication').notNull().$type<Publication>(),
	currentVersionId: text('current_version_id'),
	packHash: text('pack_hash'),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().$defaultFn(() => new Date())
});

export const articleVersions = pgTable(
	'article_versions',
	{
		id: text('id').primaryKey(),
		articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		text: text('text').notNull(),
		textHash: text('text_hash').notNull(),
		blocks: jsonb('blocks').notNull().$type<Block[]>(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('article_versions_number').on(t.articleId, t.number)]
);

export const speakers = pgTable('speakers', {
	id: text('id').primaryKey(),
	articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
	key: text('key').notNull(),
	name: text('name').notNull(),
	role: text('role').notNull(),
	description: text('description').notNull(),
	stake: text('stake').notNull(),
	facts: jsonb('facts').notNull().$type<string[]>(),
	sort: integer('sort').notNull()
});

export const facts = pgTable('facts', {
	id: text('id').primaryKey(),
	articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
	key: text('key').notNull(),
	text: text('text').notNull(),
	origin: text('origin').notNull(),
	unverified: boolean('unverified').notNull(),
	sort: integer('sort').notNull()
});

export const annotations = pgTable(
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

export const claims = pgTable('claims', {
	annotationId: text('annotation_id').primaryKey().references(() => annotations.id, { onDelete: 'cascade' }),
	speakerId: text('speaker_id').notNull().references(() => speakers.id),
	form: text('form').notNull(),
	relationship: text('relationship').notNull(),
	check: text('check').notNull(),
	checkNote: text('check_note').notNull(),
	facts: jsonb('facts').notNull().$type<string[]>()
});

export const notes = pgTable('notes', {
	annotationId: text('annotation_id').primaryKey().references(() => annotations.id, { onDelete: 'cascade' }),
	layer: text('layer').notNull(),
	kind: text('kind').notNull(),
	title: text('title').notNull(),
	body: jsonb('body').notNull().$type<string[]>(),
	checkIt: text('check_it'),
	translation: jsonb('translation').$type<Translation>(),
	facts: jsonb('facts').notNull().$type<string[]>()
});
