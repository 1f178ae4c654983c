package dev.labforge.access.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "users")
public class User implements Persistable<UUID> {

    @Id
    private UUID id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    private boolean admin;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "disabled_at")
    private Instant disabledAt;
    @Transient
    private boolean fresh;

    protected User() {
    }

    User(String username, String displayName, boolean admin) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.admin = admin;
        this.createdAt = Instant.now();
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

    public String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    boolean admin() {
        return admin;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** When an administrator cut the user off; null while the user may act. */
    Instant disabledAt() {
        return disabledAt;
    }

    /** Cuts the user off; a user already disabled keeps the instant it first happened. */
    void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = at.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so every answer says the same
        }
    }

    void enable() {
        disabledAt = null;
    }
}
