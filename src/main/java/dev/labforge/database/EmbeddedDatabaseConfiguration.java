package dev.labforge.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
            // else a server left by a killed LabForge holds the directory and this start waits out its whole wait
            new OrphanedServer(properties.dataDir(), OrphanedServer.DEFAULT_PATIENCE, Clock.systemUTC()).stopIfAny();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(properties.dataDir().toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // stopped by the context, after everything that writes to it: the library's own JVM shutdown
                    // hook would stop it at once on SIGTERM, beside the context's stop, failing passes and streams
                    // half-way through it
                    .setRegisterShutdownHook(false)
                    // the library's defaults suit throwaway test databases; this one keeps labs: make it durable
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            properties.serverConfig().forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            log.info("No database configured (spring.datasource.url): started embedded PostgreSQL on port {} with"
                    + " data in {}", postgres.getPort(), properties.dataDir().toAbsolutePath());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + properties.dataDir(), e);
        }
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setPoolName("embedded-postgres");

        return new HikariDataSource(config);
    }
}
