package dev.labforge.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labforge.database.OrphanedServer.Outcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which processes a {@code postmaster.pid} may lead to stopping, with real processes standing in for servers.
 * A real killed embedded server is stopped in {@link EmbeddedDatabaseConfigurationTest}.
 */
class OrphanedServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @TempDir
    Path bin;

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "stand-in processes and zombies need Linux /proc");
    }

    @AfterEach
    void stopStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void noPidFileIsNothingToDo() throws Exception {
        assertThat(orphans().stopIfAny()).isEqualTo(Outcome.NONE);
    }

    @Test
    void aGarbledPidFileIsLeftForPostgresToJudge() throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "8281\n");

        assertThat(orphans().stopIfAny()).isEqualTo(Outcome.NONE);
        assertThat(data.resolve("postmaster.pid")).hasContent("8281");
    }

    @Test
    void aPidThatNoLongerRunsIsLeftForPostgresToClear() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        writePidFile(gone.pid());

        assertThat(orphans().stopIfAny()).isEqualTo(Outcome.STALE_LEFT_TO_POSTGRES);
        assertThat(data.resolve("postmaster.pid")).exists();
    }

    @Test
    void anUnrelatedProcessWithTheNamedPidKeepsRunningAndTheStaleFileGoes() throws Exception {
        // even working in the data directory: only a postgres executable there is a server of it
        Process unrelated = start(new ProcessBuilder("sleep", "60").directory(data.toFile()));
        awaitExecutable(unrelated, "sleep");
        writePidFile(unrelated.pid());

        assertThat(orphans().stopIfAny()).isEqualTo(Outcome.STALE_REMOVED);
        assertThat(unrelated.isAlive()).isTrue();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aPostgresOfAnotherDataDirectoryKeepsRunning(@TempDir Path elsewhere) throws Exception {
        Process otherServer = startPostgresStandIn(elsewhere);
        writePidFile(otherServer.pid());

        assertThat(orphans().stopIfAny()).isEqualTo(Outcome.STALE_REMOVED);
        assertThat(otherServer.isAlive()).isTrue();
    }

    @Test
    void aPostgresWorkingInTheDataDirectoryIsStoppedWithAFastShutdown() throws Exception {
        Process orphan = startPostgresStandIn(data);
        writePidFile(orphan.pid());

        assertThat(orphans().stopIfAny()).isEqualTo(Outcome.STOPPED);
        assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(orphan.exitValue()).as("ended by SIGINT").isEqualTo(128 + 2);
    }

    @Test
    void aPostgresIgnoringTheFastShutdownIsKilledAfterThePatience() throws Exception {
        Process orphan = start(new ProcessBuilder("sh", "-c", "trap '' INT; exec " + postgresStandIn() + " 60")
                .directory(data.toFile()));
        awaitExecutable(orphan, "postgres");
        writePidFile(orphan.pid());

        assertThat(new OrphanedServer(data, Duration.ofMillis(300), Clock.systemUTC()).stopIfAny())
                .isEqualTo(Outcome.KILLED);
        assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(orphan.exitValue()).as("ended by SIGKILL").isEqualTo(128 + 9);
    }

    @Test
    void aServerWhoseOwnerHoldsTheLockIsInUseNotOrphaned() throws Exception {
        Process server = startPostgresStandIn(data);
        writePidFile(server.pid());
        try (FileChannel channel = FileChannel.open(data.resolve(OrphanedServer.OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock owner = channel.lock()) {
            assertThat(orphans().stopIfAny()).isEqualTo(Outcome.IN_USE);
        }
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void aZombieHasExitedThoughTheJdkCallsItAlive() throws Exception {
        // the child exits once its parent has exec'd into sleep, which never reaps it, as an orphan's adopter may not
        // (a child that exited before the exec could be reaped by the shell, leaving no zombie to look at)
        Process parent = start(new ProcessBuilder("sh", "-c",
                "sh -c 'until [ \"$(cat /proc/$PPID/comm)\" = sleep ]; do sleep 0.01; done' & echo $!; exec sleep 60"));
        long zombie;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            zombie = Long.parseLong(out.readLine().strip());
            ProcessHandle handle = ProcessHandle.of(zombie).orElseThrow();
            awaitState(zombie, 'Z');

            assertThat(handle.isAlive()).isTrue();
            assertThat(OrphanedServer.hasExited(handle)).isTrue();
        }
    }

    private OrphanedServer orphans() {
        return new OrphanedServer(data, PATIENCE, Clock.systemUTC());
    }

    private Process start(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        started.add(process);
        return process;
    }

    private Process startPostgresStandIn(Path workingDirectory) throws Exception {
        Process process = start(new ProcessBuilder(postgresStandIn().toString(), "60")
                .directory(workingDirectory.toFile()));
        awaitExecutable(process, "postgres");
        return process;
    }

    /** sleep under the name postgres: what the check looks at is the executable's name and working directory. */
    private Path postgresStandIn() throws Exception {
        Path postgres = bin.resolve("postgres");
        if (!Files.exists(postgres)) {
            Files.copy(Path.of("/bin/sleep").toRealPath(), postgres);
        }
        return postgres;
    }

    private void writePidFile(long pid) throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), pid + "\n" + data + "\n1796504003\n54999\n/tmp\nlocalhost\n"
                + "  2150087        19\nready   \n");
    }

    /** Until the shell has exec'd: before, the PID is still the shell's. */
    private static void awaitExecutable(Process process, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!process.info().command().map(c -> c.endsWith("/" + name)).orElse(false)) {
            assertThat(System.nanoTime()).as("exec of " + name).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitState(long pid, char state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            if (stat.charAt(stat.lastIndexOf(')') + 2) == state) {
                return;
            }
            assertThat(System.nanoTime()).as("state " + state + " of " + pid).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
