package dev.nodepulse.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void parsesEveryValueKind() throws Exception {
        JsonObject o = JsonReader.parseObject(" {\"s\":\"a\\u003cb\\n\\ud83d\\ude00\\/\",\"n\":-1.5e3,\"u\":18446744073709551615,"
                + "\"b\":true,\"f\":false,\"z\":null,\"l\":[1,{\"x\":[]}],\"o\":{}}\n");
        assertEquals("a<b\n\ud83d\ude00/", o.string("s"));
        assertEquals(-1500.0, o.number("n"));
        assertEquals(-1L, o.unsigned("u"));
        assertEquals(Long.toUnsignedString(o.unsigned("u")), "18446744073709551615");
        assertEquals(Boolean.TRUE, o.bool("b"));
        assertEquals(Boolean.FALSE, o.bool("f"));
        assertNull(o.get("z"));
        assertFalse(o.has("z"));
        assertTrue(o.fields().containsKey("z"));
        assertEquals(2, ((List<?>) o.get("l")).size());
        assertEquals(0, o.object("o").fields().size());
    }

    @Test
    void goDecodingRules() throws Exception {
        JsonObject o = JsonReader.parseObject("{\"NodeName\":\"a\",\"dup\":1,\"dup\":2,\"t\":\"2020-04-16T22:25:30.75+02:00\","
                + "\"zero\":\"0001-01-01T00:00:00Z\",\"nt\":null}");
        assertEquals("a", o.string("nodeName"), "keys match case-insensitively");
        assertEquals(2L, o.unsigned("dup"), "the last duplicate wins");
        assertEquals(Instant.parse("2020-04-16T20:25:30.75Z"), o.time("t"));
        assertNull(o.time("zero"), "Go's zero time reads as unset");
        assertNull(o.time("nt"));
        assertNull(o.time("missing"));
        assertEquals("", o.stringOrEmpty("missing"));
    }

    @Test
    void typeMismatchesNameThePath() throws Exception {
        JsonObject o = JsonReader.parseObject("{\"node\":{\"cpu\":{\"time\":5,\"usageNanoCores\":-1,\"f\":1.5,\"big\":18446744073709551616}}}");
        JsonObject cpu = o.object("node").object("cpu");
        assertEquals("$.node.cpu.time: expected a string, found the number 5",
                assertThrows(JsonException.class, () -> cpu.time("time")).getMessage());
        assertThrows(JsonException.class, () -> cpu.unsigned("usageNanoCores"));
        assertThrows(JsonException.class, () -> cpu.unsigned("f"));
        assertThrows(JsonException.class, () -> cpu.unsigned("big"));
        assertThrows(JsonException.class, () -> o.objects("node"));
        JsonObject bad = JsonReader.parseObject("{\"t\":\"yesterday\",\"feb30\":\"2020-02-30T00:00:00Z\","
                + "\"leap\":\"2020-02-29T23:59:59Z\",\"h24\":\"2020-01-01T24:00:00Z\"}");
        assertThrows(JsonException.class, () -> bad.time("t"));
        assertThrows(JsonException.class, () -> bad.time("feb30"));
        assertThrows(JsonException.class, () -> bad.time("h24"));
        assertEquals(Instant.parse("2020-02-29T23:59:59Z"), bad.time("leap"));
    }

    @Test
    void rejectsMalformedDocuments() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{'a':1}", "01", "1.", "-", "1e", "tru",
                "\"a", "\"\\x\"", "\"\\u12\"", "\"a\u0001\"", "{} {}", "[1 2]", "NaN", "{\"a\":1}x")) {
            assertThrows(JsonException.class, () -> JsonReader.parse(bad), bad);
        }
        assertThrows(JsonException.class, () -> JsonReader.parse("[".repeat(300) + "]".repeat(300)));
        assertThrows(JsonException.class, () -> JsonReader.parseObject("[]"));
    }

    @Test
    void errorsCarryLineAndColumn() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("{\n \"a\": tru\n}"));
        assertTrue(e.getMessage().contains("line 2 column 7"), e.getMessage());
    }
}
