PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_articles` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_origin` text NOT NULL,
	`publication` text,
	`current_version_id` text,
	`pack_hash` text,
	`updated_at` integer NOT NULL,
	`source` text DEFAULT 'pack' NOT NULL,
	`owner_id` text,
	`visibility` text DEFAULT 'public' NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`outlet` text,
	`author` text,
	`published_on` text,
	`original_url` text,
	`language` text DEFAULT 'en' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Rebuilt only to let publication be null (a teacher's article has no pack provenance). The migrator runs
-- with foreign keys off, so dropping the old table deletes nothing that points at it.
INSERT INTO `__new_articles`("id", "slug", "title", "title_origin", "publication", "current_version_id", "pack_hash", "updated_at") SELECT "id", "slug", "title", "title_origin", "publication", "current_version_id", "pack_hash", "updated_at" FROM `articles`;--> statement-breakpoint
DROP TABLE `articles`;--> statement-breakpoint
ALTER TABLE `__new_articles` RENAME TO `articles`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
ALTER TABLE `annotations` ADD `source` text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE `annotations` ADD `owner_id` text REFERENCES teachers(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE `attempts` ADD `article_version_id` text REFERENCES article_versions(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `facts` ADD `source` text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE `facts` ADD `owner_id` text REFERENCES teachers(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE `speakers` ADD `source` text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE `speakers` ADD `owner_id` text REFERENCES teachers(id) ON DELETE CASCADE;--> statement-breakpoint
-- The article's revision goes up with every change to its claims, notes, speakers and facts,
-- whoever makes it (a pack load, the editor, a script): the reader's content stamp includes
-- it, so cached pages and reader models never outlive an edit made in the database.
CREATE TRIGGER `annotations_bump_revision_insert` AFTER INSERT ON `annotations`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = NEW.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `annotations_bump_revision_update` AFTER UPDATE ON `annotations`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = NEW.`article_id` OR `id` = OLD.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `annotations_bump_revision_delete` AFTER DELETE ON `annotations`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = OLD.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_bump_revision_insert` AFTER INSERT ON `speakers`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = NEW.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_bump_revision_update` AFTER UPDATE ON `speakers`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = NEW.`article_id` OR `id` = OLD.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_bump_revision_delete` AFTER DELETE ON `speakers`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = OLD.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_bump_revision_insert` AFTER INSERT ON `facts`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = NEW.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_bump_revision_update` AFTER UPDATE ON `facts`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = NEW.`article_id` OR `id` = OLD.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_bump_revision_delete` AFTER DELETE ON `facts`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1 WHERE `id` = OLD.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_bump_revision_insert` AFTER INSERT ON `claims`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1
	WHERE `id` = (SELECT `article_id` FROM `annotations` WHERE `id` = NEW.`annotation_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_bump_revision_update` AFTER UPDATE ON `claims`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1
	WHERE `id` = (SELECT `article_id` FROM `annotations` WHERE `id` = NEW.`annotation_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_bump_revision_delete` AFTER DELETE ON `claims`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1
	WHERE `id` = (SELECT `article_id` FROM `annotations` WHERE `id` = OLD.`annotation_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_bump_revision_insert` AFTER INSERT ON `notes`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1
	WHERE `id` = (SELECT `article_id` FROM `annotations` WHERE `id` = NEW.`annotation_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_bump_revision_update` AFTER UPDATE ON `notes`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1
	WHERE `id` = (SELECT `article_id` FROM `annotations` WHERE `id` = NEW.`annotation_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_bump_revision_delete` AFTER DELETE ON `notes`
BEGIN
	UPDATE `articles` SET `revision` = `revision` + 1
	WHERE `id` = (SELECT `article_id` FROM `annotations` WHERE `id` = OLD.`annotation_id`);
END;
--> statement-breakpoint
-- Every attempt remembers the article text it was given on, however it was started
-- (practice, an assignment, a live session): the article's current version at that moment.
CREATE TRIGGER `attempts_article_version` AFTER INSERT ON `attempts`
WHEN NEW.`article_version_id` IS NULL
BEGIN
	UPDATE `attempts` SET `article_version_id` = (
		SELECT `articles`.`current_version_id` FROM `quizzes` JOIN `articles` ON `articles`.`id` = `quizzes`.`article_id`
		WHERE `quizzes`.`id` = NEW.`quiz_id`
	) WHERE `id` = NEW.`id`;
END;
