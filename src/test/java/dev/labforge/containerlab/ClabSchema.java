package dev.labforge.containerlab;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** containerlab's own JSON schema (src/test/resources/containerlab/README.md names its source). */
public final class ClabSchema {

    private static final Schema SCHEMA = load();

    private ClabSchema() {
    }

    /** Schema violations of a YAML document, as "instance location: message" lines; empty when valid. */
    public static List<String> violations(String yaml) {
        return SCHEMA.validate(yaml, InputFormat.YAML).stream()
                .map(Error::toString)
                .toList();
    }

    private static Schema load() {
        try (InputStream in = ClabSchema.class.getResourceAsStream("/containerlab/clab.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
