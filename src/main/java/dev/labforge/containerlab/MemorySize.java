package dev.labforge.containerlab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory size as containerlab reads it (Docker's units): a number, an optional space, an optional unit letter
 * k/m/g/t/p, an optional "i" and "b". Multiples are binary whatever the spelling, so "1Gb", "1G" and "1GiB" are all
 * 1024 MiB, and a bare number counts bytes.
 *
 * @param mib     the size in MiB, rounded up
 * @param rounded whether rounding up was needed (the size was not a whole number of MiB)
 */
record MemorySize(long mib, boolean rounded) {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(?:([kKmMgGtTpP])[iI]?)?[bB]?");
    private static final String UNITS = "kmgtp";
    private static final BigDecimal MIB = BigDecimal.valueOf(1024 * 1024);
    // keeps the arithmetic cheap: no real memory size needs more digits
    private static final int MAX_TEXT = 40;

    static Optional<MemorySize> parse(String text) {
        if (text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal bytes = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            int power = UNITS.indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
            bytes = bytes.multiply(BigDecimal.valueOf(1024).pow(power));
        }
        BigDecimal exact = bytes.divide(MIB);
        BigDecimal whole = exact.setScale(0, RoundingMode.CEILING);
        return Optional.of(new MemorySize(whole.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue(),
                whole.compareTo(exact) != 0));
    }

    /** The form the exporter writes; containerlab and {@link #parse} both read it back as the same MiB. */
    static String format(int mib) {
        return mib + "Mb";
    }
}
