-- The router image catalog: what labs refer to by name.
CREATE TABLE images (
    id                 uuid        PRIMARY KEY,
    name               text        NOT NULL,
    description        text,
    container_disk     text        NOT NULL,
    clab_kind          text,
    default_cpu        integer     NOT NULL,
    default_memory_mib integer     NOT NULL,
    interface_pattern  text        NOT NULL,
    first_data_port    integer     NOT NULL,
    max_data_ports     integer     NOT NULL,
    nic_model          text        NOT NULL,
    config_delivery    text        NOT NULL,
    readiness_probe    text        NOT NULL,
    readiness_port     integer,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT images_name_unique UNIQUE (name),
    CONSTRAINT images_config_delivery CHECK (config_delivery IN ('NOCLOUD', 'CONFIG_DRIVE', 'NONE')),
    CONSTRAINT images_readiness_probe CHECK (readiness_probe IN ('TCP', 'NONE')),
    CONSTRAINT images_ports CHECK (first_data_port >= 0 AND max_data_ports BETWEEN 1 AND 256)
);
