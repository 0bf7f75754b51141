package dev.nodepulse.procfs.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KstatParserTest {

    @Test
    void readsNumericRowsOfANamedTable() throws Exception {
        Kstat k = KstatParser.parse(Fixtures.text("handwritten/zfs/arcstats"), "arcstats");
        List<Kstat.Row> rows = k.rows();
        assertEquals(7, rows.size());
        assertEquals("hits", rows.get(0).name());
        assertEquals(8772612.0, rows.get(0).value());
        assertEquals(Kstat.INT64, rows.get(4).type());
        assertEquals(-922337203685477580.0, rows.get(4).value());
        // u64 beyond Long.MAX_VALUE stays positive
        assertEquals(18446744073709551615.0, rows.get(5).value());
        assertEquals("evict_l2-eligible", rows.get(5).name());
        // a uint32 row is kept but carries no number node_exporter reads
        assertFalse(rows.get(6).isNumeric());
        assertTrue(Double.isNaN(rows.get(6).value()));
    }

    @Test
    void keepsRunsOfSpacesInsideStringData() throws Exception {
        Kstat k = KstatParser.parse(Fixtures.text("handwritten/zfs/tank/objset-0x36"), "objset");
        assertEquals("tank/home with  two   spaces", k.text("dataset_name"));
        assertEquals(4096.0, k.rows().stream().filter(r -> r.name().equals("nwritten")).findFirst().orElseThrow().value());
        assertEquals(7, k.rows().size());
    }

    @Test
    void restFromSkipsExactlyTheLeadingFields() {
        assertEquals("a  b", KstatParser.restFrom("x\t 7   a  b", 2));
        assertEquals("", KstatParser.restFrom("x 7", 2));
    }

    @Test
    void rowsBeforeTheHeaderAndShortRowsAreIgnored() throws Exception {
        Kstat k = KstatParser.parse("1 1 0x01 2 3 4 5\nhits 4 9\nname type data\nshort 4\nok 4 3\n", "t");
        assertEquals(1, k.rows().size());
        assertEquals("ok", k.rows().get(0).name());
    }

    @Test
    void malformedEmptyAndHeaderlessInputAreErrors() {
        ParseException e = assertThrows(ParseException.class,
                () -> KstatParser.parse("x\nname type data\nhits 4 many\n", "arcstats"));
        assertTrue(e.getMessage().contains("hits"), e.getMessage());
        assertThrows(ParseException.class, () -> KstatParser.parse("name type data\nv 3 1.5\n", "t"));
        assertThrows(ParseException.class, () -> KstatParser.parse("", "empty"));
        assertThrows(ParseException.class, () -> KstatParser.parse("hits 4 1\n", "no header"));
    }
}
