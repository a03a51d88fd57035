-- Annotations imported from other tools (Hypothesis, W3C Web Annotation): the source annotation's id, so that
-- importing it again onto the same article creates nothing. Null for claims made in Factline.
ALTER TABLE `claims` ADD `imported_from` text;--> statement-breakpoint
CREATE UNIQUE INDEX `claims_imported_from_idx` ON `claims` (`article_id`,`imported_from`);
