package dev.labforge.database;

import java.nio.file.Path;
import java.util.Map;

/**
 * A JVM that starts the service's embedded PostgreSQL on the data directory given and holds it until it is killed:
 * the service, as far as its database is concerned.
 */
final class EmbeddedDatabaseOwner {

    static final String READY = "embedded database ready";

    private EmbeddedDatabaseOwner() {
    }

    public static void main(String[] args) throws Exception {
        new EmbeddedDatabaseConfiguration().embeddedPostgres(
                new EmbeddedDatabaseProperties(Path.of(args[0]), 0, 1, Map.of()));
        System.out.println(READY);
        System.out.flush();
        // until killed; should the test JVM die first, stdin ends and the server is stopped by the shutdown hook
        while (System.in.read() >= 0) {
            // nothing to do
        }
    }
}
