package dev.labforge.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request nothing else answered: one it refused before any servlet ran (a
 * bad request line, an encoded slash or NUL in the path, bad percent-encoding, oversized headers).
 * Tomcat's own valve writes an HTML page there; this one writes a problem document. The detail
 * names the kind of fault only: Tomcat's message would echo the rejected request back.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone or broken: there is no one to answer
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away while we answered; nothing more to do
        }
    }

    static Map<String, Object> body(int status) {
        ProblemType type = ProblemType.forStatus(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", detail(status));
        return body;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the HTTP request is malformed: its request line, path (an encoded '/', '\\' or NUL,"
                    + " bad percent-encoding, characters not allowed) or headers (malformed, or larger than"
                    + " the server accepts) were refused before it reached the API";
            case 505 -> "the HTTP version is not supported; use HTTP/1.1 or HTTP/2";
            default -> status >= 500 ? "the server failed to handle this request"
                    : "the server refused this request: " + ProblemType.forStatus(status).title();
        };
    }
}
