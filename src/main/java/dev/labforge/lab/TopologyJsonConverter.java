package dev.labforge.lab;

import dev.labforge.topology.Topology;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Stores the topology as one JSON document (jsonb); it is always read and written whole. */
@Converter
class TopologyJsonConverter implements AttributeConverter<Topology, String> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String convertToDatabaseColumn(Topology topology) {
        return topology == null ? null : MAPPER.writeValueAsString(topology);
    }

    @Override
    public Topology convertToEntityAttribute(String json) {
        return json == null ? null : MAPPER.readValue(json, Topology.class);
    }
}
