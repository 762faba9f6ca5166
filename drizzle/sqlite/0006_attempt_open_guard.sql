-- An answer can be saved or changed only while its attempt is not handed in. The check is
-- part of the write itself, so a submit (or a close that hands attempts in) between the
-- app reading the attempt and saving the answer cannot let an answer land afterwards.
-- Grading (rubric, comment, marks) may still change a handed-in answer's row.
CREATE TRIGGER `responses_attempt_open_insert` BEFORE INSERT ON `responses`
WHEN NOT EXISTS (SELECT 1 FROM `attempts` WHERE `id` = NEW.`attempt_id` AND `submitted_at` IS NULL)
BEGIN
	SELECT RAISE(ABORT, 'attempt handed in');
END;
--> statement-breakpoint
CREATE TRIGGER `responses_attempt_open_update` BEFORE UPDATE OF `answer` ON `responses`
WHEN NOT EXISTS (SELECT 1 FROM `attempts` WHERE `id` = NEW.`attempt_id` AND `submitted_at` IS NULL)
BEGIN
	SELECT RAISE(ABORT, 'attempt handed in');
END;
