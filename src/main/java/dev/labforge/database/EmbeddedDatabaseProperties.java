package dev.labforge.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where its data lives; kept across restarts so labs survive them
 * @param port    0 picks a free port at each start
 */
@ConfigurationProperties("labforge.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDir,
                                         @DefaultValue("0") int port,
                                         @DefaultValue("10") int maxPoolSize) {
}
