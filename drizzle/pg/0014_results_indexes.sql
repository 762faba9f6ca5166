CREATE INDEX "classes_teacher" ON "classes" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "responses_waiting" ON "responses" USING btree ("attempt_id") WHERE fraction is null;