package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrbdParserTest {

    @Test
    void fieldsBelongToTheDeviceHeaderBeforeThem() throws Exception {
        List<DrbdField> f = DrbdParser.parse(Fixtures.text("handmade/proc/drbd"));
        assertTrue(f.contains(new DrbdField("drbd0", "cs", "Connected")));
        assertTrue(f.contains(new DrbdField("drbd0", "ro", "Primary/Secondary")));
        assertTrue(f.contains(new DrbdField("drbd0", "ns", "2048")));
        assertTrue(f.contains(new DrbdField("drbd0", "oos", "512")));
        assertTrue(f.contains(new DrbdField("drbd3", "cs", "WFConnection")));
        assertTrue(f.contains(new DrbdField("drbd3", "nr", "77")));
        // the version lines come before any device
        assertTrue(f.contains(new DrbdField("unknown", "version", "")));
        assertEquals(0, f.stream().filter(x -> x.key().equals("api")).count());
    }

    @Test
    void emptyAndGarbage() {
        assertTrue(DrbdParser.parse("").isEmpty());
        assertTrue(DrbdParser.parse("a:b:c no-colon\n").isEmpty());
    }
}
