package dev.labforge.containerlab.yaml;

import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.PointerMap;
import dev.labforge.containerlab.yaml.YamlValue.Mapping;
import dev.labforge.containerlab.yaml.YamlValue.Scalar;
import dev.labforge.containerlab.yaml.YamlValue.ScalarType;
import dev.labforge.containerlab.yaml.YamlValue.Sequence;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Turns YAML text into {@link YamlValue}s, from SnakeYAML Engine's event stream (the parser Jackson's YAML module
 * wraps). Events rather than Jackson tokens because containerlab files rely on what tokens lose: a scalar's quoting
 * decides whether {@code ~} is null, anchors may sit on scalars ({@code image: &srl ...}), and merge keys must let
 * explicit keys win. Plain scalars resolve by the YAML 1.2 core schema; containerlab's Go reader (yaml.v2) also
 * knows a few YAML 1.1 forms (yes/no booleans, 010 octals), which matters only for the typed fields cpu and mtu.
 *
 * <p>Every failure, whatever the input, is a {@link ContainerlabFormatException}.
 */
public final class YamlReader {

    // Inline startup configs dominate a file's size; 4 Mi characters hold dozens of them, and the check runs
    // before any parsing, so an oversized request costs nothing.
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    // Real files nest about seven levels (topology/nodes/r1/config/vars/...); anything near this is an attack.
    static final int MAX_DEPTH = 64;
    // Aliases share subtrees, so a few lines can stand for billions of values (the "billion laughs" attack).
    static final long MAX_WEIGHT = 1_000_000;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setCodePointLimit(MAX_CHARS)
            .setSchema(new CoreSchema())
            .build();
    private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

    private final Iterator<Event> events;
    private final Map<String, YamlValue> anchors = new HashMap<>();
    private long weight;

    private YamlReader(Iterator<Event> events) {
        this.events = events;
    }

