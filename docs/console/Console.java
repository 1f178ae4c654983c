// A terminal for a LabForge console, with nothing but a JDK (21 or later):
//   java docs/console/Console.java 'ws://localhost:8080/api/v1/labs/<lab>/nodes/<node>/console?ticket=lfc_...'
// Each line typed is sent with a carriage return, as a terminal's Enter; the console's bytes are printed as
// they come, LabForge's own notices (JSON in text messages) on stderr. Ctrl-D closes the console.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

public class Console {
    public static void main(String[] args) throws Exception {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(args[0]), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        byte[] bytes = new byte[data.remaining()];
                        data.get(bytes);
                        System.out.write(bytes, 0, bytes.length);
                        System.out.flush();
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
                        System.err.println("[labforge] " + text);
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        System.err.println("[labforge] console closed: " + code + " " + reason);
                        System.exit(0);
                        return null;
                    }
                }).join();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            socket.sendBinary(ByteBuffer.wrap((line + "\r").getBytes(StandardCharsets.UTF_8)), true).join();
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
