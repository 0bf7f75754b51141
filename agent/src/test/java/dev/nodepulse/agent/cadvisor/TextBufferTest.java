package dev.nodepulse.agent.cadvisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sample values as Go's strconv.FormatFloat(v, 'g', -1, 64) prints them (what the kubelet's body shows). */
class TextBufferTest {

    private static String v(double d) {
        return new String(new TextBuffer(64).value(d).toByteArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void goFormatting() {
        assertEquals("0", v(0));
        assertEquals("1", v(1));
        assertEquals("-1", v(-1));
        assertEquals("100000", v(100000));
        assertEquals("999999", v(999999));
        assertEquals("1e+06", v(1e6));
        assertEquals("2.68435456e+08", v(268435456));
        assertEquals("1.731e+09", v(1731000000));
        assertEquals("12.34", v(12.34));
        assertEquals("0.021", v(0.021));
        assertEquals("0.0001", v(0.0001));
        assertEquals("1e-05", v(0.00001));
        assertEquals("1.2345675e+06", v(1234567.5));
        assertEquals("9.223372036854776e+18", v(9.223372036854775807e18));
        assertEquals("NaN", v(Double.NaN));
        assertEquals("+Inf", v(Double.POSITIVE_INFINITY));
        assertEquals("-2.5e+07", v(-25_000_000));
    }

    @Test
    void labelEscaping() {
        assertEquals("a\\\"b\\\\c\\nd", new String(TextBuffer.escapeLabel("a\"b\\c\nd"), StandardCharsets.UTF_8));
    }
}
