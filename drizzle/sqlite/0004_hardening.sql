ALTER TABLE `assignments` ADD `answers_each_attempt` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `teachers` ADD `approved_at` integer;--> statement-breakpoint
UPDATE `teachers` SET `approved_at` = `created_at`;