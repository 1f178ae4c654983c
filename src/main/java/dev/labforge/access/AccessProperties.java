package dev.labforge.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername  the first admin, created when the database has no users
 * @param adminToken     that admin's token (from {@code LABFORGE_ADMIN_TOKEN}); generated when absent
 * @param adminTokenFile where a generated first token is also written (owner-only), so scripts can
 *                       read it; empty to only print it
 * @param tokenCacheTtl  how long a verified token is trusted without asking the database again; a
 *                       revoked token stops working on other replicas within this time
 */
@ConfigurationProperties("labforge.access")
public record AccessProperties(@DefaultValue("admin") String adminUsername,
                               String adminToken,
                               String adminTokenFile,
                               @DefaultValue("30s") Duration tokenCacheTtl) {
}
