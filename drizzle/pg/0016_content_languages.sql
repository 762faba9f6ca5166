ALTER TABLE "notes" ADD COLUMN "localized" jsonb;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "localized" jsonb;