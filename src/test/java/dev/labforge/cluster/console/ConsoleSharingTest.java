package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One console, many viewers: the student types, the instructor watches and may take over; access ends it. */
class ConsoleSharingTest extends RunningLabTest {

    @Test
    void aSecondViewerSeesTheScrollbackThenLiveOutputAndCannotType() throws Exception {
        ApiClient classmate = grant("operate");
        try (ConsoleClient student = open(owner, "r1")) {
            student.awaitOutput("r1 login: ");
            student.type("student\rpw\r");
            student.awaitOutput("r1# ");
            try (ConsoleClient watcher = open(classmate, "r1")) {
                // what was on the screen before they came, then their role
                assertThat(watcher.awaitOutput("r1# ")).contains("SIMULATED router r1").contains("r1 login: ");
                assertThat(watcher.awaitNotice("watcher")).contains("\"driver\":\"" + owner.username() + "\"");

                student.type("show status\r");
                assertThat(watcher.awaitOutput("node r1: READY")).contains("show status");

                watcher.type("show interfaces\r");
                watcher.awaitNotice("read-only");
                student.type("help\r");
                student.awaitOutput("log out");
                // neither its echo nor its answer: the keys never reached the shell
                assertThat(student.output()).doesNotContain("r1# show interfaces").doesNotContain("r2:eth1");
                assertThat(watcher.output()).doesNotContain("r1# show interfaces").doesNotContain("r2:eth1");
            }
        }
    }

    @Test
    void anInstructorJoinsWatchingAndTakesTheKeyboard() throws Exception {
        ApiClient instructor = grant("admin");
        try (ConsoleClient student = open(owner, "r1")) {
            student.awaitNotice("driver");
            student.awaitOutput("r1 login: ");
            try (ConsoleClient teacher = open(instructor, "r1")) {
                teacher.awaitNotice("\"role\":\"watcher\"");
                teacher.sendText(ConsoleSocketHandler.TAKE_OVER);
                teacher.awaitNotice("\"role\":\"driver\"");
                student.awaitNotice("\"role\":\"watcher\",\"driver\":\"" + instructor.username() + "\"");

                teacher.type("teacher\r");
                student.awaitOutput("Password: ");
                student.type("x\r");
                student.awaitNotice("read-only");
                teacher.type("pw\r");
                assertThat(student.awaitOutput("r1# ")).doesNotContain("x\r\n");
            }
        }
    }

    @Test
    void anInstructorGivesTheKeyboardBackToTheStudent() throws Exception {
        ApiClient instructor = grant("admin");
        try (ConsoleClient student = open(owner, "r1")) {
            student.awaitOutput("r1 login: ");
            try (ConsoleClient teacher = open(instructor, "r1")) {
                teacher.awaitNotice("\"role\":\"watcher\"");
                teacher.sendText(ConsoleSocketHandler.TAKE_OVER);
                student.awaitNotice("\"role\":\"watcher\",\"driver\":\"" + instructor.username() + "\"");
                teacher.sendText(ConsoleSocketHandler.GIVE_BACK);
                student.awaitNotice("\"console\":\"control\",\"role\":\"driver\",\"driver\":\"" + owner.username()
                        + "\"");
                teacher.awaitNotice("\"console\":\"control\",\"role\":\"watcher\",\"driver\":\""
                        + owner.username() + "\"");
                student.type("student\r");
                assertThat(teacher.awaitOutput("Password: ")).contains("student");
            }
        }
    }

    @Test
    void whileNobodyHasTheKeyboardTheFirstToTypeTakesIt() throws Exception {
        ApiClient instructor = grant("admin");
        try (ConsoleClient teacher = open(instructor, "r1")) {
            teacher.awaitNotice("\"role\":\"driver\"");
            try (ConsoleClient student = open(owner, "r1")) {
                student.awaitNotice("\"role\":\"watcher\"");
                teacher.sendText(ConsoleSocketHandler.GIVE_BACK); // nobody had it before: nobody has it now
                student.awaitNotice("\"driver\":\"\"");
                student.awaitOutput("r1 login: ");
                student.type("student\r");
                student.awaitNotice("\"role\":\"driver\",\"driver\":\"" + owner.username() + "\"");
                assertThat(teacher.awaitOutput("Password: ")).contains("student");
            }
        }
    }

    @Test
    void aViewerMayNotTakeTheKeyboardFromAnother() throws Exception {
        ApiClient classmate = grant("operate");
        try (ConsoleClient student = open(owner, "r1"); ConsoleClient other = open(classmate, "r1")) {
            other.awaitNotice("watcher");
            other.sendText(ConsoleSocketHandler.TAKE_OVER);
            other.awaitNotice("refused");
        }
    }

    enum CutOff { GRANT_REMOVED, TOKEN_REVOKED }

    @ParameterizedTest
    @EnumSource(CutOff.class)
    void losingOperateClosesAnOpenConsoleWithinSeconds(CutOff cut) throws Exception {
        ApiClient operator = grant("operate");
        Response token = operator.post("/api/v1/tokens", "{\"name\":\"console\"}");
        ApiClient viaToken = operator.as(token.json().get("secret").asString());
        try (ConsoleClient student = open(owner, "r1"); ConsoleClient console = open(viaToken, "r1")) {
            console.awaitOutput("r1 login: ");
            switch (cut) {
                case GRANT_REMOVED -> assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[]}")
                        .status()).isEqualTo(200);
                case TOKEN_REVOKED -> assertThat(operator.delete("/api/v1/tokens/" + token.json().get("id").asString())
                        .status()).isEqualTo(204);
            }
            // two access checks, with room for a loaded machine; without the check it stays open
            ConsoleClient.Closed closed = console.awaitClose(properties.accessCheck().multipliedBy(5));
            assertThat(closed.code()).isEqualTo(4003);
            assertThat(closed.reason()).isEqualTo("permission revoked");
            assertThat(student.isClosed()).isFalse();
        }
    }

    @Test
    void stoppingTheNodeClosesEveryViewerWithTheReason() throws Exception {
        try (ConsoleClient student = open(owner, "r2"); ConsoleClient again = open(owner, "r2")) {
            again.awaitOutput("r2 login: ");
            assertThat(owner.post("/api/v1/labs/" + lab + "/nodes/r2/stop", "").status()).isEqualTo(202);
            for (ConsoleClient viewer : new ConsoleClient[] {student, again}) {
                ConsoleClient.Closed closed = viewer.awaitClose(Duration.ofSeconds(20));
                assertThat(closed.code()).isEqualTo(4001);
                assertThat(closed.reason()).isEqualTo("node stopped");
            }
        }
    }

    @Test
    void destroyingTheLabClosesItsConsoles() throws Exception {
        try (ConsoleClient student = open(owner, "r1")) {
            student.awaitOutput("r1 login: ");
            assertThat(owner.post("/api/v1/labs/" + lab + "/destroy", "").status()).isEqualTo(202);
            ConsoleClient.Closed closed = student.awaitClose(Duration.ofSeconds(20));
            assertThat(closed.reason()).isIn("lab destroyed", "node stopped"); // stopping is destroy's first step
        }
    }
}
