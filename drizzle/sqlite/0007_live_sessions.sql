CREATE TABLE `live_questions` (
	`session_id` text NOT NULL,
	`question_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`locked_at` integer,
	`revealed_at` integer,
	PRIMARY KEY(`session_id`, `question_id`),
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `quiz_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `live_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`quiz_id` text NOT NULL,
	`pacing` text NOT NULL,
	`ask_certainty` integer NOT NULL,
	`names` text NOT NULL,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_sessions_class` ON `live_sessions` (`class_id`);--> statement-breakpoint
ALTER TABLE `attempts` ADD `live_session_id` text REFERENCES live_sessions(id) ON DELETE CASCADE;--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_live_student` ON `attempts` (`live_session_id`,`student_id`);--> statement-breakpoint
-- A live session's answer can be saved or changed only while its question is shown and
-- not locked: the check is part of the write (see 0006 for handed-in attempts).
CREATE TRIGGER `responses_live_open_insert` BEFORE INSERT ON `responses`
WHEN EXISTS (
	SELECT 1 FROM `attempts` `a` WHERE `a`.`id` = NEW.`attempt_id` AND `a`.`live_session_id` IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM `live_questions` `q` WHERE `q`.`session_id` = `a`.`live_session_id` AND `q`.`question_id` = NEW.`question_id` AND `q`.`locked_at` IS NULL)
)
BEGIN
	SELECT RAISE(ABORT, 'question locked');
END;
--> statement-breakpoint
CREATE TRIGGER `responses_live_open_update` BEFORE UPDATE OF `answer` ON `responses`
WHEN EXISTS (
	SELECT 1 FROM `attempts` `a` WHERE `a`.`id` = NEW.`attempt_id` AND `a`.`live_session_id` IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM `live_questions` `q` WHERE `q`.`session_id` = `a`.`live_session_id` AND `q`.`question_id` = NEW.`question_id` AND `q`.`locked_at` IS NULL)
)
BEGIN
	SELECT RAISE(ABORT, 'question locked');
END;
