package dev.nodepulse.procfs.proc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class UdpQueuesParserTest {

    @Test
    void sumsQueuesOverIpv4Sockets() throws Exception {
        UdpQueues q = UdpQueuesParser.parse(Fixtures.text("handmade/proc/net/udp"), "udp");
        // tx_queue:rx_queue columns 00000100:00000000, 00000000:00002A00, 00000020:00000300
        assertEquals(0x100 + 0x20, q.txQueueBytes());
        assertEquals(0x2A00 + 0x300, q.rxQueueBytes());
        assertEquals(3, q.sockets());
        assertEquals(0 + 3 + 12, q.drops());
    }

    @Test
    void sumsQueuesOverIpv6Sockets() throws Exception {
        UdpQueues q = UdpQueuesParser.parse(Fixtures.text("handmade/proc/net/udp6"), "udp6");
        assertEquals(0x10, q.txQueueBytes());
        assertEquals(0x400, q.rxQueueBytes());
        assertEquals(2, q.sockets());
    }

    @Test
    void capturedFilesParse() throws Exception {
        for (String f : new String[] {"udp", "udp6"}) {
            String text = Fixtures.text("host-capture/proc/net/" + f);
            UdpQueues q = UdpQueuesParser.parse(text, f);
            assertEquals(text.strip().split("\n").length - 1, q.sockets());
        }
    }

    @Test
    void emptyFileHasNoSockets() throws Exception {
        assertEquals(new UdpQueues(0, 0, 0, 0), UdpQueuesParser.parse("", "udp"));
    }

    @Test
    void rejectsMalformedSocketLines() {
        String header = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";
        String good = "  112: 0100007F:0035 00000000:0000 07 00000100:00000000 00:00000000 00000000   101        0 18356 2 0000000000000000 0\n";
        assertThrows(ParseException.class, () -> UdpQueuesParser.parse(header + "  112: 0100007F:0035 00000000:0000 07\n", "udp"));
        assertThrows(ParseException.class, () -> UdpQueuesParser.parse(header + good.replace("00000100:00000000", "00000100"), "udp"));
        assertThrows(ParseException.class, () -> UdpQueuesParser.parse(header + good.replace("0100007F", "01007F"), "udp"));
        assertThrows(ParseException.class, () -> UdpQueuesParser.parse(header + good.replace("00000100:", "0000XY00:"), "udp"));
        ParseException e = assertThrows(ParseException.class,
                () -> UdpQueuesParser.parse(header + good + good.replace(" 18356 ", " inode "), "udp"));
        assertTrue(e.getMessage().contains("udp:3:"), e.getMessage());
    }
}
