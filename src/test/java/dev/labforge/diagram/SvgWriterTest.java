package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgWriterTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "-0.01, 0",
        "12, 12",
        "12.04, 12",
        "12.05, 12.1",
        "-3.25, -3.2",
        "-0.5, -0.5",
        "1234567.89, 1234567.9"})
    void writesNumbersToATenthWithoutNoise(double value, String written) {
        assertThat(SvgWriter.num(value)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a<b>&c|a&lt;b&gt;&amp;c",
        "say \"hi\" 'there'|say &quot;hi&quot; &apos;there&apos;",
        "tab\there|tab&#9;here",
        "bell\u0007!|bell\uFFFD!",
        "lone \uD800 surrogate|lone \uFFFD surrogate",
        "pair \uD83D\uDE80 kept|pair \uD83D\uDE80 kept",
        "not a char \uFFFE|not a char \uFFFD"})
    void escapesMarkupAndReplacesWhatXmlCannotCarry(String raw, String escaped) {
        assertThat(SvgWriter.escape(raw)).isEqualTo(escaped);
    }

    @Test
    void replacesTheNulCharacter() {
        assertThat(SvgWriter.escape("nul\u0000!")).isEqualTo("nul\uFFFD!");
    }

    @ParameterizedTest
    @CsvSource({"eth1", "r1", "a&b"})
    void leavesOutAttributesWithoutValue(String text) {
        String out = new SvgWriter().leaf("rect", "class", null, "x", "1").text("text", text, "fill", null).finish();

        assertThat(out).contains("<rect x=\"1\"/>").doesNotContain("class=").doesNotContain("fill=");
    }
}
