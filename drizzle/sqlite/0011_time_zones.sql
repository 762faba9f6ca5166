ALTER TABLE `sessions` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `teachers` ADD `time_zone` text;