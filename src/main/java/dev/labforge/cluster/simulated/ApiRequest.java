package dev.labforge.cluster.simulated;

/**
 * One request the simulated API answered, as an observer sees it after the answer.
 *
 * @param agent  the client's {@code User-Agent}: the simulator's own client says
 *               {@link SimulatedCluster#SIMULATOR_AGENT}, so its status writes and watches can be told from others
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param path   the request path with its query, such as {@code /api/v1/namespaces/lab-1/secrets}
 * @param code   the HTTP status of the answer
 */
public record ApiRequest(String agent, String method, String path, int code) {

    /** True for requests that may change something: everything but GET (reads, lists and watches). */
    public boolean isWrite() {
        return !"GET".equals(method);
    }

    /** True for a watch: a GET with {@code watch=true} in its query. */
    public boolean isWatch() {
        int query = path.indexOf('?');
        return "GET".equals(method) && query > 0 && path.indexOf("watch=true", query) > 0;
    }

    /** The path without its query. */
    public String resourcePath() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
