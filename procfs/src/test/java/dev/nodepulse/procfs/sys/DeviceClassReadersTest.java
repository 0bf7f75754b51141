package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.sys.edac.EdacController;
import dev.nodepulse.procfs.sys.edac.EdacReader;
import dev.nodepulse.procfs.sys.fibrechannel.FcHost;
import dev.nodepulse.procfs.sys.fibrechannel.FcHostReader;
import dev.nodepulse.procfs.sys.nvme.NvmeController;
import dev.nodepulse.procfs.sys.nvme.NvmeReader;
import dev.nodepulse.procfs.sys.powersupply.PowerSupply;
import dev.nodepulse.procfs.sys.powersupply.PowerSupplyReader;
import dev.nodepulse.procfs.sys.tape.TapeStats;
import dev.nodepulse.procfs.sys.tape.TapeStatsReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers of /sys/class device trees: EDAC, SCSI tape, NVMe, Fibre Channel, power supplies. */
class DeviceClassReadersTest {

    @TempDir
    Path tmp;

    @Test
    void edacControllersRowsAndChannels() throws Exception {
        String mc = "devices/system/edac/mc/mc1/";
        FileTree t = new FileTree(tmp)
                .attr(mc + "ce_count", "7").attr(mc + "ue_count", "1")
                .attr(mc + "ce_noinfo_count", "2").attr(mc + "ue_noinfo_count", "0")
                .attr(mc + "csrow0/ce_count", "5").attr(mc + "csrow0/ue_count", "1")
                .attr(mc + "csrow0/ch0_ce_count", "4").attr(mc + "csrow0/ch0_ue_count", "1")
                .attr(mc + "csrow0/ch0_dimm_label", "mc#1csrow#0channel#0")
                .attr(mc + "csrow0/ch1_ce_count", "1")
                .attr(mc + "power/control", "auto")
                .attr("devices/system/edac/mc/power/x", "y");
        List<EdacController> all = EdacReader.read(t.path("devices/system/edac/mc"));
        assertEquals(1, all.size());
        EdacController c = all.get(0);
        assertEquals("1", c.number());
        assertEquals(7, c.correctable());
        assertEquals(2, c.correctableNoInfo());
        EdacController.Csrow row = c.csrows().get(0);
        assertEquals("0", row.number());
        assertEquals(5, row.correctable());
        assertEquals(new EdacController.Channel("0", "mc1_csrow0_channel0", 4, 1L), row.channels().get(0));
        assertEquals(new EdacController.Channel("1", "unknown", 1, null), row.channels().get(1));
        assertTrue(EdacReader.read(tmp.resolve("none")).isEmpty());
        t.attr(mc + "csrow0/ue_count", "");
        assertThrows(ParseException.class, () -> EdacReader.read(t.path("devices/system/edac/mc")));
    }

    @Test
    void edacControllerWithoutCountsFails() {
        FileTree t = new FileTree(tmp).attr("mc/mc0/ce_count", "1");
        assertThrows(NoSuchFileException.class, () -> EdacReader.read(t.path("mc")));
    }

    @Test
    void tapeStatsOnlyForStDevices() throws Exception {
        FileTree t = new FileTree(tmp);
        for (String dev : new String[] {"st0", "nst0", "st0a"}) {
            t.attr("class/scsi_tape/" + dev + "/stats/in_flight", "1")
                    .attr("class/scsi_tape/" + dev + "/stats/io_ns", "9000000000")
                    .attr("class/scsi_tape/" + dev + "/stats/read_byte_cnt", "0x400")
                    .attr("class/scsi_tape/" + dev + "/stats/write_cnt", "12");
        }
        List<TapeStats> tapes = TapeStatsReader.read(t.path("class/scsi_tape"));
        assertEquals(1, tapes.size());
        TapeStats s = tapes.get(0);
        assertEquals("st0", s.name());
        assertEquals(1, s.inFlight());
        assertEquals(9000000000L, s.ioNs());
        assertEquals(1024, s.readBytes());
        assertEquals(12, s.writeCount());
        assertEquals(0, s.residualCount());
        t.attr("class/scsi_tape/st0/stats/resid_cnt", "n/a");
        assertThrows(ParseException.class, () -> TapeStatsReader.read(t.path("class/scsi_tape")));
        assertThrows(NoSuchFileException.class, () -> TapeStatsReader.read(tmp.resolve("none")));
    }

