-- Hand-written. The public site's own pages that an admin edits (the about page), and readers' tips
-- ("suggest a claim to check") sent from the public contact form.
CREATE TABLE `site_pages` (
  `key` text PRIMARY KEY NOT NULL,
  `content` text NOT NULL,
  `version` integer DEFAULT 1 NOT NULL,
  `updated_by` integer REFERENCES `users`(`id`),
  `updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
-- Public pages are served from memory under public_state's version (migration 0025): an edit must move it on.
CREATE TRIGGER `public_state_site_pages_insert` AFTER INSERT ON `site_pages`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_state_site_pages_update` AFTER UPDATE ON `site_pages`
BEGIN
  UPDATE `public_state` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TABLE `tips` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `claim` text NOT NULL,
  `url` text,
  `message` text,
  `contact` text,
  `language` text NOT NULL,
  `created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tips_created` ON `tips` (`created_at`);
