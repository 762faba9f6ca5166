ALTER TABLE `notes` ADD `localized` text;--> statement-breakpoint
ALTER TABLE `quiz_questions` ADD `localized` text;