CREATE TABLE `annotations` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`version_id` text NOT NULL,
	`quote_exact` text NOT NULL,
	`quote_prefix` text NOT NULL,
	`quote_suffix` text NOT NULL,
	`position_start` integer NOT NULL,
	`position_end` integer NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `article_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annotations_article` ON `annotations` (`article_id`);--> statement-breakpoint
CREATE TABLE `article_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`number` integer NOT NULL,
	`text` text NOT NULL,
	`text_hash` text NOT NULL,
	`blocks` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_versions_number` ON `article_versions` (`article_id`,`number`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_origin` text NOT NULL,
	`publication` text NOT NULL,
	`current_version_id` text,
	`pack_hash` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE TABLE `claims` (
	`annotation_id` text PRIMARY KEY NOT NULL,
	`speaker_id` text NOT NULL,
	`form` text NOT NULL,
	`relationship` text NOT NULL,
	`check` text NOT NULL,
	`check_note` text NOT NULL,
	`facts` text NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `facts` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`key` text NOT NULL,
	`text` text NOT NULL,
	`origin` text NOT NULL,
	`unverified` integer NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`annotation_id` text PRIMARY KEY NOT NULL,
	`layer` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`check_it` text,
	`translation` text,
	`facts` text NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`description` text NOT NULL,
	`stake` text NOT NULL,
	`facts` text NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
