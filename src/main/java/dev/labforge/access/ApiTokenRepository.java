package dev.labforge.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(byte[] tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAt(UUID userId);

    Optional<ApiToken> findByIdAndUserId(UUID id, UUID userId);

    @Modifying
    @Transactional
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id")
    void markUsed(UUID id, Instant at);
}