    @Test
    void nvmeControllersAndNamespaces() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/nvme/nvme1/firmware_rev", "GPJA0B3Q").attr("class/nvme/nvme1/model", "WD Blue SN570 1TB")
                .attr("class/nvme/nvme1/serial", "22101P800123").attr("class/nvme/nvme1/state", "live")
                .attr("class/nvme/nvme1/cntlid", "0")
                .attr("class/nvme/nvme1/nvme1n2/nuse", "1000").attr("class/nvme/nvme1/nvme1n2/size", "3000")
                .attr("class/nvme/nvme1/nvme1n2/queue/logical_block_size", "512")
                .attr("class/nvme/nvme1/nvme1c1n3/nuse", "1").attr("class/nvme/nvme1/hwmon2/name", "nvme");
        List<NvmeController> c = NvmeReader.read(t.path("class/nvme"));
        assertEquals(1, c.size());
        assertEquals("WD Blue SN570 1TB", c.get(0).model());
        assertEquals("0", c.get(0).controllerId());
        assertEquals(List.of(new NvmeController.Namespace("2", "unknown", 512000, 1536000, 1536000, 512)),
                c.get(0).namespaces());
        t.attr("class/nvme/nvme1/nvme1n2/ana_state", "optimized").attr("class/nvme/nvme1/nvme1n2/nuse", "lots");
        NvmeController.Namespace ns = NvmeReader.read(t.path("class/nvme")).get(0).namespaces().get(0);
        assertEquals("optimized", ns.anaState());
        assertEquals(0, ns.usedBytes());
        t.dir("class/nvme/nvme2");
        assertThrows(NoSuchFileException.class, () -> NvmeReader.read(t.path("class/nvme")));
    }

    @Test
    void fibreChannelAttributesAndHexCounters() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/fc_host/host3/speed", "32 Gbit").attr("class/fc_host/host3/port_name", "0x21000024ff7a1b2c")
                .attr("class/fc_host/host3/port_id", "0x0a0b00").attr("class/fc_host/host3/fabric_name", "0x0")
                .attr("class/fc_host/host3/statistics/tx_frames", "0x1f4")
                .attr("class/fc_host/host3/statistics/dumped_frames", "0xffffffffffffffff")
                .attr("class/fc_host/host3/statistics/reset_statistics", "")
                .attr("class/fc_host/host3/statistics/fc_xid_busy", "0x9");
        List<FcHost> hosts = FcHostReader.read(t.path("class/fc_host"));
        FcHost h = hosts.get(0);
        assertEquals("host3", h.name());
        assertEquals("32 Gbit", h.speed());
        assertEquals("21000024ff7a1b2c", h.portName());
        assertEquals("0a0b00", h.portId());
        assertEquals("0", h.fabricName());
        assertNull(h.symbolicName());
        assertEquals(500L, h.counters().txFrames());
        assertEquals(-1L, h.counters().dumpedFrames());
        assertNull(h.counters().rxFrames());
        t.attr("class/fc_host/host4/speed", "unknown");
        FcHost h4 = FcHostReader.read(t.path("class/fc_host")).get(1);
        assertNull(h4.counters().txFrames());
        t.attr("class/fc_host/host3/statistics/rx_frames", "lots");
        assertThrows(ParseException.class, () -> FcHostReader.read(t.path("class/fc_host")));
    }

    @Test
    void powerSupplyKnownAttributesOnly() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/power_supply/BAT1/type", "Battery").attr("class/power_supply/BAT1/status", "Charging")
                .attr("class/power_supply/BAT1/voltage_now", "12431000").attr("class/power_supply/BAT1/capacity", "64")
                .attr("class/power_supply/BAT1/temp", "0x12c").attr("class/power_supply/BAT1/alarm", "0")
                .attr("class/power_supply/BAT1/uevent", "POWER_SUPPLY_NAME=BAT1").dir("class/power_supply/BAT1/power")
                .attr("class/power_supply/ADP1/online", "1").attr("class/power_supply/ADP1/type", "Mains");
        List<PowerSupply> ps = PowerSupplyReader.read(t.path("class/power_supply"));
        assertEquals(2, ps.size());
        PowerSupply bat = ps.get(1);
        assertEquals("BAT1", bat.name());
        assertEquals(12431000L, bat.numbers().get("voltage_now"));
        assertEquals(64L, bat.numbers().get("capacity"));
        assertEquals(300L, bat.numbers().get("temp"));
        assertFalse(bat.numbers().containsKey("alarm"));
        assertEquals("Charging", bat.texts().get("status"));
        assertFalse(bat.texts().containsKey("uevent"));
        assertEquals(1L, ps.get(0).numbers().get("online"));
        t.attr("class/power_supply/ADP1/online", "yes");
        assertThrows(ParseException.class, () -> PowerSupplyReader.read(t.path("class/power_supply")));
        assertThrows(NoSuchFileException.class, () -> PowerSupplyReader.read(tmp.resolve("none")));
    }
}
