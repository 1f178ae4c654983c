package dev.labforge.cluster;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leader election through the database every replica already shares: a lease row that its holder
 * renews and anyone may take once it has expired. The database decides, atomically, who holds it.
 */
@Component
public class ReconcilerLease {

    /** A holder that stops renewing (crash, partition) is replaced after this long. */
    public static final Duration TTL = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final String me = UUID.randomUUID().toString();
    private volatile boolean held;

    ReconcilerLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the lease; @return whether this replica holds it now. */
    public boolean renew() {
        held = jdbc.sql("""
                insert into reconciler_lease (name, holder, expires_at)
                values ('reconciler', ?, now() + make_interval(secs => ?))
                on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
                where reconciler_lease.holder = excluded.holder or reconciler_lease.expires_at < now()
                returning holder""").params(me, (double) TTL.toSeconds()).query(String.class).optional()
                .isPresent();
        return held;
    }

    /** Gives the lease up at once, so another replica takes over without waiting for it to expire. */
    public void release() {
        if (held) {
            jdbc.sql("delete from reconciler_lease where name = 'reconciler' and holder = ?").param(me).update();
            held = false;
        }
    }

    public boolean held() {
        return held;
    }
}
