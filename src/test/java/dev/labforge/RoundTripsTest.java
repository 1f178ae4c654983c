package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The round-trip counter every integration test's context has ({@link RoundTrips}) counts a request that asks for it
 * and costs the rest nothing beyond a look at their thread: the service's pool runs on its connections, but a
 * statement made on a thread that is not armed is the driver's own.
 */
class RoundTripsTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aStatementMadeOnAThreadThatIsNotArmedIsTheDriversOwn() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select 1")) {
            // the pool hands out what it wraps when asked for the interface it wraps
            assertThat(Proxy.isProxyClass(connection.unwrap(Connection.class).getClass()))
                    .as("the pool's connection is the counter's").isTrue();
            assertThat(Proxy.isProxyClass(statement.unwrap(PreparedStatement.class).getClass()))
                    .as("but its statement, made unarmed, is the driver's").isFalse();
            statement.executeQuery().close();
        }
    }

    @Test
    void aRequestThatAsksIsCountedAndOneThatDoesNotIsNot() {
        ApiClient user = api().newUser();
        String probe = "probe-" + UUID.randomUUID();
        assertThat(user.get("/api/v1/labs", RoundTrips.HEADER, probe).status()).isEqualTo(200);
        assertThat(RoundTrips.of(probe)).as("the caller is read from its token").isNotEmpty();

        String unasked = "probe-" + UUID.randomUUID();
        assertThat(user.get("/api/v1/labs", "X-Other", unasked).status()).isEqualTo(200);
        assertThat(RoundTrips.of(unasked)).isEmpty();
    }
}
