-- Hand-written. A claimant page counts its public fact-checks by rating. Over claims_public_claimant_idx
-- that count grouped every public claim of the claimant in a temporary B-tree, which at 15,000 public
-- claims of one claimant made the rendered page 2.5 times slower than at demo size (BENCHMARKS.md).
-- Over this partial index the claims come in rating order, so the count groups them as it reads.
CREATE INDEX `claims_public_claimant_rating_idx` ON `claims` (`claimant_id`, `rating_key`) WHERE `state` IN ('published', 'corrected', 'retracted');
