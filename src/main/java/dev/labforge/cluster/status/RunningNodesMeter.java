package dev.labforge.cluster.status;

import dev.labforge.access.Owner;
import dev.labforge.lab.LabDefinitions;
import dev.labforge.quota.Usage;
import dev.labforge.quota.UsageMeter;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Running nodes, vCPUs and memory an owner holds: nodes that should run in labs that should run, less
 * labs charged to a course (their capacity is the course pool's, reserved by bookings).
 */
@Component
class RunningNodesMeter implements UsageMeter {

    private final LabDefinitions labs;
    private final JdbcClient jdbc;

    RunningNodesMeter(LabDefinitions labs, JdbcClient jdbc) {
        this.labs = labs;
        this.jdbc = jdbc;
    }

    @Override
    public Usage usage(Owner owner) {
        List<UUID> owned = labs.idsChargedTo(owner);
        if (owned.isEmpty()) {
            return Usage.NONE;
        }
        return jdbc.sql("""
                        select count(*), coalesce(sum(n.vcpus), 0), coalesce(sum(n.memory_mib), 0)
                        from node_runtime n join lab_runtime r on r.lab_id = n.lab_id
                        where n.lab_id = any(?) and r.desired = 'RUNNING' and n.running""")
                .param(owned.toArray(UUID[]::new))
                .query((rs, row) -> Usage.nodes(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }
}
