package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "consoles", description = "Serial consoles and VNC screens of running nodes, over WebSocket")
class ConsoleTicketController {

    @Schema(name = "ConsoleTicketRequest")
    record TicketRequest(@Schema(description = "serial (the default) or vnc", allowableValues = {"serial", "vnc"})
                         String kind) {
    }

    @Schema(name = "ConsoleTicket")
    record TicketView(@Schema(description = "single use; pass it as ?ticket= when opening the socket")
                      String ticket,
                      @Schema(allowableValues = {"serial", "vnc"}) String kind,
                      @Schema(description = "redeem it before then") Instant expiresAt,
                      @Schema(description = "the WebSocket path to open, ticket included") String url) {
    }

    private final ConsoleTickets tickets;
    private final ConsoleAccess access;
    private final ConsoleUpstreams upstreams;

    ConsoleTicketController(ConsoleTickets tickets, ConsoleAccess access, ConsoleUpstreams upstreams) {
        this.tickets = tickets;
        this.access = access;
        this.upstreams = upstreams;
    }

    @PostMapping("/api/v1/labs/{id}/nodes/{node}/console/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createConsoleTicket", summary = "A ticket that opens one console of a running node",
            description = "Browsers cannot send Authorization on a WebSocket, so the bearer token buys a ticket: single"
                    + " use, valid for 30 s (labforge.console.ticket-lifetime), bound to the caller, the lab, the node"
                    + " and the console kind. Open the returned `url` (ws:// or wss:// on this host) with it: the"
                    + " serial console at `.../console`, the VNC screen at `.../vnc`. Needs operate on the lab; 404"
                    + " for an unknown node, 409 while the node's VM does not run.")
    TicketView create(Caller caller, @PathVariable UUID id, @PathVariable String node,
                      @Parameter(description = "serial or vnc; the body's kind wins")
                      @RequestParam(required = false) String kind,
                      @RequestBody(required = false) TicketRequest body) {
        boolean inBody = body != null && body.kind() != null;
        String asked = inBody ? body.kind() : kind == null ? ConsoleKind.SERIAL.label() : kind;
        ConsoleKind parsed = ConsoleKind.parse(asked).orElseThrow(() -> new InvalidRequest("unknown console kind",
                List.of(inBody ? InvalidField.at("/kind", "must be serial or vnc")
                        : InvalidField.parameter("kind", "must be serial or vnc"))));
        ConsoleTarget target = new ConsoleTarget(id, node, parsed);
        ConsoleAccess.Admitted admitted = access.admit(caller, target);
        upstreams.check(target);
        ConsoleTickets.Issued issued = tickets.issue(admitted.caller(), id, node, parsed);
        return new TicketView(issued.ticket(), parsed.label(), issued.expiresAt(),
                target.path() + "?ticket=" + issued.ticket());
    }
}
