-- Hand-written: drizzle-kit does not model FTS5 virtual tables.
-- One row per article (its current revision), rowid = articles.id. unicode61 folds case for
-- Cyrillic too, and remove_diacritics 2 folds ё into е, so a reader need not type it exactly.
CREATE VIRTUAL TABLE `article_search` USING fts5(
  `title`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
