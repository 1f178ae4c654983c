package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that found no free database connection within the pool's wait (Hikari's
 * SQLTransientConnectionException, wrapped by Spring) is a load peak: a 503 problem that asks the client to come
 * back in a second, not a 500 "unexpected error".
 */
class BusyDatabaseTest {

    @Test
    void noConnectionInTimeIsA503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandler().unexpected(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getType().toString()).endsWith("/service-unavailable");
        assertThat(answer.getBody().getDetail()).contains("busy").doesNotContain("Hikari", "JDBC");
    }

    @Test
    void aDeadlockVictimIsA409ToSendAgainThatNamesNoInternals() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandler().lockFailure(new PessimisticLockingFailureException(
                "PreparedStatementCallback; SQL [select pg_advisory_xact_lock(?)]",
                new SQLException("ERROR: deadlock detected", "40P01")));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).endsWith("/conflict");
        assertThat(answer.getBody().getDetail()).contains("send the request again")
                .doesNotContain("deadlock", "SQL", "pg_");
    }

    @Test
    void otherFailuresStayA500ThatNamesNoInternals() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandler().unexpected(new IllegalStateException("boom"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).doesNotContain("boom");
    }
}
