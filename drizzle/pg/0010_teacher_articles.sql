ALTER TABLE "articles" ALTER COLUMN "publication" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "source" text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "source" text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "outlet" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "author" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "published_on" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "original_url" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "article_version_id" text;--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "source" text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "speakers" ADD COLUMN "source" text DEFAULT 'pack' NOT NULL;--> statement-breakpoint
ALTER TABLE "speakers" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_owner_id_teachers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_owner_id_teachers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_article_version_id_article_versions_id_fk" FOREIGN KEY ("article_version_id") REFERENCES "public"."article_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_owner_id_teachers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_owner_id_teachers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The article's revision goes up with every change to its claims, notes, speakers and facts,
-- whoever makes it (a pack load, the editor, a script): the reader's content stamp includes
-- it, so cached pages and reader models never outlive an edit made in the database.
CREATE FUNCTION article_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed record;
BEGIN
	IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
	IF TG_TABLE_NAME IN ('claims', 'notes') THEN
		UPDATE articles SET revision = revision + 1
		WHERE id = (SELECT article_id FROM annotations WHERE id = changed.annotation_id);
	ELSE
		UPDATE articles SET revision = revision + 1 WHERE id = changed.article_id;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER annotations_bump_revision AFTER INSERT OR UPDATE OR DELETE ON annotations
FOR EACH ROW EXECUTE FUNCTION article_content_changed();
--> statement-breakpoint
CREATE TRIGGER speakers_bump_revision AFTER INSERT OR UPDATE OR DELETE ON speakers
FOR EACH ROW EXECUTE FUNCTION article_content_changed();
--> statement-breakpoint
CREATE TRIGGER facts_bump_revision AFTER INSERT OR UPDATE OR DELETE ON facts
FOR EACH ROW EXECUTE FUNCTION article_content_changed();
--> statement-breakpoint
CREATE TRIGGER claims_bump_revision AFTER INSERT OR UPDATE OR DELETE ON claims
FOR EACH ROW EXECUTE FUNCTION article_content_changed();
--> statement-breakpoint
CREATE TRIGGER notes_bump_revision AFTER INSERT OR UPDATE OR DELETE ON notes
FOR EACH ROW EXECUTE FUNCTION article_content_changed();
--> statement-breakpoint
-- Every attempt remembers the article text it was given on, however it was started
-- (practice, an assignment, a live session): the article's current version at that moment.
CREATE FUNCTION attempts_article_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.article_version_id IS NULL THEN
		SELECT articles.current_version_id INTO NEW.article_version_id
		FROM quizzes JOIN articles ON articles.id = quizzes.article_id WHERE quizzes.id = NEW.quiz_id;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attempts_article_version BEFORE INSERT ON attempts
FOR EACH ROW EXECUTE FUNCTION attempts_article_version();
