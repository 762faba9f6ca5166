ALTER TABLE "sessions" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "time_zone" text;