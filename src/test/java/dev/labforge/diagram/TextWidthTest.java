package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWidthTest {

    @Test
    void widerLettersMeasureWider() {
        assertThat(TextWidth.of("mmmm", 10, false)).isGreaterThan(TextWidth.of("iiii", 10, false));
        assertThat(TextWidth.of("r1", 13, true)).isGreaterThan(TextWidth.of("r1", 13, false));
        assertThat(TextWidth.of("", 13, false)).isZero();
    }

    @Test
    void scalesWithTheFontSize() {
        assertThat(TextWidth.of("Ethernet1/1", 20, false)).isEqualTo(2 * TextWidth.of("Ethernet1/1", 10, false));
    }

    @Test
    void fitLeavesShortTextAlone() {
        assertThat(TextWidth.fit("r1", 100, 13, true)).isEqualTo("r1");
    }

    @Test
    void fitCutsLongTextWithAnEllipsisAndStaysWithinTheWidth() {
        String fitted = TextWidth.fit("a-very-long-router-name-indeed", 80, 13, true);

        assertThat(fitted).endsWith(TextWidth.ELLIPSIS).startsWith("a-very");
        assertThat(TextWidth.of(fitted, 13, true)).isLessThanOrEqualTo(80);
    }

    @Test
    void fitNeverSplitsASurrogatePair() {
        String rockets = "\uD83D\uDE80".repeat(40);

        String fitted = TextWidth.fit(rockets, 50, 10, false);

        assertThat(fitted.codePoints().filter(cp -> cp == 0x1F680).count() * 2 + 1).isEqualTo(fitted.length());
    }
}
