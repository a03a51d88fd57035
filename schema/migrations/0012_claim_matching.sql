-- Claim matching ("already checked"): external fact-checks, the match index, and "the same claim" links.
CREATE TABLE `external_fact_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`claim` text NOT NULL,
	`title` text,
	`rating` text,
	`organisation` text,
	`url` text,
	`reviewed_at` text,
	`language` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_fact_checks_key_unique` ON `external_fact_checks` (`key`);
--> statement-breakpoint
ALTER TABLE `claims` ADD `same_as_id` integer REFERENCES claims(id);
--> statement-breakpoint
CREATE INDEX `claims_same_as_idx` ON `claims` (`same_as_id`);
--> statement-breakpoint
-- Hand-written: drizzle-kit does not model FTS5. One row per matchable fact-check: rowid = claims.id for
-- this newsroom's claims, and -external_fact_checks.id for imported ones. `terms` holds stems, `keys`
-- number and entity keys (see worker/domain/matching/), `title` the fact-check's headline.
CREATE VIRTUAL TABLE `match_index` USING fts5(
  `terms`,
  `title`,
  `keys`,
  tokenize = 'unicode61 remove_diacritics 0'
);
