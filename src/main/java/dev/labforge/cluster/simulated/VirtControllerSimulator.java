package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Plays KubeVirt's virt-controller (and the part of virt-handler that reports a VMI running) for LabForge's
 * VirtualMachines: creates and deletes their VMIs as {@code runStrategy} asks and moves VM and VMI status through
 * KubeVirt's values, with {@link SimulatorSettings delays} between steps.
 *
 * <p>It reads only from two informers (one on VMs labelled {@code app.kubernetes.io/managed-by=labforge} in all
 * namespaces, one on VMIs), decides each step from the state it sees ({@link NextStep}), never waits on an informer
 * thread (delays are timers on its own scheduler), and writes VM status only through the status subresource.
 *
 * <p>Its delays are measured on the {@link Clock} it is given (the system's unless {@link #clock(Clock) set}): a boot
 * of 60 s is over when that clock has moved 60 s, however fast it runs (a test's clock may run faster than real
 * time, or stand still until moved).
 * A timer cannot know when a clock other than the system's will reach a due time, so while any step waits, a
 * {@link #TICK ticker} looks which are due.
 */
public final class VirtControllerSimulator implements AutoCloseable {

    /** A safety net only: every change arrives as a watch event, and every delay has its own timer. */
    private static final long RESYNC_MILLIS = TimeUnit.MINUTES.toMillis(5);
    /** The mock API, not the simulator, is the bottleneck (CPU-bound on two cores): more threads buy nothing. */
    private static final int THREADS = 4;
    /** How long close() lets the informers' watches wind down before the client under them goes away. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);
    /**
     * How often, in real time, waiting steps are checked against the clock: on the system clock a step is at most
     * this late; on a clock running 20 x real time, at most a second of it.
     */
    static final Duration TICK = Duration.ofMillis(50);

    private final KubernetesClient client;
    private volatile Clock clock;
    private volatile SimulatorSettings settings;
    private final ScheduledExecutorService scheduler;
    private final WorkQueue queue;
    private final StatusWriter vmStatus;
    private final StatusWriter vmiStatus;
    /** When a delayed step became due, per VM key; a different step for the key restarts the clock. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /** Whether the ticker runs: only while some step waits, so an idle simulator does nothing. */
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Object changes = new Object();
    private final List<VmStatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private SharedIndexInformer<GenericKubernetesResource> vms;
    private SharedIndexInformer<GenericKubernetesResource> vmis;
    private SharedIndexInformer<Node> nodes;
    private final NodeScheduler kubeScheduler;
    private volatile boolean synced;

    /** @param fired whether the ticker already handed the key to the queue for this due time */
    private record Timer(Step step, Instant due, boolean fired) {
    }

    /** Told of every VM status the simulator wrote, right after the API accepted it. */
    @FunctionalInterface
    public interface VmStatusListener {
        void written(String namespace, String name, Map<String, Object> status);
    }

    /** A simulator whose delays pass on the system clock. */
    public VirtControllerSimulator(KubernetesClient client, SimulatorSettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    /** @param clock the clock its delays are measured on, and its status timestamps read from: the service's */
    public VirtControllerSimulator(KubernetesClient client, SimulatorSettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "simulated-virt-controller-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.queue = new WorkQueue(scheduler, this::reconcile);
        this.vmStatus = StatusWriter.throughSubresource(client, Kinds.VM);
        this.vmiStatus = StatusWriter.wholeObject(client, Kinds.VMI);
        this.kubeScheduler = new NodeScheduler(() -> nodes == null ? List.of() : nodes.getStore().list());
    }

    /** Starts both informers, waits for their first list, then handles every VM found. */
    public synchronized VirtControllerSimulator start() {
        if (vms != null) {
            throw new IllegalStateException("already started");
        }
        vms = client.genericKubernetesResources(Kinds.VM).inAnyNamespace()
                .withLabel(Kinds.MANAGED_BY, Kinds.LABFORGE)
                .runnableInformer(RESYNC_MILLIS);
        vms.addEventHandler(handler(vm -> queue.add(Kinds.key(vm))));
        vmis = client.genericKubernetesResources(Kinds.VMI).inAnyNamespace().runnableInformer(RESYNC_MILLIS);
        vmis.addEventHandler(handler(vmi -> {
            if (Kinds.ownerUid(vmi) != null) {
                queue.add(Kinds.key(vmi));
            }
        }));
        vmis.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource vmi) {
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource vmi) {
            }

            @Override
            public void onDelete(GenericKubernetesResource vmi, boolean finalStateUnknown) {
                kubeScheduler.release(vmi);
                retryUnschedulable();
            }
        });
        nodes = client.nodes().runnableInformer(RESYNC_MILLIS);
        nodes.addEventHandler(new ResourceEventHandler<>() { // a node added or grown: room, perhaps
            @Override
            public void onAdd(Node node) {
                retryUnschedulable();
            }

            @Override
            public void onUpdate(Node before, Node node) {
                retryUnschedulable();
            }

            @Override
            public void onDelete(Node node, boolean finalStateUnknown) {
            }
        });
        nodes.run();
        vms.run();
        vmis.run();
        vmis.getStore().list().forEach(kubeScheduler::placed); // a restarted simulator knows where VMIs run
        // events before this point were dropped by the handlers; the stores have them all
        synced = true;
        vms.getStore().listKeys().forEach(queue::add);
        vmis.getStore().listKeys().forEach(queue::add);
        return this;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /**
     * Calls {@code listener} on the simulator's thread after each VM status write the API accepted: what a client
     * should see next, and when it became true. Keep the listener cheap.
     */
    public void onVmStatusWritten(VmStatusListener listener) {
        statusListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * From now on, delays pass on {@code newClock}. The simulated cluster plays a separate system, whose VMs boot in
     * real time whatever the service's clock says (tests freeze that clock and still see labs boot); a simulation
     * that compresses time instead runs the cluster on the service's clock. Steps already waiting keep the due time
     * they were given on the previous clock: switch while the simulator is idle.
     */
    public void clock(Clock newClock) {
        this.clock = Objects.requireNonNull(newClock, "clock");
    }

    public Clock clock() {
        return clock;
    }

    /** New settings apply at once: a step still waiting out a delay starts over with the new delay. */
    public void settings(SimulatorSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
    }

    /** How many VMIs are in phase Running now, as the simulator's cache sees them. */
    public int runningInstances() {
        return (int) vmis.getStore().list().stream()
                .filter(vmi -> VmiStatus.of(vmi).isRunning())
                .count();
    }

    /**
     * Waits until the VM shows {@code Running} and ready, as the simulator's cache sees it.
     *
     * @return false if that did not happen within the timeout (or the waiting thread was interrupted)
     */
    public boolean awaitRunning(String namespace, String name, Duration timeout) {
        String key = namespace + "/" + name;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!isRunning(vms.getStore().getByKey(key))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        if (vms != null) {
            vms.stop();
            vmis.stop();
            nodes.stop();
            awaitStopped(vms);
            awaitStopped(vmis);
            awaitStopped(nodes);
        }
        timers.clear();
    }

    private static void awaitStopped(SharedIndexInformer<?> informer) {
        try {
            informer.stopped().toCompletableFuture().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stopping anyway; at worst a watch closes after its client
        }
    }

    private static boolean isRunning(GenericKubernetesResource vm) {
        if (vm == null) {
            return false;
        }
        VmStatus status = VmStatus.of(vm);
        return "Running".equals(status.printableStatus()) && status.ready();
    }

    private ResourceEventHandler<GenericKubernetesResource> handler(Consumer<GenericKubernetesResource> enqueue) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource resource) {
                changed(resource);
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource resource) {
                changed(resource);
            }

            @Override
            public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
                changed(resource);
            }

            private void changed(GenericKubernetesResource resource) {
                if (synced) {
                    enqueue.accept(resource);
                }
                synchronized (changes) {
                    changes.notifyAll();
                }
            }
        };
    }

    /** Room was freed: VMIs the scheduler could not place are tried again, as kube-scheduler retries pods. */
    private void retryUnschedulable() {
        if (!synced) {
            return;
        }
        for (GenericKubernetesResource vmi : vmis.getStore().list()) {
            if (VmiStatus.of(vmi).condition("PodScheduled")
                    .filter(c -> VmiLifecycle.UNSCHEDULABLE.equals(c.reason())).isPresent()) {
                queue.add(Kinds.key(vmi));
            }
        }
    }

    private void reconcile(String key) {
        GenericKubernetesResource vm = vms.getStore().getByKey(key);
        GenericKubernetesResource vmi = vmis.getStore().getByKey(key);
        NextStep.of(vm, vmi, settings, kubeScheduler)
                .ifPresentOrElse(step -> {
                    if (isDue(key, step)) {
                        apply(step, vm, vmi);
                    }
                }, () -> timers.remove(key));
    }

    /** True when the step may run now; otherwise starts (or keeps) its timer, which the ticker watches. */
    private boolean isDue(String key, Step step) {
        Instant now = clock.instant();
        Timer timer = step.delay().isZero() ? null : timers.compute(key, (k, running) ->
                running != null && running.step().equals(step) ? running
                        : new Timer(step, now.plus(step.delay()), false));
        if (timer == null || !now.isBefore(timer.due())) {
            timers.remove(key);
            return true;
        }
        startTicking();
        return false;
    }

    /** Whether nothing is queued or being handled now (steps waiting for their time do not count): for tests. */
    public boolean idle() {
        return queue.idle();
    }

    private void startTicking() {
        if (ticking.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::tick, TICK.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                ticking.set(false); // stopping
            }
        }
    }

    /** Hands each step whose time has come to the queue, once; goes on while any step waits. */
    private void tick() {
        Instant now = clock.instant();
        timers.forEach((key, timer) -> {
            if (!timer.fired() && !now.isBefore(timer.due())
                    && timers.replace(key, timer, new Timer(timer.step(), timer.due(), true))) {
                queue.add(key);
            }
        });
        ticking.set(false);
        if (!timers.isEmpty()) {
            startTicking();
        }
    }

    private void apply(Step step, GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        switch (step) {
            case Step.UpdateVmStatus update -> {
                Map<String, Object> written = vmStatus.write(vm, latest ->
                        update.status().equals(VmStatus.of(latest)) ? null
                                : update.status().toMap(Kinds.status(latest), clock.instant()));
                if (written != null) {
                    statusListeners.forEach(listener -> listener.written(vm.getMetadata().getNamespace(),
                            vm.getMetadata().getName(), written));
                }
            }
            case Step.UpdateVmiStatus update -> vmiStatus.write(vmi, latest ->
                    update.status().equals(VmiStatus.of(latest)) ? null
                            : update.status().toMap(Kinds.status(latest), clock.instant()));
            case Step.CreateVmi create -> createInstance(vm);
            case Step.DeleteVmi delete -> deleteInstance(vmi, delete.unlessOwnerLives());
        }
    }

    private void createInstance(GenericKubernetesResource vm) {
        try {
            client.genericKubernetesResources(Kinds.VMI).inNamespace(vm.getMetadata().getNamespace())
                    .resource(VmiRenderer.instanceOf(vm)).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) { // already created, the cache is behind
                throw e;
            }
        }
    }

    private void deleteInstance(GenericKubernetesResource vmi, boolean unlessOwnerLives) {
        String namespace = vmi.getMetadata().getNamespace();
        String name = vmi.getMetadata().getName();
        if (unlessOwnerLives) {
            GenericKubernetesResource owner = client.genericKubernetesResources(Kinds.VM).inNamespace(namespace)
                    .withName(name).get();
            if (owner != null && owner.getMetadata().getUid().equals(Kinds.ownerUid(vmi))) {
                return;
            }
        }
        client.genericKubernetesResources(Kinds.VMI).inNamespace(namespace).withName(name).delete();
    }
}
