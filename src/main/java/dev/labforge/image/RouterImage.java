package dev.labforge.image;

import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A catalog entry. It changes only while no lab uses it (labs rely on its interface names and defaults): to change an
 * image in use, register a changed copy under a new name.
 */
@Entity
@Table(name = "images")
public class RouterImage implements Persistable<UUID> {

    @Id
    private UUID id;
    private String name;
    private String description;
    @Column(name = "container_disk")
    private String containerDisk;
    @Column(name = "clab_kind")
    private String clabKind;
    @Column(name = "default_cpu")
    private int defaultCpu;
    @Column(name = "default_memory_mib")
    private int defaultMemoryMib;
    @Column(name = "interface_pattern")
    private String interfacePattern;
    @Column(name = "first_data_port")
    private int firstDataPort;
    @Column(name = "max_data_ports")
    private int maxDataPorts;
    @Column(name = "interface_aliases")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] interfaceAliases = new String[0];
    @Column(name = "nic_model")
    @Enumerated(EnumType.STRING)
    private NicModel nicModel;
    @Column(name = "config_delivery")
    @Enumerated(EnumType.STRING)
    private ConfigDelivery configDelivery;
    @Column(name = "readiness_probe")
    @Enumerated(EnumType.STRING)
    private ReadinessProbe readinessProbe;
    @Column(name = "readiness_port")
    private Integer readinessPort;
    @Column(name = "created_at")
    private Instant createdAt;
    @Transient
    private boolean fresh;

    protected RouterImage() {
    }

    RouterImage(String name, String description, String containerDisk, String clabKind, int defaultCpu,
                int defaultMemoryMib, InterfaceNaming interfaces, NicModel nicModel, ConfigDelivery configDelivery,
                ReadinessProbe readinessProbe, Integer readinessPort) {
        this(name, description, containerDisk, clabKind, defaultCpu, defaultMemoryMib, interfaces, List.of(),
                nicModel, configDelivery, readinessProbe, readinessPort);
    }

    RouterImage(String name, String description, String containerDisk, String clabKind, int defaultCpu,
                int defaultMemoryMib, InterfaceNaming interfaces, List<String> interfaceAliases, NicModel nicModel,
                ConfigDelivery configDelivery, ReadinessProbe readinessProbe, Integer readinessPort) {
        this.id = UUID.randomUUID();
        this.interfaceAliases = interfaceAliases.toArray(String[]::new);
        this.name = name;
        this.description = description;
        this.containerDisk = containerDisk;
        this.clabKind = clabKind;
        this.defaultCpu = defaultCpu;
        this.defaultMemoryMib = defaultMemoryMib;
        this.interfacePattern = interfaces.pattern();
        this.firstDataPort = interfaces.firstPort();
        this.maxDataPorts = interfaces.maxPorts();
        this.nicModel = nicModel;
        this.configDelivery = configDelivery;
        this.readinessProbe = readinessProbe;
        this.readinessPort = readinessPort;
        this.createdAt = Instant.now();
        this.fresh = true;
    }

    /** Takes every setting of {@code other} (a new entry of the same name), keeping this entry's id and creation. */
    void changeTo(RouterImage other) {
        this.description = other.description;
        this.containerDisk = other.containerDisk;
        this.clabKind = other.clabKind;
        this.defaultCpu = other.defaultCpu;
        this.defaultMemoryMib = other.defaultMemoryMib;
        this.interfacePattern = other.interfacePattern;
        this.firstDataPort = other.firstDataPort;
        this.maxDataPorts = other.maxDataPorts;
        this.interfaceAliases = other.interfaceAliases.clone();
        this.nicModel = other.nicModel;
        this.configDelivery = other.configDelivery;
        this.readinessProbe = other.readinessProbe;
        this.readinessPort = other.readinessPort;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public ImageProfile profile() {
        return new ImageProfile(name, interfaces());
    }

    public InterfaceNaming interfaces() {
        return new InterfaceNaming(interfacePattern, firstDataPort, maxDataPorts);
    }

    /** Other patterns the image's kind accepts for its data ports ({@code ethernet-1/{n}} beside {@code e1-{n}}). */
    public List<String> interfaceAliases() {
        return interfaceAliases == null ? List.of() : List.of(interfaceAliases);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String containerDisk() {
        return containerDisk;
    }

    public String clabKind() {
        return clabKind;
    }

    public int defaultCpu() {
        return defaultCpu;
    }

    public int defaultMemoryMib() {
        return defaultMemoryMib;
    }

    public NicModel nicModel() {
        return nicModel;
    }

    public ConfigDelivery configDelivery() {
        return configDelivery;
    }

    public ReadinessProbe readinessProbe() {
        return readinessProbe;
    }

    public Integer readinessPort() {
        return readinessPort;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
