package dev.labforge.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Host bridge names and VLAN ids for links, allocated in the database so that two replicas (or a
 * restart) never hand out the same one: uniqueness is a constraint, not a convention.
 */
@Component
class LinkAllocations {

    /** Bridge names are "lfb" + base36 of a sequence: 12 base36 digits fit 15 characters for ever. */
    static final String BRIDGE_PREFIX = "lfb";

    private final JdbcClient jdbc;

    LinkAllocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, String> bridges(UUID labId, Collection<String> nadNames) {
        Map<String, String> out = existing("select nad_name, bridge as v from link_bridges where lab_id = ?", labId);
        boolean stale = out.keySet().retainAll(nadNames);
        List<String> missing = nadNames.stream().filter(nad -> !out.containsKey(nad)).toList();
        if (!missing.isEmpty()) {
            // two statements for all of a lab's new links, however many: the names, then every row
            List<Long> numbers = jdbc.sql("select nextval('bridge_name_seq') from generate_series(1, ?)")
                    .param(missing.size()).query(Long.class).list();
            String[] bridges = new String[missing.size()];
            for (int i = 0; i < bridges.length; i++) {
                bridges[i] = BRIDGE_PREFIX + Long.toString(numbers.get(i), 36);
                out.put(missing.get(i), bridges[i]);
            }
            jdbc.sql("insert into link_bridges (lab_id, nad_name, bridge) select ?, * from unnest(?::text[], ?::text[])")
                    .params(labId, missing.toArray(String[]::new), bridges).update();
        }
        if (stale) { // a steady lab issues no delete on every pass
            jdbc.sql("delete from link_bridges where lab_id = ? and not (nad_name = any (?))")
                    .params(labId, nadNames.toArray(String[]::new)).update();
        }
        return out;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> vlans(UUID labId, Collection<String> nadNames, String domain, int min, int max) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("select nad_name, vlan from link_vlans where lab_id = ?").param(labId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getInt(2))).list();
        boolean stale = out.keySet().retainAll(nadNames);
        for (String nad : nadNames) {
            if (!out.containsKey(nad)) {
                out.put(nad, allocateVlan(labId, nad, domain, min, max));
            }
        }
        if (stale) {
            jdbc.sql("delete from link_vlans where lab_id = ? and not (nad_name = any (?))")
                    .params(labId, nadNames.toArray(String[]::new)).update();
        }
        return out;
    }

    /** Takes the lowest free id; a concurrent taker makes the insert do nothing, and we look again. */
    private int allocateVlan(UUID labId, String nad, String domain, int min, int max) {
        for (int attempt = 0; attempt < 16; attempt++) {
            var taken = jdbc.sql("""
                    insert into link_vlans (domain, vlan, lab_id, nad_name)
                    select ?, v, ?, ? from generate_series(?, ?) v
                    where not exists (select 1 from link_vlans where domain = ? and vlan = v)
                    order by v limit 1
                    on conflict do nothing
                    returning vlan""").params(domain, labId, nad, min, max, domain).query(Integer.class).optional();
            if (taken.isPresent()) {
                return taken.get();
            }
            Integer free = jdbc.sql("select count(*) from generate_series(?, ?) v where not exists"
                    + " (select 1 from link_vlans where domain = ? and vlan = v)")
                    .params(min, max, domain).query(Integer.class).single();
            if (free == 0) {
                throw new IllegalStateException("no free VLAN id left in " + min + ".." + max + " of " + domain);
            }
        }
        throw new IllegalStateException("could not allocate a VLAN id for " + nad + " after 16 attempts");
    }

    private Map<String, String> existing(String sql, UUID labId) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql(sql).param(labId).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }
}
