package dev.labforge.access.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

    @ParameterizedTest(name = "''{0}'' becomes ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            alice                      | alice
            Alice.Smith                | alice.smith
            alice@contoso.com          | alice
            Jürgen Müller              | jurgen-muller
            Zoë_O'Brien                | zoe_o-brien
            '  bob  '                  | bob
            -._leading and trailing._- | leading-and-trailing
            DOMAIN\\jdoe               | domain-jdoe
            1f0e2c3a-45b6-4c7d-8e9f-0a1b2c3d4e5f | 1f0e2c3a-45b6-4c7d-8e9f-0a1b2c3d4e5f
            """)
    void makesAValidName(String raw, String expected) {
        assertThat(Usernames.normalise(raw)).contains(expected);
        assertThat(expected).matches(Usernames.FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "@contoso.com", "---", "张伟", "..."})
    void givesNothingWhenNoUsableCharacterIsLeft(String raw) {
        assertThat(Usernames.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {62, 63, 64, 200})
    void cutsToSixtyThreeCharactersEndingInALetterOrDigit(int length) {
        String name = Usernames.normalise("a".repeat(length - 2) + "-b").orElseThrow();

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches(Usernames.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "x-", "a_b.c-d", "Ärger!", "ﬁne"})
    void everyResultMatchesTheDatabaseCheck(String raw) {
        assertThat(Usernames.normalise(raw).orElseThrow()).matches(Usernames.FORMAT);
    }
}
