package dev.labforge.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for a new embedded PostgreSQL on a data directory whose last server outlived its LabForge.
 * <p>
 * The embedded server is a separate process, so a LabForge killed without a chance to stop it ({@code kill -9},
 * the OOM killer) leaves it running on the data directory. A new server there then refuses to start (the old one
 * holds {@code postmaster.pid}) and the start gives up after its whole startup wait. Before starting, this stops
 * such an orphan; it never touches a server whose LabForge is still alive, nor a process that merely reuses the
 * PID the file names.
 */
final class OrphanedServer {

    /** What was found in the data directory, and done about it. */
    enum Outcome {
        /** No {@code postmaster.pid}, or one PostgreSQL cannot have written: left for PostgreSQL to judge. */
        NONE,
        /** The PID named is gone; PostgreSQL removes such a stale file itself. */
        STALE_LEFT_TO_POSTGRES,
        /** The PID named now belongs to an unrelated process: left running, and the stale file removed. */
        STALE_REMOVED,
        /** A live process holds the data directory's lock: its server is in use, not orphaned. */
        IN_USE,
        /** The orphan stopped after a fast shutdown. */
        STOPPED,
        /** The orphan ignored a fast shutdown for the whole patience and was killed. */
        KILLED
    }

    /** The file zonky's embedded PostgreSQL locks while a JVM owns the data directory; the lock dies with that JVM. */
    static final String OWNER_LOCK = "epg-lock";

    /** How long a fast shutdown may take (it writes a checkpoint first) before the orphan is killed instead. */
    static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(20);

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

    private final Path dataDirectory;
    private final Duration patience;
    private final Clock clock;

    OrphanedServer(Path dataDirectory, Duration patience, Clock clock) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.patience = patience;
        this.clock = clock;
    }

    /** Stops an orphaned server on the data directory, if there is one, and waits until it is gone. */
    Outcome stopIfAny() throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(dataDirectory);
        if (pidFile.isEmpty()) {
            return Outcome.NONE;
        }
        // holding the owner's lock while deciding keeps a second LabForge starting on the same directory out
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                log.warn("Embedded PostgreSQL in {} is in use by a running process (it holds {}): leaving its server"
                        + " (PID {}) alone", dataDirectory, OWNER_LOCK, pidFile.get().pid());
                return Outcome.IN_USE;
            }
            return clear(pidFile.get());
        }
    }

    private Outcome clear(PostmasterPidFile pidFile) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pidFile.pid()).filter(p -> !hasExited(p));
        if (process.isEmpty()) {
            log.info("{} in {} names PID {}, which no longer runs: the last embedded PostgreSQL stopped without"
                    + " cleaning up, and PostgreSQL clears such a file itself", PostmasterPidFile.NAME, dataDirectory,
                    pidFile.pid());
            return Outcome.STALE_LEFT_TO_POSTGRES;
        }
        if (!servesThisDirectory(process.get())) {
            // PostgreSQL would refuse to start while that PID lives if the process is ours to signal (as root: any)
            Files.deleteIfExists(dataDirectory.resolve(PostmasterPidFile.NAME));
            log.warn("{} in {} names PID {}, now an unrelated process ({}): left it running and removed the stale"
                    + " file", PostmasterPidFile.NAME, dataDirectory, pidFile.pid(), commandOf(process.get()));
            return Outcome.STALE_REMOVED;
        }
        log.warn("Stopping the embedded PostgreSQL left running in {} by a LabForge that did not shut down (PID {},"
                + " port {}, up since {}) before starting a new one", dataDirectory, pidFile.pid(), pidFile.port(),
                pidFile.startedAt());
        return stop(process.get());
    }

    private Outcome stop(ProcessHandle postmaster) {
        requestFastShutdown(postmaster);
        if (awaitExit(postmaster)) {
            return Outcome.STOPPED;
        }
        log.warn("The orphaned embedded PostgreSQL (PID {}) did not finish a fast shutdown within {}: killing it and"
                + " its processes; it recovers from its write-ahead log at the next start", postmaster.pid(), patience);
        // its backends too, or the new server finds the old shared memory still attached and refuses to start
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster)) {
            throw new IllegalStateException("could not stop the orphaned embedded PostgreSQL (PID " + postmaster.pid()
                    + ") in " + dataDirectory);
        }
        return Outcome.KILLED;
    }

    /** SIGINT is PostgreSQL's fast shutdown (what {@code pg_ctl stop -m fast} sends): sessions end, data is flushed. */
    private static void requestFastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("no kill command to send SIGINT", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // SIGTERM, a smart shutdown: it waits for sessions, and the dead LabForge's sessions have ended with it
        postmaster.destroy();
    }

    private boolean awaitExit(ProcessHandle process) {
        Instant deadline = clock.instant().plus(patience);
        while (!hasExited(process)) {
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasExited(process);
            }
        }
        return true;
    }

    /**
     * Gone, or a zombie: an orphan's parent is whatever adopted it, which may be slow to reap it (or never), and
     * the JDK counts a zombie as alive.
     */
    static boolean hasExited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int endOfName = stat.lastIndexOf(')');
            char state = endOfName >= 0 && stat.length() > endOfName + 2 ? stat.charAt(endOfName + 2) : 'R';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return !process.isAlive();
        }
    }

    /** A postgres executable working in this data directory (PostgreSQL changes into its data directory at start). */
    private boolean servesThisDirectory(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(OrphanedServer::executableName).filter("postgres"::equals).isPresent();
        if (!postgres) {
            return false;
        }
        if (isDataDirectory(Path.of("/proc", Long.toString(process.pid()), "cwd"))) {
            return true;
        }
        // without /proc (macOS) or without the right to read it: the -D argument, when absolute
        List<String> arguments = info.arguments().map(List::of).orElse(List.of());
        int flag = arguments.indexOf("-D");
        return flag >= 0 && flag + 1 < arguments.size() && Path.of(arguments.get(flag + 1)).isAbsolute()
                && isDataDirectory(Path.of(arguments.get(flag + 1)));
    }

    private boolean isDataDirectory(Path path) {
        try {
            return Files.isSameFile(path, dataDirectory);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The file name; Linux reports an executable replaced or deleted since it started as "name (deleted)". */
    private static String executableName(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.endsWith(" (deleted)") ? name.substring(0, name.length() - " (deleted)".length()) : name;
    }

    private static String commandOf(ProcessHandle process) {
        return process.info().commandLine().orElse("command unknown");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM owns it: a server started here is not orphaned
        }
    }
}
