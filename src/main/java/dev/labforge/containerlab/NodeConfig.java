package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.BlockScalar;
import dev.labforge.containerlab.yaml.Located;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The node settings one block of the file writes: a node, a group, a kind or the defaults. Each block is read
 * (and type-checked, and its unmapped fields reported) once, wherever it is used; {@link Inheritance} then merges
 * the blocks per node.
 *
 * @param startupConfig an inline configuration; a file path is present with a null value, because containerlab
 *                      lets it override inherited configurations even though the server cannot read it
 */
record NodeConfig(Optional<Sourced<String>> kind, Optional<Sourced<String>> group, Optional<Sourced<String>> image,
                  Optional<Sourced<String>> startupConfig, Optional<Sourced<Integer>> cpu,
                  Optional<Sourced<Integer>> memoryMib, Map<String, Sourced<String>> labels) {

    static final NodeConfig EMPTY = new NodeConfig(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    static NodeConfig read(Located block, Warnings warnings) {
        Optional<Sourced<String>> kind = Optional.empty();
        Optional<Sourced<String>> group = Optional.empty();
        Optional<Sourced<String>> image = Optional.empty();
        Optional<Sourced<String>> startupConfig = Optional.empty();
        Optional<Sourced<Integer>> cpu = Optional.empty();
        Optional<Sourced<Integer>> memory = Optional.empty();
        Map<String, Sourced<String>> labels = Map.of();
        for (Map.Entry<String, Located> entry : block.entries().entrySet()) {
            Located value = entry.getValue();
            switch (entry.getKey()) {
                case "kind" -> kind = setText(value);
                case "group" -> group = setText(value);
                case "image" -> image = setText(value);
                case "startup-config" -> startupConfig = startupConfig(value, warnings);
                case "cpu" -> cpu = cpu(value, warnings);
                case "memory" -> memory = memory(value, warnings);
                case "labels" -> labels = labels(value);
                default -> UnmappedFields.report(entry.getKey(), value.pointer(), UnmappedFields.NODE, warnings);
            }
        }
        return new NodeConfig(kind, group, image, startupConfig, cpu, memory, labels);
    }

    /** containerlab treats an empty string like an absent field, so that an outer block's value applies. */
    private static Optional<Sourced<String>> setText(Located value) {
        return value.text().filter(text -> !text.isEmpty()).map(text -> new Sourced<>(text, value.pointer()));
    }

    /**
     * A block scalar is configuration whatever its length, so that a one-line configuration LabForge exported reads
     * back; it may even be empty. Other scalars are configuration when they hold a line break or a character no
     * block scalar can carry (the exporter's only way to write such text); otherwise they name a file.
     */
    private static Optional<Sourced<String>> startupConfig(Located value, Warnings warnings) {
        if (value.isBlockScalar()) {
            return value.text().map(text -> new Sourced<>(text, value.pointer()));
        }
        Optional<Sourced<String>> config = setText(value);
        if (config.isPresent() && isPath(config.get().value())) {
            warnings.add(value.pointer(), "startup-config '" + config.get().value() + "' is a file path the server"
                    + " cannot read; the node starts without it (paste the configuration inline with '|' to import it)");
            return Optional.of(new Sourced<>(null, value.pointer()));
        }
        return config;
    }

    private static boolean isPath(String text) {
        return text.indexOf('\n') < 0 && BlockScalar.canHold(text);
    }

    private static Optional<Sourced<Integer>> cpu(Located value, Warnings warnings) {
        Optional<String> text = value.number();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        double cpu;
        try {
            cpu = value.isInteger() ? value.intValue() : Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw value.invalid("must be a decimal number");
        }
        if (!Double.isFinite(cpu) || Math.abs(cpu) > Integer.MAX_VALUE) {
            throw value.invalid("is out of range");
        }
        if (cpu == 0) {
            return Optional.empty(); // containerlab reads 0 as "not set"
        }
        int cores = (int) Math.ceil(cpu);
        if (cores != cpu) {
            warnings.add(value.pointer(), "cpu " + text.get() + " rounded up to " + cores
                    + " whole cores: VMs get whole vCPUs");
        }
        return Optional.of(new Sourced<>(cores, value.pointer()));
    }

    private static Optional<Sourced<Integer>> memory(Located value, Warnings warnings) {
        Optional<String> text = value.text().filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        MemorySize size = MemorySize.parse(text.get())
                .orElseThrow(() -> value.invalid("must be a memory size such as 512Mb, 2Gb or 2GiB"));
        if (size.mib() > Integer.MAX_VALUE) {
            throw value.invalid("is too large a memory size");
        }
        if (size.rounded()) {
            warnings.add(value.pointer(), "memory " + text.get() + " rounded up to " + size.mib() + " MiB");
        }
        return Optional.of(new Sourced<>((int) size.mib(), value.pointer()));
    }

    private static Map<String, Sourced<String>> labels(Located value) {
        Map<String, Sourced<String>> labels = new LinkedHashMap<>();
        value.entries().forEach((key, label) ->
                labels.put(key, new Sourced<>(label.text().orElse(""), label.pointer())));
        return labels;
    }
}
