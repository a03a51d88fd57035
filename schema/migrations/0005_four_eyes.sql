-- Four eyes remembers everyone who shaped a claim since its last publication, not only the last editor.
ALTER TABLE `claims` ADD `shaped_by` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
UPDATE `claims` SET `shaped_by` = CASE WHEN `state` IN ('published', 'corrected', 'retracted') THEN '[]' ELSE json_array(`author_id`, `last_edited_by`) END;--> statement-breakpoint
-- A new place for a public claim, and a verdict-changing correction, wait here for a second person.
ALTER TABLE `claims` ADD `anchor_proposal` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `pending_correction` text;--> statement-breakpoint
-- A claimant's description is public only once an editor approved it; existing ones wait for that.
ALTER TABLE `claimants` ADD `description_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claimants` ADD `public_description` text;--> statement-breakpoint
ALTER TABLE `claimants` ADD `version` integer DEFAULT 1 NOT NULL;
