package dev.labforge.cluster.simulated;

import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.Map;
import java.util.Queue;

/**
 * Answers a request with a response scripted for it ({@code server.expect()}, how tests inject failures) while one
 * is queued, and from the object store otherwise: the rule of fabric8's {@code KubernetesMixedDispatcher}, which
 * builds its own store where this one is given the {@link IndexedStore}.
 */
final class ScriptedOrStored extends Dispatcher {

    private final Map<ServerRequest, Queue<ServerResponse>> scripted;
    private final MockDispatcher script;
    private final Dispatcher store;

    ScriptedOrStored(Map<ServerRequest, Queue<ServerResponse>> scripted, Dispatcher store) {
        this.scripted = scripted;
        this.script = new MockDispatcher(scripted);
        this.store = store;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Queue<ServerResponse> queued = scripted.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()),
                request.getPath()));
        return queued != null && !queued.isEmpty() ? script.dispatch(request) : store.dispatch(request);
    }

    @Override
    public void shutdown() {
        script.shutdown();
        store.shutdown();
    }

    @Override
    public void releaseResources() {
        script.releaseResources();
        store.releaseResources();
    }
}
