package dev.nodepulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSetTest {

    private static FlagSet flags() {
        return new FlagSet("t")
                .add(Flag.bool("collector.cpu", true, "cpu"))
                .add(Flag.string("path.procfs", "/proc", "procfs"))
                .add(Flag.repeatable("web.listen-address", "addr").withDefault(":9100"))
                .add(Flag.duration("collector.filesystem.mount-timeout", "5s", "t"))
                .add(Flag.integer("web.max-requests", 40, "n"))
                .add(Flag.regex("collector.netdev.device-exclude", "", "re"))
                .alias("collector.netdev.device-blacklist", "collector.netdev.device-exclude");
    }

    @Test
    void kingpinForms() throws Exception {
        FlagValues v = flags().parse(new String[] {"--no-collector.cpu", "--path.procfs", "/host/proc",
                "--web.listen-address=:1", "--web.listen-address=:2", "--collector.filesystem.mount-timeout=1m30s",
                "--collector.netdev.device-blacklist=^veth"});
        assertFalse(v.bool("collector.cpu"));
        assertTrue(v.isSet("collector.cpu"));
        assertEquals("/host/proc", v.string("path.procfs"));
        assertEquals(List.of(":1", ":2"), v.all("web.listen-address"));
        assertEquals(Duration.ofSeconds(90), v.duration("collector.filesystem.mount-timeout"));
        assertEquals("^veth", v.string("collector.netdev.device-exclude"));
        assertEquals(40, v.integer("web.max-requests"));
    }

    @Test
    void defaults() throws Exception {
        FlagValues v = flags().parse(new String[0]);
        assertTrue(v.bool("collector.cpu"));
        assertFalse(v.isSet("collector.cpu"));
        assertEquals(List.of(":9100"), v.all("web.listen-address"));
        assertEquals(null, v.pattern("collector.netdev.device-exclude"));
    }

    @Test
    void errorsNameTheFlag() {
        FlagSet f = flags();
        assertEquals("unknown long flag '--nope'", assertThrows(FlagException.class,
                () -> f.parse(new String[] {"--nope"})).getMessage());
        assertTrue(assertThrows(FlagException.class, () -> f.parse(new String[] {"--web.max-requests=many"}))
                .getMessage().contains("--web.max-requests"));
        assertTrue(assertThrows(FlagException.class, () -> f.parse(new String[] {"--collector.filesystem.mount-timeout=5"}))
                .getMessage().contains("missing unit"));
        assertTrue(assertThrows(FlagException.class, () -> f.parse(new String[] {"--collector.netdev.device-exclude=("}))
                .getMessage().contains("invalid regular expression"));
        assertTrue(assertThrows(FlagException.class, () -> f.parse(new String[] {"--path.procfs"}))
                .getMessage().contains("expected argument"));
        assertThrows(FlagException.class, () -> f.parse(new String[] {"--collector.cpu=maybe"}));
        assertThrows(FlagException.class, () -> f.parse(new String[] {"stray"}));
    }

    @Test
    void helpListsEveryFlagByName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        flags().printHelp(new PrintStream(out), "summary");
        String help = out.toString();
        for (Flag flag : flags().flags()) {
            assertTrue(help.contains(flag.name()), flag.name());
        }
        assertTrue(help.contains("--[no-]collector.cpu"));
    }

    @Test
    void goDurations() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1.5h"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5x"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    }
}
