package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canned netlink answers node_exporter's end-to-end test gives the wifi and qdisc collectors
 * (--collector.wifi.fixtures, --collector.qdisc.fixtures): JSON encodings of the Go structs the netlink
 * libraries return. Field names match case-insensitively and absent fields are zero, as with Go's
 * encoding/json; byte slices (MAC addresses) are base64; durations are integer nanoseconds.
 */
public final class CannedNetlinkParser {

    private static final BigInteger U32_MAX = BigInteger.valueOf(0xffffffffL);
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private CannedNetlinkParser() {}

    /** wifi/interfaces.json: an array of interfaces (null entries are skipped). */
    public static List<WifiInterface> wifiInterfaces(String text, String source) throws ParseException {
        List<WifiInterface> out = new ArrayList<>();
        for (Map<?, ?> o : objects(Json.parse(text, source), source)) {
            out.add(new WifiInterface((int) signed(o, "Index", source), string(o, "Name", source),
                    mac(o, "HardwareAddr", source), (int) signed(o, "PHY", source), (int) signed(o, "Type", source),
                    (int) signed(o, "Frequency", source)));
        }
        return out;
    }

    /** wifi/&lt;device&gt;/bss.json: one object. */
    public static WifiBss wifiBss(String text, String source) throws ParseException {
        Object v = Json.parse(text, source);
        if (v == null) {
            return new WifiBss("", "", 0);
        }
        if (!(v instanceof Map<?, ?> o)) {
            throw new ParseException(source + ": a JSON object expected");
        }
        return new WifiBss(string(o, "SSID", source), mac(o, "BSSID", source), (int) signed(o, "Status", source));
    }

    /** wifi/&lt;device&gt;/stationinfo.json: an array of stations. */
    public static List<WifiStation> wifiStations(String text, String source) throws ParseException {
        List<WifiStation> out = new ArrayList<>();
        for (Map<?, ?> o : objects(Json.parse(text, source), source)) {
            out.add(new WifiStation(mac(o, "HardwareAddr", source), seconds(signed(o, "Connected", source)),
                    seconds(signed(o, "Inactive", source)), signed(o, "ReceivedBytes", source),
                    signed(o, "TransmittedBytes", source), signed(o, "ReceivedPackets", source),
                    signed(o, "TransmittedPackets", source), signed(o, "ReceiveBitrate", source),
                    signed(o, "TransmitBitrate", source), signed(o, "Signal", source),
                    signed(o, "TransmitRetries", source), signed(o, "TransmitFailed", source),
                    signed(o, "BeaconLoss", source)));
        }
        return out;
    }

    /** qdisc/results.json: an array of the qdisc library's QdiscInfo. */
    public static List<QdiscStats> qdiscs(String text, String source) throws ParseException {
        List<QdiscStats> out = new ArrayList<>();
        for (Map<?, ?> o : objects(Json.parse(text, source), source)) {
            out.add(new QdiscStats(string(o, "IfaceName", source), unsigned(o, "Handle", U32_MAX, source),
                    unsigned(o, "Parent", U32_MAX, source), string(o, "Kind", source),
                    unsigned(o, "Bytes", U64_MAX, source), unsigned(o, "Packets", U32_MAX, source),
                    unsigned(o, "Drops", U32_MAX, source), unsigned(o, "Requeues", U32_MAX, source),
                    unsigned(o, "Overlimits", U32_MAX, source), unsigned(o, "Qlen", U32_MAX, source),
                    unsigned(o, "Backlog", U32_MAX, source)));
        }
        return out;
    }

    private static List<Map<?, ?>> objects(Object v, String source) throws ParseException {
        List<Map<?, ?>> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw new ParseException(source + ": a JSON array expected");
        }
        for (Object e : list) {
            if (e == null) {
                continue;
            }
            if (!(e instanceof Map<?, ?> m)) {
                throw new ParseException(source + ": array elements must be objects");
            }
            out.add(m);
        }
        return out;
    }

    private static String string(Map<?, ?> o, String field, String source) throws ParseException {
        Object v = Json.member(o, field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new ParseException(source + ": " + field + " must be a string");
        }
        return s;
    }

    private static long signed(Map<?, ?> o, String field, String source) throws ParseException {
        Object v = Json.member(o, field);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof BigDecimal d)) {
            throw new ParseException(source + ": " + field + " must be a number");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new ParseException(source + ": " + field + " is not a 64-bit integer: " + d);
        }
    }

    private static long unsigned(Map<?, ?> o, String field, BigInteger max, String source) throws ParseException {
        Object v = Json.member(o, field);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof BigDecimal d)) {
            throw new ParseException(source + ": " + field + " must be a number");
        }
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ParseException(source + ": " + field + " is not an integer: " + d);
        }
        if (i.signum() < 0 || i.compareTo(max) > 0) {
            throw new ParseException(source + ": " + field + " is out of range: " + d);
        }
        return i.longValue();
    }

    /** A base64 byte string shown as Go's net.HardwareAddr prints it: lower-case hex pairs joined by ':'. */
    private static String mac(Map<?, ?> o, String field, String source) throws ParseException {
        String b64 = string(o, field, source);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new ParseException(source + ": " + field + " is not base64: " + b64);
        }
        return hardwareAddress(raw);
    }

    /** Bytes as "aa:bb:cc:..."; empty for none. */
    public static String hardwareAddress(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length * 3);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < raw.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex.toHexDigits(raw[i]));
        }
        return sb.toString();
    }

    /** Go's Duration.Seconds(): whole seconds plus the remainder, so 400ms reads as exactly 0.4. */
    static double seconds(long nanos) {
        return (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
    }
}
