-- Near-duplicate articles: a MinHash signature per article, its LSH band keys, and reprints linked to their original.
CREATE TABLE `article_minhash` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`signature` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `article_bands` (
	`band` text NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`band`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `article_reprints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`original_id` integer NOT NULL,
	`body_hash` text NOT NULL,
	`similarity` real NOT NULL,
	`title` text,
	`source_url` text,
	`publisher` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`original_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_reprints_body_hash_unique` ON `article_reprints` (`body_hash`);
--> statement-breakpoint
CREATE INDEX `article_reprints_original_idx` ON `article_reprints` (`original_id`);
