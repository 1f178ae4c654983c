package dev.labforge.containerlab;

import java.nio.charset.StandardCharsets;
import dev.labforge.containerlab.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text that is not a readable containerlab file fails with a pointer to the culprit. */
class FormatErrorsTest {

    private static void assertFails(String yaml, String pointer, String message) {
        assertThatThrownBy(() -> new ContainerlabImporter().read(yaml, TestCatalog.VIEW))
                .isInstanceOfSatisfying(ContainerlabFormatException.class, e -> {
                    assertThat(e.pointer()).isEqualTo(pointer);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    /** Rows use "\n" for line breaks so that each case stays on one line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                     | ''                                                          | ''                               | empty
            only a comment            | # nothing here\\n                                           | ''                               | empty
            not YAML                  | 'name: [unclosed'                                            | ''                               | not valid YAML
            a YAML syntax error       | 'this: is: bad'                                             | ''                               | not valid YAML
            no mapping of fields      | '::: not yaml'                                              | /name                            | the field 'name' is required
            a list                    | '[1, 2]'                                                    | ''                               | must be a mapping
            a scalar                  | just text                                                   | ''                               | must be a mapping
            null document             | ~                                                           | ''                               | must be a mapping
            missing name              | 'topology: {nodes: {}}'                                     | /name                            | the field 'name' is required
            blank name                | 'name: ""\\ntopology: {nodes: {}}'                       | /name                            | is required
            name is a list            | 'name: [a]\\ntopology: {nodes: {}}'                         | /name                            | must be a string
            missing topology          | name: x                                                     | /topology                        | the field 'topology' is required
            topology a list           | 'name: x\\ntopology: [1]'                                   | /topology                        | must be a mapping
            missing nodes             | 'name: x\\ntopology: {}'                                    | /topology/nodes                  | is required
            nodes a list              | 'name: x\\ntopology: {nodes: [r1]}'                         | /topology/nodes                  | must be a mapping
            node a string             | 'name: x\\ntopology: {nodes: {r1: linux}}'                  | /topology/nodes/r1               | must be a mapping
            node a list               | 'name: x\\ntopology: {nodes: {r1: [1]}}'                    | /topology/nodes/r1               | must be a mapping
            defaults a number         | 'name: x\\ntopology: {defaults: 1, nodes: {}}'              | /topology/defaults               | must be a mapping
            kinds a list              | 'name: x\\ntopology: {kinds: [a], nodes: {}}'               | /topology/kinds                  | must be a mapping
            group a number            | 'name: x\\ntopology: {groups: {g: 1}, nodes: {}}'           | /topology/groups/g               | must be a mapping
            cpu a list                | 'name: x\\ntopology: {nodes: {r1: {cpu: [1]}}}'             | /topology/nodes/r1/cpu           | must be a number
            cpu a quoted string       | 'name: x\\ntopology: {nodes: {r1: {cpu: "2"}}}'          | /topology/nodes/r1/cpu           | must be a number
            cpu infinite              | 'name: x\\ntopology: {nodes: {r1: {cpu: .inf}}}'            | /topology/nodes/r1/cpu           | must be a decimal number
            cpu huge                  | 'name: x\\ntopology: {nodes: {r1: {cpu: 1e300}}}'           | /topology/nodes/r1/cpu           | out of range
            cpu too many cores        | 'name: x\\ntopology: {nodes: {r1: {cpu: 2147483648}}}'     | /topology/nodes/r1/cpu           | out of range
            cpu with a bad tag        | 'name: x\\ntopology: {nodes: {r1: {cpu: !!float abc}}}'    | /topology/nodes/r1/cpu           | decimal number
            cpu in defaults           | 'name: x\\ntopology: {defaults: {cpu: yes}, nodes: {}}'     | /topology/defaults/cpu           | must be a number
            kind a mapping            | 'name: x\\ntopology: {nodes: {r1: {kind: {a: b}}}}'         | /topology/nodes/r1/kind          | must be a string
            image a list              | 'name: x\\ntopology: {nodes: {r1: {image: [a]}}}'           | /topology/nodes/r1/image         | must be a string
            startup-config a list     | 'name: x\\ntopology: {nodes: {r1: {startup-config: [a]}}}'  | /topology/nodes/r1/startup-config | must be a string
            labels a list             | 'name: x\\ntopology: {nodes: {r1: {labels: [a]}}}'          | /topology/nodes/r1/labels        | must be a mapping
            label value a list        | 'name: x\\ntopology: {nodes: {r1: {labels: {a: [1]}}}}'     | /topology/nodes/r1/labels/a      | must be a string
            links a mapping           | 'name: x\\ntopology: {nodes: {}, links: {a: b}}'            | /topology/links                  | must be a list
            link a string             | 'name: x\\ntopology: {nodes: {}, links: [a]}'               | /topology/links/0                | must be a mapping
            link without endpoints    | 'name: x\\ntopology: {nodes: {}, links: [{mtu: 1}]}'        | /topology/links/0/endpoints      | is required
            endpoints a string        | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: a}]}'  | /topology/links/0/endpoints      | must be a list
            one endpoint              | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b]}]}' | /topology/links/0/endpoints   | exactly two
            three endpoints           | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, c:d, e:f]}]}' | /topology/links/0/endpoints | exactly two
            endpoint a list           | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, [c]]}]}' | /topology/links/0/endpoints/1 | must be a string
            endpoint null             | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, ~]}]}' | /topology/links/0/endpoints/1 | must be a string
            veth endpoint a string    | 'name: x\\ntopology: {nodes: {}, links: [{type: veth, endpoints: [a:b, c:d]}]}' | /topology/links/0/endpoints/0 | must be a mapping
            veth node a list          | 'name: x\\ntopology: {nodes: {}, links: [{type: veth, endpoints: [{node: [a]}, {}]}]}' | /topology/links/0/endpoints/0/node | must be a string
            link type a list          | 'name: x\\ntopology: {nodes: {}, links: [{type: [veth]}]}'  | /topology/links/0/type           | must be a string
            mtu fractional            | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, c:d], mtu: 1500.5}]}' | /topology/links/0/mtu | whole number
            mtu a string              | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, c:d], mtu: "1500"}]}' | /topology/links/0/mtu | must be a number
            mtu too large             | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, c:d], mtu: 99999999999}]}' | /topology/links/0/mtu | out of range
            mtu with a bad tag        | 'name: x\\ntopology: {nodes: {}, links: [{endpoints: [a:b, c:d], mtu: !!int abc}]}' | /topology/links/0/mtu | whole number
            duplicate key             | 'name: a\\nname: b'                                         | /name                            | duplicate key
            duplicate node            | 'name: x\\ntopology:\\n  nodes:\\n    r1: {}\\n    r1: {}'   | /topology/nodes/r1               | duplicate key
            unknown alias             | 'name: *nowhere'                                            | /name                            | refers to no anchor
            merge of a scalar         | 'name: x\\ntopology: {<<: 1}'                               | /topology/<<                     | merge key
            complex key               | 'name: x\\ntopology: {nodes: {? [a] : b}}'                  | /topology/nodes                  | keys must be scalars
            two documents             | 'name: a\\n---\\nname: b'                                   | ''                               | several
            NUL in a value            | 'name: x\\ntopology: {nodes: {r1: {startup-config: "a\\0b"}}}' | /topology/nodes/r1/startup-config | NUL character
            half a surrogate pair     | 'name: x\\ntopology: {nodes: {r1: {labels: {a: "x\\uD800"}}}}' | /topology/nodes/r1/labels/a | unpaired UTF-16 surrogate (U+D800)
            half a pair in a key      | 'name: x\\ntopology: {nodes: {r1: {labels: {"\\uDC00": b}}}}' | /topology/nodes/r1/labels | unpaired UTF-16 surrogate (U+DC00)
            """)
    void failsWithPointer(String title, String yaml, String pointer, String message) {
        assertFails(yaml.replace("\\n", "\n"), pointer, message);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNotRepaired() {
        byte[] file = "name: x\ntopology: {nodes: {r1: {labels: {a: caf\u00e9}}}}\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "name: x\ntopology: {nodes: {r1: {labels: {a: caf\u00e9}}}}\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(new ContainerlabImporter().read(file, TestCatalog.VIEW).topology().nodes().getFirst().labels())
                .containsEntry("a", "caf\u00e9");
        assertThatThrownBy(() -> new ContainerlabImporter().read(latin1, TestCatalog.VIEW))
                .isInstanceOfSatisfying(ContainerlabFormatException.class, e -> {
                    assertThat(e.pointer()).isEmpty();
                    assertThat(e.getMessage()).contains("not valid UTF-8").contains("byte 47");
                });
    }

    @Test
    void wholeSurrogatePairsAreText() {
        String yaml = "name: x\ntopology: {nodes: {r1: {labels: {a: \"\\U0001F600\"}}}}";

        assertThat(new ContainerlabImporter().read(yaml, TestCatalog.VIEW).topology().nodes().getFirst().labels())
                .containsEntry("a", "\uD83D\uDE00");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "name: x\nt: " + "[".repeat(200) + "]".repeat(200);
        assertThatThrownBy(() -> new ContainerlabImporter().read(deep, TestCatalog.VIEW))
                .isInstanceOf(ContainerlabFormatException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String previous = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> new ContainerlabImporter().read(bomb.toString(), TestCatalog.VIEW))
                .isInstanceOf(ContainerlabFormatException.class)
                .hasMessageContaining("once aliases are resolved");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeParsing() {
        String huge = "name: x\n#" + "x".repeat(YamlReader.MAX_CHARS);
        assertFails(huge, "", "longer than");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> new ContainerlabImporter().read("name: x\ntopology:\n  nodes: {r1: [}\n",
                TestCatalog.VIEW))
                .isInstanceOf(ContainerlabFormatException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line 3");
    }
}
