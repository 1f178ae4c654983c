package dev.labforge.lab;

import dev.labforge.access.Owner;
import dev.labforge.quota.Usage;
import dev.labforge.quota.UsageMeter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many labs an owner has defined, less those charged to a course. */
@Component
class LabCountMeter implements UsageMeter {

    private final JdbcClient jdbc;

    LabCountMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Usage usage(Owner owner) {
        String column = owner.kind() == Owner.Kind.USER ? "owner_id" : "owner_team_id";
        long count = jdbc.sql("select count(*) from labs where " + column + " = ? and charged_to is null").param(owner.id())
                .query(Long.class).single();
        return new Usage(count, 0, 0, 0);
    }
}
