package dev.labforge.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL the service starts when no database is configured: durable, and tunable. */
class EmbeddedDatabaseConfigurationTest {

    @Test
    void startsDurableWithTheConfiguredServerSettingsOnTop(@TempDir Path data) throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(data.resolve("postgres"), 0, 2,
                Map.of("work_mem", "7MB", "synchronous_commit", "off"));
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
             HikariDataSource dataSource = configuration.dataSource(postgres, properties)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
            assertThat(setting(jdbc, "work_mem")).isEqualTo("7MB");
            assertThat(setting(jdbc, "synchronous_commit")).as("a configured setting overrides LabForge's")
                    .isEqualTo("off");
            assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
    }
}
