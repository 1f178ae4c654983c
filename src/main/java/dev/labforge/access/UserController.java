package dev.labforge.access;

import dev.labforge.api.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    private final AuditLog audit;

    UserController(UserRepository users, ApiTokenRepository tokens, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
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
                java.util.Map.of("admin", user.admin()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.getId()))
                .body(new CreatedUser(UserView.from(user), TokenView.created(token, secret)));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden("only administrators manage users");
        }
    }
}
