ALTER TABLE "attempts" ADD COLUMN "number" integer;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "rubric_met" jsonb;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "graded_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_assignment_student_number" ON "attempts" USING btree ("assignment_id","student_id","number");