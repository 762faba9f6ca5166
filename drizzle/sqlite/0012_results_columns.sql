ALTER TABLE `responses` ADD `choice` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `choices` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `span_start` integer;--> statement-breakpoint
ALTER TABLE `responses` ADD `span_end` integer;--> statement-breakpoint
CREATE INDEX `responses_question` ON `responses` (`question_id`);--> statement-breakpoint
CREATE INDEX `responses_claim` ON `responses` (`claim_id`);--> statement-breakpoint
CREATE INDEX `assignments_class` ON `assignments` (`class_id`);--> statement-breakpoint
-- Fill the plain columns for answers saved before them (only `answer` fires the open-attempt triggers).
UPDATE `responses` SET `choice` = json_extract(`answer`, '$.value') WHERE json_extract(`answer`, '$.type') = 'choice';--> statement-breakpoint
UPDATE `responses` SET `choices` = '|' || (SELECT group_concat(`value`, '|') FROM (SELECT `value` FROM json_each(`responses`.`answer`, '$.values') ORDER BY `value`)) || '|' WHERE json_extract(`answer`, '$.type') = 'choices';--> statement-breakpoint
UPDATE `responses` SET `span_start` = json_extract(`answer`, '$.span.start'), `span_end` = json_extract(`answer`, '$.span.end') WHERE json_extract(`answer`, '$.type') = 'span';
