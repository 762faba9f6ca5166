ALTER TABLE "assignments" ADD COLUMN "answers_each_attempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
UPDATE "teachers" SET "approved_at" = "created_at";