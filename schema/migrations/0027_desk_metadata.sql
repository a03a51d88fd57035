-- Hand-written. Who created a claimant (they may set its kind later, as editors may), and an
-- article's author. The public_state trigger on articles is recreated to include the author, so the
-- public pages kept in memory refresh when it changes.
ALTER TABLE `claimants` ADD `created_by` integer REFERENCES `users`(`id`);
--> statement-breakpoint
ALTER TABLE `articles` ADD `author` text;
--> statement-breakpoint
DROP TRIGGER `public_state_articles_update`;
--> statement-breakpoint
CREATE TRIGGER `public_state_articles_update` AFTER UPDATE ON `articles`
WHEN new.public_version IS NOT old.public_version OR new.title IS NOT old.title OR new.slug IS NOT old.slug
  OR new.language IS NOT old.language OR new.source_url IS NOT old.source_url OR new.publisher IS NOT old.publisher
  OR new.published_at IS NOT old.published_at OR new.author IS NOT old.author
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
