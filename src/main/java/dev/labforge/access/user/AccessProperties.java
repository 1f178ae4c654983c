package dev.labforge.access.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername  the first admin, created when the database has no users
 * @param adminToken     that admin's token (from {@code LABFORGE_ADMIN_TOKEN}); generated when absent
 * @param adminTokenFile where a generated first token is also written (owner-only), so scripts can
 *                       read it; empty to only print it
 */
@ConfigurationProperties("labforge.access")
public record AccessProperties(@DefaultValue("admin") String adminUsername,
                               String adminToken,
                               String adminTokenFile) {
}
