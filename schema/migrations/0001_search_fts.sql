-- Hand-written: drizzle-kit does not model FTS5 virtual tables.
-- One row per article (its current revision). unicode61 folds case for Cyrillic too,
-- and remove_diacritics 2 folds ё into е and й into и, so a reader need not type them exactly.
CREATE VIRTUAL TABLE `article_search` USING fts5(
  `title`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
