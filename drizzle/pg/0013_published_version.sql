ALTER TABLE "articles" ADD COLUMN "published_version_id" text;--> statement-breakpoint
-- Until now students saw the newest version of a published article: that version is what
-- they have been reading, so it becomes the published one. A draft has none until published.
UPDATE "articles" SET "published_version_id" = "current_version_id" WHERE "status" = 'published';--> statement-breakpoint
-- An attempt is given on the version students see: the published one (the current one only
-- for an article never published, which only its owner can practise on).
CREATE OR REPLACE FUNCTION attempts_article_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.article_version_id IS NULL THEN
		SELECT coalesce(articles.published_version_id, articles.current_version_id) INTO NEW.article_version_id
		FROM quizzes JOIN articles ON articles.id = quizzes.article_id WHERE quizzes.id = NEW.quiz_id;
	END IF;
	RETURN NEW;
END
$$;
