package dev.labforge.access.user;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.UserHoldings;
import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.access.token.TokenSecret;
import dev.labforge.api.Conflict;
import dev.labforge.api.Forbidden;
import dev.labforge.api.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users, for administrators: create, read, cut off (disable, enable) and delete. Every request reads its
 * user's state ({@link TokenAuthenticator}), so a change here holds on every replica before it is answered.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "identity")
class UserController {

    record NewUser(@NotBlank @Pattern(regexp = "[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?",
                           message = "1-63 lower-case letters, digits, '-', '.' or '_'") String username,
                   @Size(max = 200) String displayName,
                   Boolean admin) {
    }

    record CreatedUser(UserView user, TokenView token) {
    }

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final List<UserHoldings> holdings;
    private final AuditLog audit;
    private final Clock clock;

    UserController(UserRepository users, ApiTokenRepository tokens, List<UserHoldings> holdings, AuditLog audit,
                   ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.holdings = holdings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping
    @Operation(operationId = "listUsers", summary = "List users (admins only)",
            description = "Every user by name, with display name and whether an administrator. Administrators only.")
    List<UserView> list(Caller caller) {
        requireAdmin(caller);
        return users.findAll(Sort.by("username")).stream().map(UserView::from).toList();
    }

    @PostMapping
    @Transactional
    @Operation(operationId = "createUser", summary = "Create a user with a first API token (admins only); the token secret is shown once",
            description = "Creates a user and a first API token for them; the answer holds the token's secret, which "
                    + "cannot be shown again, so pass it on now. Administrators only.")
    ResponseEntity<CreatedUser> create(Caller caller, @Valid @RequestBody NewUser request) {
        requireAdmin(caller);
        User user = users.saveAndFlush(new User(request.username(), request.displayName(), Boolean.TRUE.equals(request.admin())));
        TokenSecret secret = TokenSecret.generate();
        ApiToken token = tokens.save(new ApiToken(user.getId(), "initial token", secret, null));
        audit.record(caller, "user.create", AuditLog.Target.user(user.getId(), user.username()),
                Map.of("admin", user.admin()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                .body(new CreatedUser(UserView.from(user), TokenView.created(token, secret)));
    }

    @GetMapping("/{username}")
    @Operation(operationId = "getUser", summary = "One user (admins only)",
            description = "The user's name, display name, whether they are an administrator and whether (and since"
                    + " when) they are disabled. Where `POST /users` points with `Location`.")
    UserView get(Caller caller, @PathVariable String username) {
        requireAdmin(caller);
        return UserView.from(users.findByUsername(username).orElseThrow(() -> noSuchUser(username)));
    }

    @GetMapping("/{username}/tokens")
    @Operation(operationId = "listUserTokens", summary = "List a user's API tokens (admins only), to revoke one",
            description = "Each token's id, name, creation, expiry and last use (never its secret): an administrator"
                    + " revokes one with `DELETE /tokens/{tokenId}`.")
    List<TokenView> tokens(Caller caller, @PathVariable String username) {
        requireAdmin(caller);
        User user = users.findByUsername(username).orElseThrow(() -> noSuchUser(username));
        return tokens.findByUserIdOrderByCreatedAt(user.getId()).stream().map(TokenView::from).toList();
    }

    @PostMapping("/{username}/disable")
    @Transactional
    @Operation(operationId = "disableUser", summary = "Disable a user (admins only)",
            description = "From this answer on, on every replica, none of the user's API tokens or single sign-on"
                    + " tokens work (403 account-disabled) and their open event streams end within seconds. The"
                    + " user's labs stay as they are, owned by the user; administrators may stop or delete them.")
    UserView disable(Caller caller, @PathVariable String username) {
        User user = lockForChange(caller, username, "disable");
        user.disable(clock.instant());
        audit.record(caller, "user.disable", AuditLog.Target.user(user.getId(), user.username()));
        return UserView.from(user);
    }

    @PostMapping("/{username}/enable")
    @Transactional
    @Operation(operationId = "enableUser", summary = "Enable a disabled user again (admins only)",
            description = "The user's API tokens that were not revoked, and single sign-on, work again.")
    UserView enable(Caller caller, @PathVariable String username) {
        User user = lockForChange(caller, username, "enable");
        user.enable();
        audit.record(caller, "user.enable", AuditLog.Target.user(user.getId(), user.username()));
        return UserView.from(user);
    }

    @DeleteMapping("/{username}")
    @Transactional
    @Operation(operationId = "deleteUser", summary = "Delete a user who owns no labs (admins only)",
            description = "Deletes the user with their tokens, single sign-on identities, team memberships and"
                    + " grants; the audit log keeps their name. A user who still owns labs is refused with 409,"
                    + " naming them in `holdings`: delete the labs first, or disable the user, which keeps them."
                    + " A deleted single sign-on user who signs in again gets a new, empty account; disable"
                    + " them to keep them out.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String username) {
        User user = lockForChange(caller, username, "delete");
        // under the row lock, so no lab can be created for the user between this look and the delete
        List<UserHoldings.Holding> held = holdings.stream().flatMap(h -> h.heldBy(user.getId()).stream()).toList();
        if (!held.isEmpty()) {
            throw new UserStillOwns(user.username(), held);
        }
        users.delete(user);
        users.flush();
        audit.record(caller, "user.delete", AuditLog.Target.user(user.getId(), user.username()),
                Map.of("admin", user.admin(), "disabled", user.disabledAt() != null));
        return ResponseEntity.noContent().build();
    }

    /** The user, locked for the rest of the transaction: changes to one user serialise. */
    private User lockForChange(Caller caller, String username, String verb) {
        requireAdmin(caller);
        User user = users.lockByUsername(username).orElseThrow(() -> noSuchUser(username));
        if (user.getId().equals(caller.userId())) {
            // an administrator who could lock themselves out could leave nobody to undo it
            throw new Conflict("you cannot " + verb + " yourself; another administrator can");
        }
        return user;
    }

    private static NotFound noSuchUser(String username) {
        return new NotFound("there is no user named '" + username + "'");
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden("only administrators manage users");
        }
    }
}
