package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab module's public face for the labs page and the stream of every lab's state: which labs are the caller's
 * (theirs, their teams', shared with them), read in a fixed number of statements however many there are.
 */
@Component
public class LabList {

    /** A lab as the labs page lists it. */
    public record Row(UUID id, String name, String description, Owner.Kind ownerKind, String ownerName,
                      boolean mine, Permission permission, int nodeCount) {
    }

    /** The caller's labs by where they come from, newest first; {@code truncated} when more than the limit exist. */
    public record Overview(List<Row> mine, List<Row> teams, List<Row> shared, boolean truncated) {

        public List<UUID> ids() {
            return java.util.stream.Stream.of(mine, teams, shared).flatMap(List::stream).map(Row::id).toList();
        }
    }

    private final LabAccess access;
    private final Owners owners;

    LabList(LabAccess access, Owners owners) {
        this.access = access;
        this.owners = owners;
    }

    /** At most {@code limit} labs of each of owned and shared: three statements (owned, shared, owner names). */
    @Transactional(readOnly = true)
    public Overview overview(Caller caller, int limit) {
        var owned = access.list(caller, LabAccess.Scope.OWNED, null, 0, limit + 1);
        var shared = access.list(caller, LabAccess.Scope.SHARED, null, 0, limit + 1);
        boolean truncated = owned.size() > limit || shared.size() > limit;
        owned = owned.subList(0, Math.min(limit, owned.size()));
        shared = shared.subList(0, Math.min(limit, shared.size()));
        var names = owners.views(java.util.stream.Stream.concat(owned.stream(), shared.stream())
                .map(l -> l.lab().owner()).distinct().toList());
        List<Row> ownedRows = owned.stream().map(l -> row(l, names.get(l.lab().owner()), caller)).toList();
        return new Overview(ownedRows.stream().filter(Row::mine).toList(),
                ownedRows.stream().filter(r -> !r.mine()).toList(),
                shared.stream().map(l -> row(l, names.get(l.lab().owner()), caller)).toList(), truncated);
    }

    /** The ids of the caller's labs (theirs, their teams', shared with them); an administrator's too, no more. */
    public Set<UUID> ids(Caller caller) {
        return access.reachable(caller, null);
    }

    /** Whether the caller may see the lab (an administrator every lab): false alike for none by that id. */
    public boolean sees(Caller caller, UUID id) {
        return access.permissionIfAny(caller, id).isPresent();
    }

    /** Those of {@code labIds} that are the caller's as they stand now: one statement. */
    public Set<UUID> stillTheirs(Caller caller, Collection<UUID> labIds) {
        return labIds.isEmpty() ? Set.of() : access.reachable(caller, labIds);
    }

    private static Row row(LabAccess.Listed listed, LabView.OwnerView owner, Caller caller) {
        LabSummary lab = listed.lab();
        boolean mine = lab.owner().kind() == Owner.Kind.USER && lab.owner().id().equals(caller.userId());
        return new Row(lab.id(), lab.name(), lab.description(), lab.owner().kind(),
                owner == null ? null : owner.name(), mine, listed.permission(), lab.nodeCount());
    }
}
