-- Which transactions changed which pool's reservations: what lets a replica keep a pool's load in memory for the
-- free-slot read (booking.PoolLoads) and still never answer from a ledger that changed since.
--
-- Every statement that writes capacity_reservations, whoever runs it (the booking module, another replica, psql),
-- adds one row per pool it touched, with its transaction's id. A replica remembers the snapshot (pg_current_snapshot)
-- in which it read a pool's load; that load is still true while no row of the pool here is of a transaction that
-- snapshot did not see. Why transaction ids and not a counter: a counter bumped in the same transaction locks its
-- row until commit, which puts a new lock into every release (releases take no pool lock, so a transaction that
-- releases and then reserves in one pool would deadlock with one that reserves); and a sequence's values are not in
-- commit order (a change numbered 5 can commit after one numbered 6 was read). An insert here waits for nobody.
CREATE TABLE capacity_ledger_changes (
    pool_id    uuid        NOT NULL,
    xid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    changed_at timestamptz NOT NULL DEFAULT now()
);
-- the freshness check reads only the pool's changes from the remembered snapshot's xmin on
CREATE INDEX capacity_ledger_changes_pool_xid ON capacity_ledger_changes (pool_id, xid);

CREATE FUNCTION capacity_ledger_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO capacity_ledger_changes (pool_id) SELECT DISTINCT pool_id FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO capacity_ledger_changes (pool_id)
            SELECT pool_id FROM new_rows UNION SELECT pool_id FROM old_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO capacity_ledger_changes (pool_id) SELECT DISTINCT pool_id FROM old_rows;
    ELSE -- TRUNCATE: no transition table, so every pool
        INSERT INTO capacity_ledger_changes (pool_id) SELECT id FROM capacity_pools;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER capacity_reservations_inserted AFTER INSERT ON capacity_reservations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capacity_ledger_changed();
CREATE TRIGGER capacity_reservations_updated AFTER UPDATE ON capacity_reservations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capacity_ledger_changed();
CREATE TRIGGER capacity_reservations_deleted AFTER DELETE ON capacity_reservations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capacity_ledger_changed();
CREATE TRIGGER capacity_reservations_truncated AFTER TRUNCATE ON capacity_reservations
    FOR EACH STATEMENT EXECUTE FUNCTION capacity_ledger_changed();
