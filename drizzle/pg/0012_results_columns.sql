ALTER TABLE "responses" ADD COLUMN "choice" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "choices" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "span_start" integer;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "span_end" integer;--> statement-breakpoint
CREATE INDEX "assignments_class" ON "assignments" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "responses_question" ON "responses" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "responses_claim" ON "responses" USING btree ("claim_id");--> statement-breakpoint
-- Fill the plain columns for answers saved before them (only "answer" fires the open-attempt triggers).
UPDATE "responses" SET "choice" = "answer"->>'value' WHERE "answer"->>'type' = 'choice';--> statement-breakpoint
UPDATE "responses" SET "choices" = '|' || (SELECT string_agg(v, '|' ORDER BY v COLLATE "C") FROM jsonb_array_elements_text("answer"->'values') AS v) || '|' WHERE "answer"->>'type' = 'choices';--> statement-breakpoint
UPDATE "responses" SET "span_start" = ("answer"->'span'->>'start')::integer, "span_end" = ("answer"->'span'->>'end')::integer WHERE "answer"->>'type' = 'span';
