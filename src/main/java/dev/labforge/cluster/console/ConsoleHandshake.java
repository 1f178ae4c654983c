package dev.labforge.cluster.console;

import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemWriter;
import dev.labforge.api.Problems;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides, before the upgrade, whether the socket may open: the path names a lab and node, the ticket is good for
 * exactly this console (spent by this attempt), its buyer may still operate the lab, and the node runs. A refusal is
 * an ordinary HTTP problem document, which a client can read, instead of a socket that opens and dies.
 */
@Component
class ConsoleHandshake implements HandshakeInterceptor {

    static final String ADMITTED = ConsoleHandshake.class.getName() + ".admitted";
    static final String TARGET = ConsoleHandshake.class.getName() + ".target";
    static final String TAKE = ConsoleHandshake.class.getName() + ".take";
    static final String LINES = ConsoleHandshake.class.getName() + ".lines";

    private static final Pattern PATH = Pattern.compile("^/api/v1/labs/([^/]+)/nodes/([^/]+)/(console|vnc)$");

    private final ConsoleTickets tickets;
    private final ConsoleAccess access;
    private final ConsoleUpstreams upstreams;
    private final ProblemWriter problems;
    private final ConsoleSessions sessions;
    private final ConsoleMeters meters;

    ConsoleHandshake(ConsoleTickets tickets, ConsoleAccess access, ConsoleUpstreams upstreams,
                     ProblemWriter problems, ConsoleSessions sessions,
                     ConsoleMeters meters) {
        this.sessions = sessions;
        this.meters = meters;
        this.tickets = tickets;
        this.access = access;
        this.upstreams = upstreams;
        this.problems = problems;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        try {
            ConsoleTarget target = target(request.getURI().getPath());
            var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
            ConsoleTickets.Redeemed ticket = tickets.redeem(query.getFirst("ticket"), target.lab(), target.node(),
                    target.kind());
            ConsoleAccess.Admitted admitted = access.admit(ticket.buyer(), target);
            sessions.check(admitted.caller());
            upstreams.check(target);
            attributes.put(TARGET, target);
            attributes.put(ADMITTED, admitted);
            attributes.put(TAKE, "true".equals(query.getFirst("take")));
            attributes.put(LINES, "true".equals(query.getFirst("lines")));
            return true;
        } catch (ProblemException refused) {
            meters.refused(request.getURI().getPath().endsWith("/vnc") ? ConsoleKind.VNC : ConsoleKind.SERIAL,
                    refused.type());
            problems.write(((ServletServerHttpResponse) response).getServletResponse(),
                    Problems.of(refused.type(), refused.getMessage(), refused.errors(), refused.extensions()));
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
        // nothing to undo: the ticket is spent either way
    }

    static ConsoleTarget target(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new InvalidRequest("not a console path: " + path);
        }
        UUID lab;
        try {
            lab = UUID.fromString(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("invalid console request",
                    List.of(InvalidField.parameter("id", "must be a lab id (a UUID)")));
        }
        return new ConsoleTarget(lab, matcher.group(2),
                matcher.group(3).equals("console") ? ConsoleKind.SERIAL : ConsoleKind.VNC);
    }
}
