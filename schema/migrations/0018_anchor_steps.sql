ALTER TABLE `claims` ADD `anchor_original` text;--> statement-breakpoint
CREATE TABLE `claim_anchor_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`revision_id` integer NOT NULL,
	`status` text NOT NULL,
	`method` text NOT NULL,
	`confidence` real NOT NULL,
	`start` integer,
	`end` integer,
	`exact` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `article_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_anchor_steps_claim_idx` ON `claim_anchor_steps` (`claim_id`,`revision_id`);
