package dev.nodepulse.procfs.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

    @Test
    void capturedDebianFile() throws Exception {
        String text = Fixtures.text("host-capture/etc/os-release");
        OsRelease r = OsReleaseParser.parse(text, "/etc/os-release");
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            String raw = line.substring(eq + 1);
            String expected = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
            assertEquals(expected, r.get(line.substring(0, eq)), line);
        }
        assertEquals("", r.get("VARIANT"));
        assertFalse(r.has("VARIANT"));
    }

    @Test
    void shellStyleQuotingAndComments() throws Exception {
        OsRelease r = OsReleaseParser.parse("""
                # comment
                  
                export NAME="Fancy \\"OS\\""
                PRETTY_NAME='single # not a comment'
                ID=plain value # trailing comment
                VERSION="a"'b'c
                BUILD_ID="tab\\tnew\\nline\\/slash\\u00e9\\ud83d\\ude00"
                EMPTY=
                KEY.with/odd_chars=1
                DUP=first
                DUP=second
                SPACED = around\s\s
                export=not a prefix
                """, "os-release");
        assertEquals("Fancy \"OS\"", r.get("NAME"));
        assertEquals("single # not a comment", r.get("PRETTY_NAME"));
        assertEquals("plain value", r.get("ID"));
        assertEquals("abc", r.get("VERSION"));
        assertEquals("tab\tnew\nline/slash\u00e9\uD83D\uDE00", r.get("BUILD_ID"));
        assertTrue(r.has("EMPTY"));
        assertEquals("", r.get("EMPTY"));
        assertEquals("1", r.get("KEY.with/odd_chars"));
        assertEquals("second", r.get("DUP"));
        assertEquals("around", r.get("SPACED"));
        assertEquals("not a prefix", r.get("export"));
    }

    @Test
    void emptyFileHasNoValues() throws Exception {
        assertTrue(OsReleaseParser.parse("", "os-release").values().isEmpty());
    }

    @Test
    void malformedLinesFailTheFile() throws Exception {
        ParseException q = assertThrows(ParseException.class,
                () -> OsReleaseParser.parse(Fixtures.text("malformed/os-release-unmatched-quote"), "/etc/os-release"));
        assertTrue(q.getMessage().contains("/etc/os-release:1:"), q.getMessage());
        ParseException eq = assertThrows(ParseException.class,
                () -> OsReleaseParser.parse(Fixtures.text("malformed/os-release-no-equals"), "/etc/os-release"));
        assertTrue(eq.getMessage().contains(":2:") && eq.getMessage().contains("missing ="), eq.getMessage());
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("=value\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("1KEY=value\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("KE-Y=value\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("KEY=\"bad \\q escape\"\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("KEY=tab\there\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("KEY='open\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("KEY=\"ends in escape\\\n", "x"));
        assertThrows(ParseException.class, () -> OsReleaseParser.parse("KEY=\"\\u12\"\n", "x"));
    }
}
