import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keystroke-to-echo round trip and one console's throughput through LabForge's console proxy (simulated serial
 * consoles), against a plain WebSocket echo server in this JVM measured in the same run (bench/console-echo.sh).
 *
 * <p>Round trip: N consoles open and logged in; each types one key at a fixed rate (open loop: a key is due at its
 * time whether or not the last echo came, and its round trip counts from when it was due, so a stall is not hidden),
 * alternately a letter and DEL so that the line never grows; the echo ("a", or "\b \b") ends the sample. The baseline
 * does the same over N sockets to the echo server. Throughput: one console, lines of 500 characters and Enter, eight
 * in flight; a line is done when its answer's prompt ("# ") arrives (the echo server: when its bytes are back).
 *
 * <p>Usage: java bench/ConsoleEcho.java BASE_URL TOKEN CONSOLES RATE_PER_CONSOLE SECONDS LAB_ID...
 */
public class ConsoleEcho {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ScheduledExecutorService CLOCK = Executors.newScheduledThreadPool(2);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int consoles = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<String> labs = Arrays.asList(args).subList(5, args.length);
        int port = EchoServer.start();

        List<Conn> proxied = new ArrayList<>();
        for (int i = 0; proxied.size() < consoles; i++) { // a ticket lives 30 s: each is redeemed at once
            String lab = labs.get(i % labs.size());
            String node = "r" + (i / labs.size() + 1);
            HttpResponse<String> ticket = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/labs/" + lab
                    + "/nodes/" + node + "/console/tickets")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(ticket.body());
            if (ticket.statusCode() != 201 || !url.find()) {
                throw new IllegalStateException(ticket.statusCode() + " " + ticket.body());
            }
            proxied.add(Conn.open(base.replaceFirst("^http", "ws") + url.group(1), true));
        }
        for (Conn c : proxied) {
            c.login();
        }
        List<Conn> direct = new ArrayList<>();
        for (int i = 0; i < consoles; i++) {
            direct.add(Conn.open("ws://127.0.0.1:" + port + "/echo", false));
        }
        System.out.printf(Locale.ROOT, "# %d consoles logged in through LabForge, %d sockets to the echo server;"
                + " %.1f keys/s each for %d s (first quarter discarded)%n", consoles, consoles, rate, seconds);
        System.out.println("measure target p50_ms p90_ms p99_ms max_ms samples load");
        for (int round = 0; round < 2; round++) { // the order flips, so neither always runs on a warmer machine
            for (boolean viaProxy : round == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                long[] rtt = roundTrips(viaProxy ? proxied : direct, rate, seconds);
                System.out.printf(Locale.ROOT, "rtt %s %.2f %.2f %.2f %.2f %d %s%n", viaProxy ? "proxy" : "direct",
                        ms(rtt, 0.50), ms(rtt, 0.90), ms(rtt, 0.99), ms(rtt, 1.0), rtt.length, load());
            }
        }
        System.out.println("measure target lines_per_s in_bytes_per_s out_bytes_per_s load");
        for (int round = 0; round < 2; round++) {
            for (boolean viaProxy : round == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                throughput(viaProxy ? proxied.getFirst() : direct.getFirst(), viaProxy ? "proxy" : "direct", 10);
            }
        }
        System.exit(0);
    }

    static String load() throws IOException {
        return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0];
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static long[] roundTrips(List<Conn> conns, double rate, int seconds) throws Exception {
        long start = System.nanoTime() + 200_000_000L;
        long warm = start + (long) (seconds * 0.25e9);
        long end = start + seconds * 1_000_000_000L;
        long period = (long) (1e9 / rate);
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            Conn c = conns.get(i);
            c.reset(samples, warm);
            long offset = period * i / conns.size(); // spread evenly over a period
            CLOCK.scheduleAtFixedRate(() -> c.key(end), start + offset - System.nanoTime(), period,
                    TimeUnit.NANOSECONDS);
        }
        Thread.sleep((end - System.nanoTime()) / 1_000_000 + 3000); // the last echoes
        for (Conn c : conns) {
            c.stopTyping();
        }
        synchronized (samples) {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            long missing = conns.stream().mapToLong(Conn::outstanding).sum();
            if (missing > 0) {
                System.out.println("# " + missing + " keys without an echo 3 s after the end");
            }
            return sorted;
        }
    }

    static void throughput(Conn c, String name, int seconds) throws Exception {
        byte[] line = ("x".repeat(500) + "\r").getBytes(StandardCharsets.US_ASCII);
        long[] out = c.bulk(line, 8, seconds);
        System.out.printf(Locale.ROOT, "bytes %s %.0f %.0f %.0f %s%n", name, out[0] / (double) seconds,
                out[0] * (double) line.length / seconds, out[1] / (double) seconds, load());
    }

    /** One socket: a console through LabForge, or one to the echo server. */
    static final class Conn implements WebSocket.Listener {
        final boolean console;
        WebSocket socket;
        CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        final StringBuilder seen = new StringBuilder();
        CompletableFuture<Void> waitingFor;
        String waitText;
        // round trips
        final ArrayDeque<long[]> due = new ArrayDeque<>();
        long pendingBytes;
        List<Long> samples;
        long warm;
        boolean letter = true;
        volatile boolean typing;
        // bulk
        long bulkOut;
        long bulkDone;
        int tail; // the last byte, for a "# " split across messages
        volatile boolean bulk;

        Conn(boolean console) {
            this.console = console;
        }

        static Conn open(String url, boolean console) throws Exception {
            Conn c = new Conn(console);
            c.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(url), c).get(30, TimeUnit.SECONDS);
            return c;
        }

        void login() throws Exception {
            expect("login: ");
            send("bench\r".getBytes());
            expect("Password: ");
            send("x\r".getBytes());
            expect("# ");
        }

        void expect(String text) throws Exception {
            CompletableFuture<Void> f;
            synchronized (this) {
                if (seen.indexOf(text) >= 0) {
                    seen.setLength(0);
                    return;
                }
                waitText = text;
                waitingFor = f = new CompletableFuture<>();
            }
            f.get(60, TimeUnit.SECONDS);
        }

        synchronized void send(byte[] bytes) {
            sending = sending.thenCompose(v -> socket.sendBinary(ByteBuffer.wrap(bytes), true));
        }

        synchronized void reset(List<Long> samples, long warm) {
            this.samples = samples;
            this.warm = warm;
            due.clear();
            pendingBytes = 0;
            typing = true;
        }

        void stopTyping() {
            typing = false;
        }

        synchronized long outstanding() {
            return due.size();
        }

        void key(long end) {
            long now = System.nanoTime();
            if (!typing || now >= end) {
                typing = false;
                throw new RuntimeException("done"); // ends this console's schedule
            }
            byte key;
            synchronized (this) {
                key = letter ? (byte) 'a' : (byte) 0x7f;
                // LabForge's shell echoes a letter as itself and DEL as "\b \b"; the echo server every byte as is
                due.add(new long[] {now, console && !letter ? 3 : 1});
                letter = !letter;
            }
            send(new byte[] {key});
        }

        long[] bulk(byte[] line, int window, int seconds) throws Exception {
            synchronized (this) {
                bulkOut = 0;
                bulkDone = 0;
                bulk = true;
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long sent = 0;
            while (System.nanoTime() < end) {
                synchronized (this) {
                    while (sent - bulkDone >= window) {
                        wait(100);
                    }
                }
                send(line);
                sent++;
            }
            synchronized (this) {
                bulk = false;
                long[] result = {bulkDone, bulkOut};
                while (bulkDone < sent) { // drain what is in flight before the next measurement
                    bulk = true;
                    wait(100);
                }
                bulk = false;
                return result;
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received(bytes);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1); // LabForge's notices: not console output
            return null;
        }

        synchronized void received(byte[] bytes) {
            long now = System.nanoTime();
            if (bulk) {
                bulkOut += bytes.length;
                if (console) {
                    for (byte b : bytes) {
                        if (b == ' ' && tail == '#') {
                            bulkDone++;
                        }
                        tail = b;
                    }
                } else {
                    bulkDone = bulkOut / 501;
                }
                notifyAll();
                return;
            }
            if (!due.isEmpty() || typing) {
                pendingBytes += bytes.length;
                while (!due.isEmpty() && pendingBytes >= due.peek()[1]) {
                    long[] key = due.poll();
                    pendingBytes -= key[1];
                    if (key[0] >= warm) {
                        synchronized (samples) {
                            samples.add(now - key[0]);
                        }
                    }
                }
                return;
            }
            seen.append(new String(bytes, StandardCharsets.ISO_8859_1));
            if (waitingFor != null && seen.indexOf(waitText) >= 0) {
                seen.setLength(0);
                waitingFor.complete(null);
                waitingFor = null;
            }
        }
    }

    /** A plain WebSocket echo server (RFC 6455), a virtual thread per connection: the baseline. */
    static final class EchoServer {
        static int start() throws IOException {
            ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        Socket socket = server.accept();
                        socket.setTcpNoDelay(true);
                        Thread.ofVirtual().start(() -> serve(socket));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            return server.getLocalPort();
        }

        static void serve(Socket socket) {
            try (socket) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                String key = null;
                for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                        key = header.substring(header.indexOf(':') + 1).trim();
                    }
                }
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                        (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long length = b1 & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        in.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = b0 & 0x0f;
                    if (opcode == 9) {
                        b0 = (b0 & 0xf0) | 10; // ping: pong
                    }
                    ByteArrayOutputStream frame = new ByteArrayOutputStream();
                    frame.write(b0);
                    if (payload.length < 126) {
                        frame.write(payload.length);
                    } else if (payload.length < 65536) {
                        frame.write(126);
                        frame.write(payload.length >> 8);
                        frame.write(payload.length);
                    } else {
                        frame.write(127);
                        frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
                    }
                    frame.writeBytes(payload);
                    frame.writeTo(out);
                    out.flush();
                    if (opcode == 8) {
                        return;
                    }
                }
            } catch (Exception gone) {
                // the client left
            }
        }

        static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
