package dev.labforge.quota;

import dev.labforge.access.Owner;
import dev.labforge.database.RoundTrip;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Limits set for one owner, overriding the configured defaults. */
@Component
class QuotaStore {

    /** The advisory lock class of owners' limits, in the two-int key space (the event log's is "LabE"). */
    static final int LIMITS_LOCK_CLASS = 0x4C616251; // "LabQ"

    private static final String FIND = "select labs, running_nodes, vcpus, memory_mib from quotas"
            + " where owner_kind = ? and owner_id = ?";

    private final JdbcClient jdbc;
    private final JdbcOperations statements;

    QuotaStore(JdbcClient jdbc, JdbcOperations statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    Optional<Limits> find(Owner owner) {
        return jdbc.sql(FIND).params(owner.kind().label(), owner.id()).query((rs, row) -> limits(rs)).optional();
    }

    /**
     * {@link #lockLimits} (shared) and then {@link #find}, in one round trip: the read starts once the lock is granted,
     * so it sees a change of the limits that committed while the lock was awaited. Every admission begins so.
     */
    Optional<Limits> lockSharedAndFind(Owner owner) {
        var lock = RoundTrip.query("select pg_advisory_xact_lock_shared(?, ?)", rs -> null, LIMITS_LOCK_CLASS,
                owner.id().hashCode());
        var limits = RoundTrip.query(FIND, rs -> rs.next() ? Optional.of(limits(rs)) : Optional.<Limits>empty(),
                owner.kind().label(), owner.id());
        return RoundTrip.run(statements, lock, limits).of(limits);
    }

    private static Limits limits(ResultSet rs) throws SQLException {
        return new Limits(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class), rs.getObject(3, Integer.class),
                rs.getObject(4, Long.class));
    }

    /** Writes the owner's limits once every admission that read the old ones has committed. */
    void put(Owner owner, Limits limits) {
        lockLimits(owner, true);
        jdbc.sql("""
                        insert into quotas (owner_kind, owner_id, labs, running_nodes, vcpus, memory_mib)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (owner_kind, owner_id) do update set labs = excluded.labs,
                          running_nodes = excluded.running_nodes, vcpus = excluded.vcpus,
                          memory_mib = excluded.memory_mib""")
                .params(owner.kind().label(), owner.id(), limits.labs(), limits.runningNodes(), limits.vcpus(),
                        limits.memoryMib())
                .update();
    }

    void remove(Owner owner) {
        lockLimits(owner, true);
        jdbc.sql("delete from quotas where owner_kind = ? and owner_id = ?").params(owner.kind().label(), owner.id())
                .update();
    }

    /**
     * The lock on an owner's limits, until the transaction ends: shared by every admission, so that the
     * limits it read cannot change before it commits, and exclusive for whoever changes them. An owner
     * without limits is thus never serialised: its admissions share this lock and take no other.
     * Transaction-scoped advisory locks need no row to exist and go with commit or rollback.
     */
    void lockLimits(Owner owner, boolean exclusive) {
        jdbc.sql(exclusive ? "select pg_advisory_xact_lock(?, ?)" : "select pg_advisory_xact_lock_shared(?, ?)")
                .params(LIMITS_LOCK_CLASS, owner.id().hashCode()).query((rs, row) -> 0).list();
    }

    /**
     * Serialises the admissions of one owner that has limits until the transaction ends: what one reads
     * as used cannot change before it commits what it adds. Take it after {@link #lockLimits}.
     */
    void lockAdmissions(Owner owner) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(admissionKey(owner)).query((rs, row) -> 0).list();
    }

    /** The one-bigint key of an owner's admissions; two owners may share one, which only makes them wait. */
    static long admissionKey(Owner owner) {
        return owner.id().getMostSignificantBits() ^ owner.id().getLeastSignificantBits();
    }
}
