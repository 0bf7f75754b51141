package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.sys.infiniband.InfinibandDevice;
import dev.nodepulse.procfs.sys.infiniband.InfinibandReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfinibandReaderTest {

    @TempDir
    Path tmp;

    private FileTree device() {
        String p = "class/infiniband/mlx5_0/ports/1/";
        return new FileTree(tmp)
                .attr("class/infiniband/mlx5_0/fw_ver", "16.35.2000")
                .attr("class/infiniband/mlx5_0/board_id", "MT_0000000013")
                .attr(p + "link_layer", "InfiniBand")
                .attr(p + "state", "4: ACTIVE")
                .attr(p + "phys_state", "5: LinkUp")
                .attr(p + "rate", "56 Gb/sec (4X FDR)")
                .attr(p + "counters/port_rcv_data", "1000")
                .attr(p + "counters/symbol_error", "3")
                .attr(p + "counters/VL15_dropped", "N/A (no PMA)")
                .attr(p + "counters/unknown_counter", "5")
                .attr(p + "counters_ext/port_xmit_data_64", "250")
                .attr(p + "hw_counters/lifespan", "12")
                .attr(p + "hw_counters/out_of_buffer", "0x10");
    }

    @Test
    void portStateRateAndCounters() throws Exception {
        FileTree t = device();
        List<InfinibandDevice> d = InfinibandReader.read(t.path("class/infiniband"));
        assertEquals(1, d.size());
        InfinibandDevice dev = d.get(0);
        assertEquals("16.35.2000", dev.firmwareVersion());
        assertEquals("MT_0000000013", dev.boardId());
        assertEquals("", dev.hcaType());
        InfinibandDevice.Port p = dev.ports().get(0);
        assertEquals(1, p.port());
        assertEquals("mlx5_0", p.device());
        assertEquals(4, p.stateId());
        assertEquals("ACTIVE", p.state());
        assertEquals(5, p.physStateId());
        assertEquals("LinkUp", p.physState());
        assertEquals(56L * 125000000, p.rateBytesPerSecond());
        assertEquals(4000L, p.counters().get("port_rcv_data")); // per lane, times 4 lanes
        assertEquals(1000L, p.counters().get("port_xmit_data_64"));
        assertEquals(3L, p.counters().get("symbol_error"));
        assertFalse(p.counters().containsKey("VL15_dropped"));
        assertFalse(p.counters().containsKey("unknown_counter"));
        assertEquals(12L, p.hwCounters().get("lifespan"));
        assertEquals(16L, p.hwCounters().get("out_of_buffer"));
    }

    @Test
    void fractionalRatesAreReadAsFloat32() throws Exception {
        assertEquals((long) ((double) 2.5f * 125000000), InfinibandReader.read(device()
                .attr("class/infiniband/mlx5_0/ports/1/rate", "2.5 Gb/sec (1X SDR)").path("class/infiniband"))
                .get(0).ports().get(0).rateBytesPerSecond());
    }

    @Test
    void failures() {
        FileTree t = device();
        t.attr("class/infiniband/mlx5_0/ports/1/counters/link_downed", "broken");
        assertThrows(ParseException.class, () -> InfinibandReader.read(t.path("class/infiniband")));
        FileTree s = device().attr("class/infiniband/mlx5_0/ports/1/state", "ACTIVE");
        assertThrows(ParseException.class, () -> InfinibandReader.read(s.path("class/infiniband")));
        FileTree r = device().attr("class/infiniband/mlx5_0/ports/1/rate", "fast");
        assertThrows(ParseException.class, () -> InfinibandReader.read(r.path("class/infiniband")));
        FileTree n = device().attr("class/infiniband/mlx5_0/ports/x/state", "4: ACTIVE");
        assertThrows(ParseException.class, () -> InfinibandReader.read(n.path("class/infiniband")));
        FileTree f = new FileTree(tmp.resolve("b")).dir("class/infiniband/hfi1_0/ports");
        assertThrows(NoSuchFileException.class, () -> InfinibandReader.read(f.path("class/infiniband")));
        assertThrows(NoSuchFileException.class, () -> InfinibandReader.read(tmp.resolve("none")));
    }

    @Test
    void noCountersDirectoriesMeansNoCounters() throws Exception {
        FileTree t = new FileTree(tmp.resolve("c"))
                .attr("class/infiniband/qib0/fw_ver", "1.0")
                .attr("class/infiniband/qib0/ports/2/link_layer", "Ethernet")
                .attr("class/infiniband/qib0/ports/2/state", "1: DOWN")
                .attr("class/infiniband/qib0/ports/2/phys_state", "3: Disabled")
                .attr("class/infiniband/qib0/ports/2/rate", "10 Gb/sec (4X)");
        InfinibandDevice.Port p = InfinibandReader.read(t.path("class/infiniband")).get(0).ports().get(0);
        assertTrue(p.counters().isEmpty());
        assertTrue(p.hwCounters().isEmpty());
        assertEquals(2, p.port());
    }
}
