package dev.labforge.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where its data lives; kept across restarts so labs survive them
 * @param port         0 picks a free port at each start
 * @param serverConfig PostgreSQL settings (postgresql.conf names) passed to the server at start, after LabForge's
 *                     own (fsync, synchronous_commit and full_page_writes on), which they may override
 */
@ConfigurationProperties("labforge.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDir,
                                         @DefaultValue("0") int port,
                                         @DefaultValue("10") int maxPoolSize,
                                         Map<String, String> serverConfig) {

    public EmbeddedDatabaseProperties {
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
