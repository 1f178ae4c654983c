package dev.labforge.access.user;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.access.token.TokenSecret;
import dev.labforge.api.NotFound;
import dev.labforge.api.Unauthenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "Who you are, and your personal API tokens")
class TokenController {

    record NewToken(@NotBlank @Size(max = 100) String name, @Positive @Max(3650) Integer expiresInDays) {
    }

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final TokenAuthenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;

    TokenController(ApiTokenRepository tokens, UserRepository users, TokenAuthenticator authenticator,
                    AuditLog audit, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.tokens = tokens;
        this.users = users;
        this.authenticator = authenticator;
    }

    @GetMapping("/me")
    @Operation(operationId = "getMe", summary = "The user the token belongs to",
            description = "The user the request's token belongs to: name, display name and whether an administrator. "
                    + "Useful to check a token.")
    UserView me(Caller caller) {
        return users.findById(caller.userId()).map(UserView::from)
                .orElseThrow(() -> new NotFound("your user no longer exists"));
    }

    @GetMapping("/tokens")
    @Operation(operationId = "listTokens", summary = "List your API tokens (never their secrets)",
            description = "Your API tokens with their names, the first characters of each (to tell them apart), "
                    + "creation, expiry and last use. Secrets are never shown again after creation.")
    List<TokenView> list(Caller caller) {
        return tokens.findByUserIdOrderByCreatedAt(caller.userId()).stream().map(TokenView::from).toList();
    }

    @PostMapping("/tokens")
    @Transactional
    @Operation(operationId = "createToken", summary = "Create an API token; its secret is in this answer and nowhere else",
            description = "Creates a personal API token, optionally expiring after `expiresInDays`. The answer holds "
                    + "the secret, which is stored only as a hash: copy it now, it cannot be shown again.")
    ResponseEntity<TokenView> create(Caller caller, @Valid @RequestBody NewToken request) {
        if (caller.apiTokenId().isPresent() && !authenticator.holdForTransaction(caller.apiTokenId().get())) {
            // authenticated moments ago, revoked since: a new token must not outlive the one that asked for it
            throw new Unauthenticated("the token is unknown, revoked or expired");
        }
        TokenSecret secret = TokenSecret.generate();
        Instant expires = request.expiresInDays() == null ? null
                : clock.instant().plus(Duration.ofDays(request.expiresInDays()));
        ApiToken token = tokens.save(new ApiToken(caller.userId(), request.name(), secret, expires));
        audit.record(caller, "token.create", AuditLog.Target.user(caller.userId(), caller.username()),
                java.util.Map.of("token", token.getId().toString(), "name", request.name()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.getId()))
                .body(TokenView.created(token, secret));
    }

    @DeleteMapping("/tokens/{tokenId}")
    @Transactional
    @Operation(operationId = "revokeToken", summary = "Revoke an API token: one of yours, or anyone's for an admin",
            description = "The token stops working on every replica before this answers 204, and open event"
                    + " streams it authenticated end within seconds.")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> caller.admin() || t.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFound("no such token"));
        String owner = token.userId().equals(caller.userId()) ? caller.username()
                : users.findById(token.userId()).map(User::username).orElse(null);
        tokens.delete(token);
        audit.record(caller, "token.revoke", AuditLog.Target.user(token.userId(), owner),
                java.util.Map.of("token", token.getId().toString(), "name", token.name()));
        return ResponseEntity.noContent().build();
    }
}
