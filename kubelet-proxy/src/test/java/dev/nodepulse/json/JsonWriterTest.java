package dev.nodepulse.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void floatsAsGoEncodingJsonWritesThem() {
        // Expected texts are what Go's json.Marshal prints for the same float64 values.
        assertEquals("0", JsonWriter.formatFloat(0.0));
        assertEquals("-0", JsonWriter.formatFloat(-0.0));
        assertEquals("0.5", JsonWriter.formatFloat(0.5));
        assertEquals("100", JsonWriter.formatFloat(100.0));
        assertEquals("12.25", JsonWriter.formatFloat(12.25));
        assertEquals("0.000001", JsonWriter.formatFloat(1e-6));
        assertEquals("1e-7", JsonWriter.formatFloat(1e-7));
        assertEquals("1.5e-7", JsonWriter.formatFloat(1.5e-7));
        assertEquals("1.23e-10", JsonWriter.formatFloat(1.23e-10));
        assertEquals("100000000000000000000", JsonWriter.formatFloat(1e20));
        assertEquals("1e+21", JsonWriter.formatFloat(1e21));
        assertEquals("-2.5e+300", JsonWriter.formatFloat(-2.5e300));
        assertEquals("0.1", JsonWriter.formatFloat(0.1));
        assertEquals("1624396248.3020916", JsonWriter.formatFloat(1.6243962483020916e9));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.formatFloat(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.formatFloat(Double.POSITIVE_INFINITY));
    }

    @Test
    void stringsEscapedAsGoDoes() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, false).value("a<b>&\"\\\n\r\t\u0001\u2028x\ud83d\ude00");
        assertEquals("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\r\\t\\u0001\\u2028x\ud83d\ude00\"", sb.toString());
        sb.setLength(0);
        new JsonWriter(sb, false).value("lone\ud800");
        assertEquals("\"lone\ufffd\"", sb.toString());
    }

    @Test
    void prettyLayoutIsGoRestfulsAndCompactHasNoSpaces() {
        StringBuilder pretty = new StringBuilder();
        write(new JsonWriter(pretty, true));
        assertEquals("{\n \"a\": 1,\n \"b\": [],\n \"c\": {},\n \"d\": [\n  {\n   \"e\": null\n  },\n  \"x\"\n ],\n"
                + " \"t\": \"2020-04-16T20:25:30Z\"\n}", pretty.toString());
        StringBuilder compact = new StringBuilder();
        write(new JsonWriter(compact, false));
        assertEquals("{\"a\":1,\"b\":[],\"c\":{},\"d\":[{\"e\":null},\"x\"],\"t\":\"2020-04-16T20:25:30Z\"}",
                compact.toString());
    }

    @Test
    void unsignedAndTimes() {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false).beginArray();
        w.unsigned(-1L).unsigned(0).signed(-5).time(null).time(Instant.parse("2020-04-16T20:25:30.999999999Z"))
                .time(Instant.parse("1969-12-31T23:59:59.5Z")).endArray();
        assertEquals("[18446744073709551615,0,-5,null,\"2020-04-16T20:25:30Z\",\"1969-12-31T23:59:59Z\"]", sb.toString());
    }

    private static void write(JsonWriter w) {
        w.beginObject().name("a").unsigned(1).name("b").beginArray().endArray().name("c").beginObject().endObject()
                .name("d").beginArray().beginObject().name("e").nullValue().endObject().value("x").endArray()
                .name("t").time(Instant.parse("2020-04-16T20:25:30.5Z")).endObject();
    }
}
