package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.web.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An instructor, in the browser, at a student's console: from the class view's "Watch consoles" the student's lab
 * opens watching; the serial console shows what the student typed before and types now, and the instructor's keys
 * go nowhere; "Take over" gives the instructor the keyboard (the student is told, and sees the instructor's command
 * and its answer), "Give back" returns it to the student. The student's screen (VNC) opens read-only and takes
 * keys and pointer only after "Take over". The student is at the console over its WebSocket, as a terminal would be.
 */
class WatchConsolePageTest extends BrowserTest {

    @Test
    void anInstructorWatchesAStudentsConsoleTakesOverAndGivesItBack() throws Exception {
        Course course = Course.create(api());
        ApiClient student = course.enrol();
        String lab = student.get("/api/v1/courses/" + course.name()).json().get("yourLab").asString();
        var started = student.post("/api/v1/labs/" + lab + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        waiting().withMessage("the student's lab RUNNING").until(d -> "RUNNING".equals(
                student.get("/api/v1/labs/" + lab).json().get("status").get("state").asString()));

        try (Typist typist = Typist.open(port, student.post("/api/v1/labs/" + lab + "/nodes/r1/console/tickets",
                "{\"kind\":\"serial\"}").json().get("url").asString())) {
            typist.await("r1 login: ");
            typist.type("student\r");
            typist.await("Password: ");

            width(1280);
            signIn(course.instructor().token());
            open("/courses");
            visible(By.linkText("Class view of " + course.name())).click();
            WebElement watch = visible(By.cssSelector("li[data-student='" + student.username() + "'] a[data-role='watch']"));
            accessible();
            watch.click();
            waiting().until(d -> d.getCurrentUrl().endsWith("/labs/" + lab + "?watch"));
            waiting().withMessage("both nodes READY").until(d -> Long.valueOf(2).equals(browser.executeScript(
                    "return [...document.querySelectorAll('#nodes td.state')].filter(c => c.textContent === 'READY')"
                            + ".length;")));
            assertThat(visible(By.id("watching")).getText()).startsWith("You are watching");

            clickNode("r1", "console");
            awaitStatus("Watching r1: " + student.username() + " has the keyboard.");
            awaitTerminal("login: student"); // what the student typed before the instructor came
            typist.type("pw\r");
            awaitTerminal("r1# "); // and what they type now, live
            typeInConsole("show interfaces"); // watching: these keys stay in the page
            typist.type("show status\r");
            awaitTerminal("node r1: READY");
            assertThat(terminalText()).doesNotContain("r2:eth1");
            assertThat(typist.output()).doesNotContain("r1# show interfaces");
            accessible();
            browser.executeScript("document.getElementById('consoles').scrollIntoView();");
            screenshot("console-watching");

            click("take-over");
            awaitStatus("Connected to r1: you have the keyboard.");
            typist.awaitNotice("\"role\":\"watcher\",\"driver\":\"" + course.instructor().username() + "\"");
            typeInConsole("show interfaces");
            awaitTerminal("r2:eth1");
            typist.await("r2:eth1"); // the student sees the instructor's command answered
            assertThat(visible(By.cssSelector("[data-action='give-back']")).isDisplayed()).isTrue();
            accessible();
            browser.executeScript("document.getElementById('consoles').scrollIntoView();");
            screenshot("console-take-over");

            click("give-back");
            awaitStatus("Watching r1: " + student.username() + " has the keyboard.");
            typist.awaitNotice("\"console\":\"control\",\"role\":\"driver\",\"driver\":\"" + student.username() + "\"");
            typist.type("help\r");
            awaitTerminal("log out");

            // the student's screen: read-only until the instructor takes over
            clickNode("r1", "screen");
            waiting().withMessage(() -> "the screen connected; status: " + status()).until(d -> "true".equals(
                    d.findElement(By.cssSelector("[data-screen='r1']")).getAttribute("data-connected")));
            assertThat(viewOnly()).isTrue();
            click("take-over");
            assertThat(viewOnly()).isFalse();
            click("give-back");
            assertThat(viewOnly()).isTrue();
            accessible();
        }
    }


    /** Clicks a node's action button: the table is drawn again at each event, so a found button may go stale. */
    private void clickNode(String node, String action) {
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#nodes tr[data-node='" + node + "'] button[data-action='" + action + "']"))
                    .click();
            return true;
        });
    }
    private void click(String action) {
        visible(By.cssSelector("#console-panels [role='tabpanel']:not([hidden]) [data-action='" + action + "']"))
                .click();
    }

    private boolean viewOnly() {
        return (Boolean) browser.executeScript("return document.querySelector('[data-screen=\"r1\"]').rfb.viewOnly;");
    }

    private String status() {
        return browser.findElement(By.cssSelector("#console-panels [role='tabpanel']:not([hidden]) .console-status"))
                .getText();
    }

    private void awaitStatus(String text) {
        waiting().withMessage(() -> "the console's status " + text + "; it says: " + status())
                .until(d -> status().equals(text));
    }

    private void awaitTerminal(String text) {
        waiting().withMessage(() -> "the console shows " + text + "; it shows: " + terminalText() + " / status: " + status()
                        + " / browser log: " + browser.manage().logs().get("browser").getAll())
                .until(d -> terminalText().contains(text));
    }


    /** The student at the console over its WebSocket: what it types, and all it receives. */
    private static final class Typist implements WebSocket.Listener, AutoCloseable {

        private final StringBuilder output = new StringBuilder();
        private final List<String> notices = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private WebSocket socket;

        static Typist open(int port, String url) throws Exception {
            Typist typist = new Typist();
            typist.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + url), typist).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return typist;
        }

        @Override
        public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            output.append(new String(bytes, StandardCharsets.UTF_8));
            webSocket.request(1);
            return null;
        }

        @Override
        public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                notices.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void type(String keys) {
            socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).join();
        }

        synchronized String output() {
            return output.toString();
        }

        synchronized String notices() {
            return String.join("\n", notices);
        }

        void await(String contains) throws InterruptedException {
            awaitUntil(() -> output().contains(contains), "output with " + contains);
        }

        void awaitNotice(String contains) throws InterruptedException {
            awaitUntil(() -> notices().contains(contains), "a notice with " + contains);
        }

        private void awaitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
            long until = System.nanoTime() + WAIT.toNanos();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("the student's console never got " + what + "; output: " + output()
                            + "; notices: " + notices());
                }
                Thread.sleep(50);
            }
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
