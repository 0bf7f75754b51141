package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.ParseException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void valuesOfEveryKind() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\ty\\u0041\"], \"b\": {}} ", "t");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(new BigDecimal("1"), a.get(0));
        assertEquals(new BigDecimal("-2.5e3"), a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertNull(a.get(4));
        assertEquals("x\tyA", a.get(5));
        assertEquals(Map.of(), m.get("b"));
    }

    @Test
    void memberPrefersExactThenIgnoresCase() throws Exception {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"name\": 1, \"Name\": 2, \"KIND\": 3}", "t");
        assertEquals(new BigDecimal("2"), Json.member(m, "Name"));
        assertEquals(new BigDecimal("3"), Json.member(m, "Kind"));
        assertNull(Json.member(m, "missing"));
    }

    @Test
    void malformedDocuments() {
        for (String bad : new String[] {"", "[", "[1,]", "{\"a\" 1}", "{1: 2}", "tru", "\"\\q\"", "1 2", "[1}"}) {
            assertThrows(ParseException.class, () -> Json.parse(bad, "t"), bad);
        }
    }
}
