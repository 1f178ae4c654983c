package dev.labforge.containerlab;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import dev.labforge.containerlab.yaml.PairKeepingReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** containerlab's own JSON schema (src/test/resources/containerlab/README.md names its source). */
public final class ClabSchema {

    private static final Schema SCHEMA = load();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ClabSchema() {
    }

    /** Schema violations of a YAML document, as "instance location: message" lines; empty when valid. */
    public static List<String> violations(String yaml) {
        // read through PairKeepingReader: the YAML parser fails on a surrogate pair split by its buffer's end
        return SCHEMA.validate(YAML.readTree(new PairKeepingReader(yaml))).stream()
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
