CREATE TABLE "live_questions" (
	"session_id" text NOT NULL,
	"question_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"locked_at" timestamp with time zone,
	"revealed_at" timestamp with time zone,
	CONSTRAINT "live_questions_session_id_question_id_pk" PRIMARY KEY("session_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "live_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"class_id" text NOT NULL,
	"quiz_id" text NOT NULL,
	"pacing" text NOT NULL,
	"ask_certainty" boolean NOT NULL,
	"names" text NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "live_session_id" text;--> statement-breakpoint
ALTER TABLE "live_questions" ADD CONSTRAINT "live_questions_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_questions" ADD CONSTRAINT "live_questions_question_id_quiz_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_sessions_class" ON "live_sessions" USING btree ("class_id");--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_live_session_id_live_sessions_id_fk" FOREIGN KEY ("live_session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_live_student" ON "attempts" USING btree ("live_session_id","student_id");--> statement-breakpoint
-- A live session's answer can be saved or changed only while its question is shown and
-- not locked: the check is part of the write (see 0006). FOR SHARE makes a lock wait for
-- answers in flight, and an answer wait for a lock in flight and then see it.
CREATE FUNCTION responses_live_open() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	live text;
BEGIN
	SELECT live_session_id INTO live FROM attempts WHERE id = NEW.attempt_id;
	IF live IS NULL THEN
		RETURN NEW;
	END IF;
	PERFORM 1 FROM live_questions WHERE session_id = live AND question_id = NEW.question_id AND locked_at IS NULL FOR SHARE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'question locked' USING ERRCODE = 'AL423';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER responses_live_open BEFORE INSERT OR UPDATE OF answer ON responses
FOR EACH ROW EXECUTE FUNCTION responses_live_open();
