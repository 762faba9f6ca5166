ALTER TABLE `attempts` ADD `number` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_assignment_student_number` ON `attempts` (`assignment_id`,`student_id`,`number`);--> statement-breakpoint
ALTER TABLE `responses` ADD `rubric_met` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `comment` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `graded_at` integer;