    public static YamlValue read(String text) {
        if (text == null) {
            throw new ContainerlabFormatException("", "the document is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new ContainerlabFormatException("", "the document is longer than " + MAX_CHARS + " characters");
        }
        YamlReader reader = new YamlReader(new Parse(SETTINGS).parseReader(new PairKeepingReader(text)).iterator());
        try {
            return reader.document();
        } catch (YamlEngineException e) {
            // the whole document: where the reader was is not where the syntax broke (the line and column say that)
            throw new ContainerlabFormatException("", "not valid YAML: " + describe(e));
        }
    }

    private YamlValue document() {
        next(); // stream start
        Event first = next();
        if (first.getEventId() == Event.ID.StreamEnd) {
            throw new ContainerlabFormatException("", "the document is empty");
        }
        YamlValue root = value(next(), "", 0);
        next(); // document end
        if (next().getEventId() != Event.ID.StreamEnd) {
            throw new ContainerlabFormatException("", "expected one YAML document, found several");
        }
        return root;
    }

    private YamlValue value(Event event, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ContainerlabFormatException(pointer, "nested deeper than " + MAX_DEPTH + " levels");
        }
        YamlValue value = switch (event) {
            case AliasEvent alias -> alias(alias, pointer);
            case ScalarEvent scalar -> charged(scalar(storable(scalar, pointer)), pointer);
            case SequenceStartEvent start -> sequence(start, pointer, depth);
            case MappingStartEvent start -> mapping(start, pointer, depth);
            default -> throw new ContainerlabFormatException(pointer, "unexpected " + event.getEventId() + " in YAML");
        };
        if (event instanceof NodeEvent node && !(event instanceof AliasEvent)) {
            node.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), value));
        }
        return value;
    }

    private YamlValue alias(AliasEvent alias, String pointer) {
        YamlValue target = anchors.get(alias.getAlias().getValue());
        if (target == null) {
            throw new ContainerlabFormatException(pointer,
                    "alias *" + alias.getAlias().getValue() + " refers to no anchor defined before it");
        }
        return charged(target, pointer);
    }

    private YamlValue charged(YamlValue value, String pointer) {
        charge(value.weight(), pointer);
        return value;
    }

    private void charge(long values, String pointer) {
        weight += values;
        if (weight > MAX_WEIGHT) {
            throw new ContainerlabFormatException(pointer,
                    "the document expands to more than " + MAX_WEIGHT + " values once aliases are resolved");
        }
    }

    /**
     * A double-quoted scalar can spell a NUL ({@code "\0"}) or half a surrogate pair ({@code "\uD800"}): text
     * PostgreSQL cannot store (the NUL is refused, the half pair silently becomes '?'). Refused here as the JSON
     * path refuses it, with a pointer; a key's flaw points at its mapping.
     */
    private static ScalarEvent storable(ScalarEvent event, String pointer) {
        String text = event.getValue();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new ContainerlabFormatException(pointer, "contains a NUL character (U+0000), which cannot be"
                        + " stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ContainerlabFormatException(pointer, ("contains an unpaired UTF-16 surrogate (U+%04X), which"
                        + " is no character and cannot be stored").formatted((int) c));
            }
        }
        return event;
    }

    private static Scalar scalar(ScalarEvent event) {
        String tag = event.getTag().filter(t -> !t.equals("!"))
                .orElseGet(() -> RESOLVER.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                        .getValue());
        boolean block = event.getScalarStyle() == ScalarStyle.LITERAL || event.getScalarStyle() == ScalarStyle.FOLDED;
        return new Scalar(event.getValue(), type(tag), block, line(event));
    }

    private static ScalarType type(String tag) {
        if (tag.equals(Tag.NULL.getValue())) {
            return ScalarType.NULL;
        } else if (tag.equals(Tag.INT.getValue())) {
            return ScalarType.INTEGER;
        } else if (tag.equals(Tag.FLOAT.getValue())) {
            return ScalarType.FLOAT;
        } else if (tag.equals(Tag.BOOL.getValue())) {
            return ScalarType.BOOLEAN;
        }
        return ScalarType.STRING; // !!str, !!binary, !!timestamp and custom tags: containerlab reads them as text
    }

    private Sequence sequence(SequenceStartEvent start, String pointer, int depth) {
        charge(1, pointer);
        List<YamlValue> items = new ArrayList<>();
        long total = 1;
        for (Event event = next(); event.getEventId() != Event.ID.SequenceEnd; event = next()) {
            YamlValue item = value(event, PointerMap.append(pointer, items.size()), depth + 1);
            items.add(item);
            total += item.weight();
        }
        return new Sequence(List.copyOf(items), total, line(start));
    }

    private Mapping mapping(MappingStartEvent start, String pointer, int depth) {
        charge(1, pointer);
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        List<YamlValue> merges = new ArrayList<>();
        long total = 1;
        for (Event keyEvent = next(); keyEvent.getEventId() != Event.ID.MappingEnd; keyEvent = next()) {
            YamlValue key = value(keyEvent, pointer, depth + 1);
            if (!(key instanceof Scalar scalarKey)) {
                throw new ContainerlabFormatException(pointer, "mapping keys must be scalars, not " + key.description());
            }
            String name = scalarKey.text();
            String child = PointerMap.append(pointer, name);
            YamlValue value = value(next(), child, depth + 1);
            total += key.weight() + value.weight();
            if (isMergeKey(keyEvent)) {
                merges.add(mergeSource(value, child));
            } else if (entries.putIfAbsent(name, value) != null) {
                throw new ContainerlabFormatException(child, "duplicate key '" + name + "'");
            }
        }
        // YAML merge keys: keys written in the mapping win, then earlier merge sources over later ones
        for (YamlValue source : merges) {
            List<YamlValue> maps = source instanceof Sequence list ? list.items() : List.of(source);
            for (YamlValue map : maps) {
                ((Mapping) map).entries().forEach(entries::putIfAbsent);
            }
        }
        return new Mapping(entries, total, line(start));
    }

    private static boolean isMergeKey(Event keyEvent) {
        return keyEvent instanceof ScalarEvent scalar && scalar.isPlain() && scalar.getValue().equals("<<")
                && scalar.getTag().isEmpty();
    }

    private static YamlValue mergeSource(YamlValue value, String pointer) {
        boolean ok = value instanceof Mapping
                || value instanceof Sequence list && list.items().stream().allMatch(Mapping.class::isInstance);
        if (!ok) {
            throw new ContainerlabFormatException(pointer, "a merge key '<<' takes a mapping or a list of mappings");
        }
        return value;
    }

    private Event next() {
        try {
            return events.next();
        } catch (NoSuchElementException e) {
            throw new ContainerlabFormatException("", "the YAML document ends unexpectedly");
        }
    }

    private static int line(Event event) {
        return event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    private static String describe(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            return marked.getProblem() + marked.getProblemMark()
                    .map(mark -> " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")")
                    .orElse("");
        }
        return String.valueOf(e.getMessage());
    }
}
