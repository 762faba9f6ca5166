CREATE INDEX `classes_teacher` ON `classes` (`teacher_id`);--> statement-breakpoint
CREATE INDEX `responses_waiting` ON `responses` (`attempt_id`) WHERE fraction is null;