ALTER TABLE `article_revisions` ADD `body_hash` text;--> statement-breakpoint
CREATE INDEX `article_revisions_body_hash_idx` ON `article_revisions` (`body_hash`);--> statement-breakpoint
-- Current revisions share their article's body hash. Older revisions stored before this migration keep null: their hash needs the worker's folding.
UPDATE `article_revisions` SET `body_hash` = (SELECT `body_hash` FROM `articles` WHERE `articles`.`current_revision_id` = `article_revisions`.`id`);
