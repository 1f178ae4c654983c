package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.ContainerlabFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A GNS3 portable project ({@code .gns3project}): a zip holding the {@code .gns3} file at its top level and each
 * node's files under {@code project-files/<type>/<node id>/}, among them the startup configurations of IOU and
 * Dynamips routers. Only those are read; disk images and snapshots are skipped unread.
 *
 * @param topology the {@code .gns3} JSON
 * @param configs  startup configuration texts by their path in the zip
 */
record Gns3Project(byte[] topology, Map<String, String> configs) {

    // what a reader takes from a zip is bounded, whatever the entries claim: a small zip may unpack to gigabytes
    private static final int MAX_TOPOLOGY = 16 * 1024 * 1024;
    private static final int MAX_CONFIG = 1024 * 1024;
    private static final int MAX_CONFIGS = 1000;

    static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    static Gns3Project unpack(byte[] zip) {
        byte[] topology = null;
        Map<String, String> configs = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!name.contains("/") && name.endsWith(".gns3")) {
                    if (topology != null) {
                        throw new ContainerlabFormatException("", "the portable project holds two .gns3 files ("
                                + name + " is the second); a portable project has one");
                    }
                    topology = read(in, MAX_TOPOLOGY, name);
                } else if (name.startsWith("project-files/") && name.endsWith("startup-config.cfg")
                        && configs.size() < MAX_CONFIGS) {
                    configs.put(name, new String(read(in, MAX_CONFIG, name), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ContainerlabFormatException("", "the portable project cannot be unpacked: " + e.getMessage());
        }
        if (topology == null) {
            throw new ContainerlabFormatException("", "the zip holds no .gns3 project file at its top level, as a"
                    + " GNS3 portable project does");
        }
        return new Gns3Project(topology, Map.copyOf(configs));
    }

    /** The startup configuration kept for a node, if the project has one. */
    java.util.Optional<String> config(String nodeType, String nodeId) {
        String prefix = "project-files/" + nodeType + "/" + nodeId + "/";
        return configs.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst();
    }

    private static byte[] read(InputStream in, int max, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > max) {
                throw new ContainerlabFormatException("", name + " unpacks to more than " + max / 1024
                        + " KiB, more than LabForge reads from a portable project");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
