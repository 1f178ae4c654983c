package dev.labforge.cluster.plan;

import dev.labforge.cluster.multus.BridgeNames;
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

    /** The advisory lock class of VLAN domains (two-int keys), apart from the event logs' and the quotas'. */
    static final int VLAN_LOCK_CLASS = 0x4C616256; // "LabV"

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
                bridges[i] = BridgeNames.of(numbers.get(i));
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

    /**
     * The lab's VLAN id per link, taking the lowest free ids of the domain for new links. Links the lab no longer has
     * give theirs back first, so an edit that replaces links fits in a range its lab fills.
     *
     * @throws VlanRangeExhausted when the range has fewer free ids than the lab's new links; the caller's transaction
     *                            then rolls back, so a lab that cannot have all its ids keeps none of the new ones
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> vlans(UUID labId, Collection<String> nadNames, String domain, int min, int max) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("select nad_name, vlan from link_vlans where lab_id = ?").param(labId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getInt(2))).list();
        if (out.keySet().retainAll(nadNames)) { // a steady lab issues no delete on every pass
            jdbc.sql("delete from link_vlans where lab_id = ? and not (nad_name = any (?))")
                    .params(labId, nadNames.toArray(String[]::new)).update();
        }
        List<String> missing = nadNames.stream().filter(nad -> !out.containsKey(nad)).toList();
        if (missing.isEmpty()) {
            return out;
        }
        // Takers of one domain queue here until the holder commits, then see what it took: without the lock two
        // passes read the same lowest free id, one waits on the other's insert, and with ids freed meanwhile two such
        // waits can cross (a deadlock). Only passes that allocate take it, for the rest of a short transaction.
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(VLAN_LOCK_CLASS, domain)
                .query((rs, n) -> n).list();
        List<Integer> free = jdbc.sql("""
                        select v from generate_series(?, ?) v
                        where not exists (select 1 from link_vlans where domain = ? and vlan = v)
                        order by v limit ?""")
                .params(min, max, domain, missing.size()).query(Integer.class).list();
        if (free.size() < missing.size()) {
            throw new VlanRangeExhausted(domain, min, max, labId, missing.size(), free.size());
        }
        jdbc.sql("insert into link_vlans (domain, vlan, lab_id, nad_name)"
                        + " select ?, v, ?, n from unnest(?::int[], ?::text[]) as t(v, n)")
                .params(domain, labId, free.toArray(Integer[]::new), missing.toArray(String[]::new)).update();
        for (int i = 0; i < missing.size(); i++) {
            out.put(missing.get(i), free.get(i));
        }
        return out;
    }

    /**
     * Gives the lab's VLAN ids back once nothing of it is left in the cluster: a destroyed lab keeps its definition
     * (and its runtime row) for ever, and held on to its ids until it was deleted, so a range emptied over time.
     */
    @Transactional
    void releaseVlans(UUID labId) {
        jdbc.sql("delete from link_vlans where lab_id = ?").param(labId).update();
    }

    private Map<String, String> existing(String sql, UUID labId) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql(sql).param(labId).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }
}
