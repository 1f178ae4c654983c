package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;

class LineSessionTest {

    @Test
    void outputGoesOutAsTextWithACharacterSplitBetweenTwoOutputsKeptWhole() throws Exception {
        List<Object> sent = new ArrayList<>();
        LineSession lines = new LineSession(session(sent::add, status -> { }));
        byte[] bytes = "r1# é\r\n".getBytes(StandardCharsets.UTF_8);
        int split = 5; // inside the two bytes of é
        lines.sendMessage(new BinaryMessage(Arrays.copyOf(bytes, split)));
        lines.sendMessage(new BinaryMessage(Arrays.copyOfRange(bytes, split, bytes.length)));
        lines.sendMessage(new BinaryMessage(new byte[] {'a', (byte) 0xff, 'b'}));
        assertThat(sent).extracting(m -> ((TextMessage) m).getPayload()).containsExactly("r1# ", "é\r\n", "a\ufffdb");
    }
}
