DROP INDEX `articles_source_url_idx`;--> statement-breakpoint
ALTER TABLE `articles` ADD `source_key` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `public_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_source_key_idx` ON `articles` (`source_key`);