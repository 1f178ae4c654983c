package dev.labforge.quota;

import dev.labforge.access.Owner;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Limits set for one owner, overriding the configured defaults. */
@Component
class QuotaStore {

    private final JdbcClient jdbc;

    QuotaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Limits> find(Owner owner) {
        return jdbc.sql("select labs, running_nodes, vcpus, memory_mib from quotas where owner_kind = ? and owner_id = ?")
                .params(owner.kind().label(), owner.id())
                .query((rs, row) -> new Limits(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
                        rs.getObject(3, Integer.class), rs.getObject(4, Long.class)))
                .optional();
    }

    void put(Owner owner, Limits limits) {
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
        jdbc.sql("delete from quotas where owner_kind = ? and owner_id = ?").params(owner.kind().label(), owner.id())
                .update();
    }

    /**
     * Serialises every commitment of one owner until the transaction ends. A transaction-scoped
     * advisory lock needs no row to exist and is released by commit or rollback, whatever happens.
     */
    void lock(Owner owner) {
        long key = owner.id().getMostSignificantBits() ^ owner.id().getLeastSignificantBits();
        jdbc.sql("select pg_advisory_xact_lock(?)").param(key).query((rs, row) -> 0).list();
    }
}
