package dev.labforge.containerlab;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * containerlab takes node names Kubernetes does not ({@code PC1}, {@code leaf_1}); LabForge names become parts of
 * object names, so they must be DNS-1123 labels. Such a name is mapped to a label made from it (lower case, other
 * characters as '-', cut to 63, a suffix when that name is taken) and the file's name is kept as the node's display
 * name, which exports write back.
 */
public final class NodeNames {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final int MAX = 63;

    private NodeNames() {
    }

    /** File name to model name for every name of the file; valid names map to themselves and take precedence. */
    public static Map<String, String> map(Collection<String> fileNames) {
        Set<String> taken = new HashSet<>();
        fileNames.stream().filter(NodeNames::valid).forEach(taken::add);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : fileNames) {
            out.put(name, valid(name) ? name : fresh(name, taken));
        }
        return out;
    }

    static boolean valid(String name) {
        return name != null && DNS_LABEL.matcher(name).matches();
    }

    private static String fresh(String name, Set<String> taken) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "node" : base;
        base = base.length() > MAX ? base.substring(0, MAX).replaceAll("-+$", "") : base;
        String candidate = base;
        for (int i = 2; !taken.add(candidate); i++) {
            String suffix = "-" + i;
            candidate = (base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base)
                    + suffix;
        }
        return candidate;
    }
}
