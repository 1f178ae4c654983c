package dev.labforge.access.user;

import java.util.List;
import java.util.UUID;
import dev.labforge.access.token.TokenAuthenticator;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tokens as entities, for their management; authentication reads them with plain SQL ({@link TokenAuthenticator}). */
interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    List<ApiToken> findByUserIdOrderByCreatedAt(UUID userId);
}
