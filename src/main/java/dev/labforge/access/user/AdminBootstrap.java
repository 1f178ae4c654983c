package dev.labforge.access.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import dev.labforge.access.token.TokenSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start (no users at all) creates the admin and its token, and shows the token once. With
 * several replicas starting together the unique username lets exactly one of them win.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final AccessProperties properties;
    private final TransactionTemplate transaction;

    AdminBootstrap(UserRepository users, ApiTokenRepository tokens, AccessProperties properties,
                   TransactionTemplate transaction) {
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean given = properties.adminToken() != null && !properties.adminToken().isBlank();
        if (given && properties.adminToken().length() < TokenSecret.MIN_LENGTH) {
            throw new IllegalStateException("LABFORGE_ADMIN_TOKEN must be at least " + TokenSecret.MIN_LENGTH
                    + " characters long");
        }
        TokenSecret secret = given ? new TokenSecret(properties.adminToken()) : TokenSecret.generate();
        try {
            transaction.executeWithoutResult(status -> {
                User admin = users.save(new User(properties.adminUsername(), "Administrator", true));
                tokens.save(new ApiToken(admin.getId(), "initial admin token", secret, null));
            });
        } catch (DataIntegrityViolationException raced) {
            log.info("another replica created the first admin");
            return;
        }
        if (given) {
            log.info("Created admin user '{}' with the token from LABFORGE_ADMIN_TOKEN", properties.adminUsername());
            return;
        }
        String file = writeTokenFile(secret);
        log.warn("""

                ================================================================================
                 LabForge first start: created admin user '{}'. Its API token, shown only once:

                     {}
                {}
                ================================================================================
                """, properties.adminUsername(), secret.value(), file);
    }

    private String writeTokenFile(TokenSecret secret) {
        if (properties.adminTokenFile() == null || properties.adminTokenFile().isBlank()) {
            return "";
        }
        Path path = Path.of(properties.adminTokenFile());
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, secret.value() + "\n");
            return " (also written, readable by you only, to " + path.toAbsolutePath() + ")";
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("could not write the admin token to {}: {}", path, e.toString());
            return "";
        }
    }
}
