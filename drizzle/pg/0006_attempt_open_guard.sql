-- An answer can be saved or changed only while its attempt is not handed in. The check is
-- part of the write itself, so a submit (or a close that hands attempts in) between the
-- app reading the attempt and saving the answer cannot let an answer land afterwards.
-- FOR SHARE waits for a submit in progress and then sees it; a submit waits for an answer
-- in progress. Grading (rubric, comment, marks) may still change a handed-in answer's row.
CREATE FUNCTION responses_attempt_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM attempts WHERE id = NEW.attempt_id AND submitted_at IS NULL FOR SHARE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'attempt handed in' USING ERRCODE = 'AL409';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER responses_attempt_open BEFORE INSERT OR UPDATE OF answer ON responses
FOR EACH ROW EXECUTE FUNCTION responses_attempt_open();
