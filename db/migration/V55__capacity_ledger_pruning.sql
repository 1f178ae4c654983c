-- Where the pruning of capacity_ledger_changes (V51) stands, in one row, so whichever replica holds the reconciler's
-- lease carries on where the last one left off (booking.LedgerPruner).
--
-- pending/pending_at: a snapshot taken at that time (the service's Clock). Once every load a replica may still keep
-- (labforge.booking.kept-load-max-age) was read after it, plus a margin, the changes it saw are deleted: a snapshot
-- taken later sees them too, so no kept load needs them. Not by changed_at: a long transaction's row has an early
-- timestamp and may commit late, unseen by loads kept meanwhile.
-- pruned: the snapshot whose changes were last deleted. The freshness check counts a kept load read before it as
-- changed, whatever the clocks say, so a replica whose clock lags can never miss a change that was pruned away.
-- The row is written by the first pruning pass (no seed data in migrations).
CREATE TABLE capacity_ledger_pruning (
    only_row   boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    pending    pg_snapshot,
    pending_at timestamptz,
    pruned     pg_snapshot
);
