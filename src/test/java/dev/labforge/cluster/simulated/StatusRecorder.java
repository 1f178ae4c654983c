package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Watchable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Records, from a watch, each change of one status value per object, in the order the API server sent them:
 * what a reconciler watching the same objects would see.
 */
final class StatusRecorder implements Watcher<GenericKubernetesResource>, AutoCloseable {

    static final String DELETED = "<deleted>";

    record Change(String value, long nanos) {
    }

    private final Function<GenericKubernetesResource, String> value;
    private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();
    private Watch watch;

    private StatusRecorder(Function<GenericKubernetesResource, String> value) {
        this.value = value;
    }

    static StatusRecorder printableStatus(Watchable<GenericKubernetesResource> vms) {
        return start(vms, vm -> vm.get("status", "printableStatus"));
    }

    static StatusRecorder phase(Watchable<GenericKubernetesResource> vmis) {
        return start(vmis, vmi -> vmi.get("status", "phase"));
    }

    private static StatusRecorder start(Watchable<GenericKubernetesResource> resources,
                                        Function<GenericKubernetesResource, String> value) {
        StatusRecorder recorder = new StatusRecorder(value);
        recorder.watch = resources.watch(recorder);
        return recorder;
    }

    /** The values seen for one object, without repeats and without the empty value before the first write. */
    List<String> values(String name) {
        return changes(name).stream().map(Change::value).toList();
    }

    List<Change> changes(String name) {
        synchronized (changes) {
            return List.copyOf(changes.getOrDefault(name, List.of()));
        }
    }

    @Override
    public void eventReceived(Action action, GenericKubernetesResource resource) {
        String seen = action == Action.DELETED ? DELETED : value.apply(resource);
        if (seen == null) {
            return;
        }
        synchronized (changes) {
            List<Change> list = changes.computeIfAbsent(resource.getMetadata().getName(), n -> new ArrayList<>());
            if (list.isEmpty() || !Objects.equals(list.getLast().value(), seen)) {
                list.add(new Change(seen, System.nanoTime()));
            }
        }
    }

    @Override
    public void onClose(WatcherException cause) {
    }

    @Override
    public void close() {
        watch.close();
    }
}
