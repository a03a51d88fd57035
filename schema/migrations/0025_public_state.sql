-- Hand-written. One row: the version of everything the public sees. Every isolate keeps its public
-- pages in memory under this version and checks it in the background (worker/http/public-memory.ts),
-- so a warm public page costs no D1 round trip. The triggers move it on whenever something public
-- changes: an article's public version (bumped in the same batch as every publish, correction,
-- retraction, revision, re-anchoring and label change), an article's own fields, a claimant, a
-- public claim, or a rating label.
CREATE TABLE `public_state` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `version` integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
INSERT INTO `public_state` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `public_state_articles_update` AFTER UPDATE ON `articles`
WHEN new.public_version IS NOT old.public_version OR new.title IS NOT old.title OR new.slug IS NOT old.slug
  OR new.language IS NOT old.language OR new.source_url IS NOT old.source_url OR new.publisher IS NOT old.publisher
  OR new.published_at IS NOT old.published_at
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_articles_delete` AFTER DELETE ON `articles`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_claimants_update` AFTER UPDATE ON `claimants`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_claimants_delete` AFTER DELETE ON `claimants`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_claims_update` AFTER UPDATE ON `claims`
WHEN old.state IN ('published', 'corrected', 'retracted') OR new.state IN ('published', 'corrected', 'retracted')
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_claims_delete` AFTER DELETE ON `claims`
WHEN old.state IN ('published', 'corrected', 'retracted')
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_rating_labels_insert` AFTER INSERT ON `rating_labels`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_rating_labels_update` AFTER UPDATE ON `rating_labels`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- The hot public queries at 100,000 claims (their plans are in BENCHMARKS.md): partial indexes over
-- public claims only. The queries spell the condition exactly so (worker/queries/public.ts, isPublic),
-- with literals, which is what lets SQLite use a partial index.
CREATE INDEX `claims_public_recent_idx` ON `claims` (`published_at`) WHERE `state` IN ('published', 'corrected', 'retracted');
--> statement-breakpoint
CREATE INDEX `claims_public_claimant_idx` ON `claims` (`claimant_id`, `published_at`) WHERE `state` IN ('published', 'corrected', 'retracted');
--> statement-breakpoint
CREATE INDEX `claims_public_article_idx` ON `claims` (`article_id`, `start`) WHERE `state` IN ('published', 'corrected', 'retracted');
