package dev.labforge.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterPidFileTest {

    /** As PostgreSQL 17 wrote it for an embedded server (the key line is padded with spaces, the status too). */
    private static final String WRITTEN_BY_POSTGRES = """
            8281
            /tmp/fepg/data
            1796504003
            54999
            /tmp
            localhost
              2150087        19
            ready  \s
            """;

    @Test
    void readsPidDataDirectoryStartAndPort() {
        assertThat(PostmasterPidFile.parse(WRITTEN_BY_POSTGRES)).contains(new PostmasterPidFile(8281,
                Path.of("/tmp/fepg/data"), Instant.parse("2026-12-05T20:53:23Z"), 54999));
    }

    @Test
    void aFileWithoutItsStatusLineIsStillRead() {
        String starting = String.join("\n", WRITTEN_BY_POSTGRES.lines().limit(7).toList());
        assertThat(PostmasterPidFile.parse(starting)).map(PostmasterPidFile::pid).contains(8281L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8281\n", "8281\n/tmp/fepg/data\n1796504003\n", "x\n/d\n1796504003\n5432\n",
            "8281\n/d\nyesterday\n5432\n", "8281\n/d\n1796504003\nport\n", "0\n/d\n1796504003\n5432\n",
            "-1\n/d\n1796504003\n5432\n", "8281\n \n1796504003\n5432\n"})
    void aFileCutShortOrNotFromPostgresIsNotTrusted(String text) {
        assertThat(PostmasterPidFile.parse(text)).isEmpty();
    }

    @Test
    void noFileIsNoServer(@TempDir Path data) throws Exception {
        assertThat(PostmasterPidFile.read(data)).isEmpty();
    }
}
