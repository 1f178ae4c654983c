package dev.labforge.access.user;

import dev.labforge.access.token.TokenSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A personal API token. Only its hash is stored; the secret is shown once, when it is created. */
@Entity
@Table(name = "api_tokens")
class ApiToken implements Persistable<UUID> {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    private String name;
    @Column(name = "token_hash")
    private byte[] tokenHash;
    @Column(name = "token_prefix")
    private String tokenPrefix;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Transient
    private boolean fresh;

    protected ApiToken() {
    }

    ApiToken(UUID userId, String name, TokenSecret secret, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.name = name;
        this.tokenHash = secret.hash();
        this.tokenPrefix = secret.prefix();
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
        this.fresh = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    UUID userId() {
        return userId;
    }

    String name() {
        return name;
    }

    String prefix() {
        return tokenPrefix;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }
}
