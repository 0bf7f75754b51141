package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class NodeMeminfoParserTest {

    @Test
    void capturedFileConvertsKilobytesAndRenamesParentheses() throws Exception {
        String text = Fixtures.text("host-capture/sys/node0/meminfo");
        NodeMeminfo m = NodeMeminfoParser.parse(text, "node0/meminfo");
        String[] lines = text.strip().split("\n");
        assertEquals(lines.length, m.entries().size());
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            NodeMeminfo.Entry e = m.entries().get(i);
            assertEquals(f[1], e.node());
            double v = Double.parseDouble(f[3]);
            assertEquals(f.length == 5 ? v * 1024 : v, e.value());
            assertTrue(!e.field().contains("(") && !e.field().endsWith(":"), e.field());
        }
        assertTrue(m.entries().stream().anyMatch(e -> e.field().equals("Active_anon")));
    }

    @Test
    void emptyAndMalformed() throws Exception {
        assertTrue(NodeMeminfoParser.parse("\n\n", "m").entries().isEmpty());
        assertThrows(ParseException.class, () -> NodeMeminfoParser.parse("Node 0 MemTotal:\n", "m"));
        assertThrows(ParseException.class, () -> NodeMeminfoParser.parse("Node 0 MemTotal: x kB\n", "m"));
        assertThrows(ParseException.class, () -> NodeMeminfoParser.parse("Node 0 MemTotal: 1 MB\n", "m"));
        assertEquals(4.0, NodeMeminfoParser.parse("Node 2 HugePages_Total:     4\n", "m").entries().get(0).value());
    }
}
