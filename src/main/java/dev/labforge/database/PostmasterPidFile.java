package dev.labforge.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} in a data directory says about the server that wrote it. PostgreSQL writes the
 * first lines at once when it takes the data directory (PID, data directory, start time in epoch seconds, port,
 * then socket directory, listen address, shared memory key) and adds a status line as it starts and stops.
 *
 * @param pid           the postmaster's process id
 * @param dataDirectory the data directory as the server named it
 * @param startedAt     when the postmaster started
 * @param port          the port it listens on
 */
record PostmasterPidFile(long pid, Path dataDirectory, Instant startedAt, int port) {

    static final String NAME = "postmaster.pid";

    /** The file in this data directory; empty when there is none or it is too short or garbled to trust. */
    static Optional<PostmasterPidFile> read(Path dataDirectory) throws IOException {
        try {
            return parse(Files.readString(dataDirectory.resolve(NAME)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Empty for a file cut short (a server killed while writing it) or not written by PostgreSQL. */
    static Optional<PostmasterPidFile> parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            long startedAt = Long.parseLong(lines.get(2).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            if (pid <= 0 || lines.get(1).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPidFile(pid, Path.of(lines.get(1)), Instant.ofEpochSecond(startedAt),
                    port));
        } catch (NumberFormatException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
