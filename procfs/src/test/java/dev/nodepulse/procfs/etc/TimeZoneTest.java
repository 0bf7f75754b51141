package dev.nodepulse.procfs.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeZoneTest {

    private static Tzif zone(String file) throws Exception {
        return TzifParser.parse(Files.readAllBytes(Fixtures.path("host-capture/zoneinfo/" + file)), file);
    }

    private static long at(String zone, int y, int mo, int d, int h) {
        return ZonedDateTime.of(y, mo, d, h, 0, 0, 0, ZoneId.of(zone)).toEpochSecond();
    }

    /**
     * Offsets every ten days from 1990 to 2060 agree with the JDK's own rules: past 2037 the fat zone files
     * end and the footer rule takes over, so both the transition table and the POSIX rule are exercised.
     */
    @Test
    void offsetsAgreeWithTheJdkRules() throws Exception {
        String[][] zones = {{"Europe_Berlin", "Europe/Berlin"}, {"Australia_Sydney", "Australia/Sydney"},
            {"America_New_York", "America/New_York"}, {"Asia_Dubai", "Asia/Dubai"}, {"Etc_UTC", "UTC"}};
        long from = at("UTC", 1990, 1, 1, 0);
        long to = at("UTC", 2060, 1, 1, 0);
        for (String[] z : zones) {
            Tzif tz = zone(z[0]);
            var rules = ZoneId.of(z[1]).getRules();
            for (long t = from; t < to; t += 10 * 86400L + 3607) {
                Instant i = Instant.ofEpochSecond(t);
                ZoneName n = tz.at(t);
                assertEquals(rules.getOffset(i).getTotalSeconds(), n.offsetSeconds(), z[0] + " at " + i);
            }
        }
    }

    @Test
    void abbreviationsFromTableAndFooter() throws Exception {
        Tzif berlin = zone("Europe_Berlin");
        assertEquals(new ZoneName("CET", 3600), berlin.at(at("Europe/Berlin", 2026, 1, 15, 12)));
        assertEquals(new ZoneName("CEST", 7200), berlin.at(at("Europe/Berlin", 2026, 7, 15, 12)));
        assertEquals(new ZoneName("CEST", 7200), berlin.at(at("Europe/Berlin", 2050, 7, 15, 12)));
        assertEquals(new ZoneName("CET", 3600), berlin.at(at("Europe/Berlin", 2050, 12, 15, 12)));
        // Around the 2050 spring change (last Sunday of March, 02:00 local).
        assertEquals("CET", berlin.at(at("Europe/Berlin", 2050, 3, 27, 1)).abbreviation());
        assertEquals("CEST", berlin.at(at("Europe/Berlin", 2050, 3, 27, 4)).abbreviation());
        Tzif sydney = zone("Australia_Sydney");
        assertEquals(new ZoneName("AEDT", 39600), sydney.at(at("Australia/Sydney", 2050, 1, 15, 12)));
        assertEquals(new ZoneName("AEST", 36000), sydney.at(at("Australia/Sydney", 2050, 7, 15, 12)));
        assertEquals(new ZoneName("+04", 14400), zone("Asia_Dubai").at(at("UTC", 2026, 11, 22, 0)));
        assertEquals(ZoneName.UTC, zone("Etc_UTC").at(at("UTC", 2026, 11, 22, 0)));
        assertEquals("EST", zone("America_New_York").at(at("America/New_York", 2045, 1, 10, 0)).abbreviation());
        assertEquals("EDT", zone("America_New_York").at(at("America/New_York", 2045, 7, 10, 0)).abbreviation());
    }

    @Test
    void posixRulesOnTheirOwn() {
        long summer = at("UTC", 2030, 7, 1, 0);
        long winter = at("UTC", 2030, 1, 1, 0);
        assertEquals(new ZoneName("EST", -18000), PosixTzRule.zoneAt("EST5EDT", winter));
        assertEquals(new ZoneName("EDT", -14400), PosixTzRule.zoneAt("EST5EDT", summer));
        assertEquals(new ZoneName("XST", -3 * 3600 - 30 * 60), PosixTzRule.zoneAt("XST3:30", summer));
        assertEquals(new ZoneName("JDT", 3 * 3600), PosixTzRule.zoneAt("JST-2JDT,J60/0,300", summer));
        assertEquals(new ZoneName("JST", 2 * 3600), PosixTzRule.zoneAt("JST-2JDT,J60/0,300", winter));
        assertEquals(null, PosixTzRule.zoneAt("AB1", summer));
        assertEquals(null, PosixTzRule.zoneAt("<+04", summer));
        assertEquals(null, PosixTzRule.zoneAt("CET-1CEST,M13.5.0,M10.5.0", summer));
        assertEquals(null, PosixTzRule.zoneAt("CET-1CEST,M3.5.0", summer));
    }

    /** A minimal version 1 file with two types and one transition, built by hand. */
    @Test
    void versionOneFiles() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        out.writeBytes("TZif");
        out.write(new byte[16]);
        int[] counts = {0, 0, 0, 1, 2, 8};
        for (int c : counts) {
            out.writeInt(c);
        }
        out.writeInt(1_000_000_000);
        out.write(1);
        out.writeInt(0);
        out.write(0);
        out.write(0);
        out.writeInt(3600);
        out.write(1);
        out.write(4);
        out.writeBytes("AAA\0BBB\0");
        Tzif tz = TzifParser.parse(buf.toByteArray(), "v1");
        assertEquals(new ZoneName("AAA", 0), tz.at(999_999_999));
        assertEquals(new ZoneName("BBB", 3600), tz.at(1_000_000_000));
        assertEquals("", tz.footer());
    }

    @Test
    void brokenFiles() {
        assertThrows(ParseException.class, () -> TzifParser.parse(new byte[0], "empty"));
        assertThrows(ParseException.class, () -> TzifParser.parse("TZjf0000000000000000000000000000000000000000000".getBytes(), "magic"));
        assertThrows(ParseException.class, () -> {
            byte[] b = Files.readAllBytes(Fixtures.path("host-capture/zoneinfo/Europe_Berlin"));
            TzifParser.parse(java.util.Arrays.copyOf(b, 200), "truncated");
        });
    }

    @Test
    void localZoneFollowsGosRules(@TempDir Path root) throws Exception {
        Path zoneinfo = Files.createDirectories(root.resolve("usr/share/zoneinfo/Europe"));
        Files.copy(Fixtures.path("host-capture/zoneinfo/Europe_Berlin"), zoneinfo.resolve("Berlin"));
        Files.createDirectories(root.resolve("etc"));
        Files.copy(Fixtures.path("host-capture/zoneinfo/Asia_Dubai"), root.resolve("etc/localtime"));
        long summer = at("UTC", 2026, 7, 1, 0);

        assertEquals("+04", LocalTimeZone.load(Map.of(), root).at(summer).abbreviation());
        assertEquals("CEST", LocalTimeZone.load(Map.of("TZ", "Europe/Berlin"), root).at(summer).abbreviation());
        assertEquals("CEST", LocalTimeZone.load(Map.of("TZ", ":Europe/Berlin"), root).at(summer).abbreviation());
        assertEquals("CEST", LocalTimeZone.load(Map.of("TZ", "/usr/share/zoneinfo/Europe/Berlin"), root).at(summer).abbreviation());
        assertEquals(ZoneName.UTC, LocalTimeZone.load(Map.of("TZ", ""), root).at(summer));
        assertEquals(ZoneName.UTC, LocalTimeZone.load(Map.of("TZ", "UTC"), root).at(summer));
        LocalTimeZone unknown = LocalTimeZone.load(Map.of("TZ", "Mars/Olympus"), root);
        assertFalse(unknown.loaded());
        assertEquals(ZoneName.UTC, unknown.at(summer));
        Path custom = Files.createDirectories(root.resolve("custom"));
        Files.copy(Fixtures.path("host-capture/zoneinfo/Australia_Sydney"), custom.resolve("Here"));
        LocalTimeZone fromZoneinfoVar = LocalTimeZone.load(Map.of("TZ", "Here", "ZONEINFO", "/custom"), root);
        assertTrue(fromZoneinfoVar.loaded());
        assertEquals("AEST", fromZoneinfoVar.at(summer).abbreviation());
        Files.delete(root.resolve("etc/localtime"));
        assertEquals(ZoneName.UTC, LocalTimeZone.load(Map.of(), root).at(summer));
    }
}
