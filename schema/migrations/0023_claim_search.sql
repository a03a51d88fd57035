-- Hand-written: drizzle-kit does not model FTS5 virtual tables, views or triggers.
--
-- Search over claims (claim_search: its quote, the words of its explanation, its claimant's name; rowid =
-- claims.id) beside the articles' search (article_search, migration 0001: title and current text; rowid =
-- articles.id). Both are kept in step by triggers, whatever code path writes (the API, a restore, a
-- migration), and both are filled through a view that folds the text as schema/text/fold.ts does for the
-- tokenizer's sake: ё and Ё become е and Е (unicode61's remove_diacritics folds only Latin letters), and the
-- invisible characters fold.ts drops (soft hyphen, zero-width space, non-joiner, joiner, word joiner) are
-- removed, so that they never split a word. Quote marks and dashes need no folding: unicode61 separates
-- words at them. unicode61 folds case for Cyrillic and Kazakh letters alike, and keeps Kazakh's own letters
-- (ә ғ қ ң ө ұ ү һ і) apart from Russian ones. The search query is folded by fold.ts itself.

CREATE VIEW `article_search_source` AS
SELECT a.id AS id,
  replace(replace(replace(replace(replace(replace(replace(a.title, 'ё', 'е'), 'Ё', 'Е'), char(173), ''), char(8203), ''), char(8204), ''), char(8205), ''), char(8288), '') AS title,
  replace(replace(replace(replace(replace(replace(replace(r.text, 'ё', 'е'), 'Ё', 'Е'), char(173), ''), char(8203), ''), char(8204), ''), char(8205), ''), char(8288), '') AS body
FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id;
--> statement-breakpoint
-- The words of a claim's explanation are the `text` leaves of its Tiptap JSON. An explanation that is not
-- (yet) valid JSON, such as a long value a restore writes in pieces, has no words until the update that
-- completes it.
CREATE VIEW `claim_search_source` AS
SELECT c.id AS id,
  replace(replace(replace(replace(replace(replace(replace(c.exact, 'ё', 'е'), 'Ё', 'Е'), char(173), ''), char(8203), ''), char(8204), ''), char(8205), ''), char(8288), '') AS quote,
  replace(replace(replace(replace(replace(replace(replace(
    CASE WHEN json_valid(c.explanation) THEN (SELECT group_concat(j.value, ' ') FROM json_tree(c.explanation) j WHERE j.key = 'text' AND j.type = 'text') END,
  'ё', 'е'), 'Ё', 'Е'), char(173), ''), char(8203), ''), char(8204), ''), char(8205), ''), char(8288), '') AS explanation,
  replace(replace(replace(replace(replace(replace(replace(p.name, 'ё', 'е'), 'Ё', 'Е'), char(173), ''), char(8203), ''), char(8204), ''), char(8205), ''), char(8288), '') AS claimant
FROM claims c LEFT JOIN claimants p ON p.id = c.claimant_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claim_search` USING fts5(
  `quote`,
  `explanation`,
  `claimant`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Each trigger deletes before it inserts, so that the order in which a restore writes rows and their
-- index rows does not matter.
CREATE TRIGGER `claim_search_insert` AFTER INSERT ON `claims` BEGIN
  DELETE FROM `claim_search` WHERE rowid = new.id;
  INSERT INTO `claim_search` (rowid, `quote`, `explanation`, `claimant`) SELECT id, quote, explanation, claimant FROM claim_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_update` AFTER UPDATE OF `exact`, `explanation`, `claimant_id` ON `claims` BEGIN
  DELETE FROM `claim_search` WHERE rowid = old.id;
  INSERT INTO `claim_search` (rowid, `quote`, `explanation`, `claimant`) SELECT id, quote, explanation, claimant FROM claim_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_delete` AFTER DELETE ON `claims` BEGIN
  DELETE FROM `claim_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_claimant_rename` AFTER UPDATE OF `name` ON `claimants` BEGIN
  DELETE FROM `claim_search` WHERE rowid IN (SELECT id FROM claims WHERE claimant_id = new.id);
  INSERT INTO `claim_search` (rowid, `quote`, `explanation`, `claimant`) SELECT id, quote, explanation, claimant FROM claim_search_source WHERE id IN (SELECT id FROM claims WHERE claimant_id = new.id);
END;
--> statement-breakpoint
-- An article's search row follows its current revision and its title (a new article gets its row when its
-- first revision becomes current, in the import's batch).
CREATE TRIGGER `article_search_revision` AFTER UPDATE OF `current_revision_id`, `title` ON `articles` BEGIN
  DELETE FROM `article_search` WHERE rowid = old.id;
  INSERT INTO `article_search` (rowid, `title`, `body`) SELECT id, title, body FROM article_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM `article_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
-- What exists already: claims indexed, and articles indexed again with the folding.
INSERT INTO `claim_search` (rowid, `quote`, `explanation`, `claimant`) SELECT id, quote, explanation, claimant FROM claim_search_source;
--> statement-breakpoint
DELETE FROM `article_search`;
--> statement-breakpoint
INSERT INTO `article_search` (rowid, `title`, `body`) SELECT id, title, body FROM article_search_source;
