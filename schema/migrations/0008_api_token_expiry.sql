ALTER TABLE `api_tokens` ADD `expires_at` text;--> statement-breakpoint
-- Tokens made before expiry existed get the default lifetime, counted from their creation.
UPDATE `api_tokens` SET `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', `created_at`, '+90 days') WHERE `expires_at` IS NULL;
