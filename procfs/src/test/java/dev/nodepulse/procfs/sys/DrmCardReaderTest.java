package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.sys.drm.AmdgpuCard;
import dev.nodepulse.procfs.sys.drm.DrmCardReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrmCardReaderTest {

    private static final Path DRM = Fixtures.path("handmade/sys/class/drm");

    @TempDir
    Path tmp;

    /** The fixture copied where a test may change it. */
    private FileTree copy() throws IOException {
        return FileTree.copyOf(DRM, tmp, "class/drm");
    }

    @Test
    void onlyTheAmdgpuCardWithEveryAttribute() throws Exception {
        List<AmdgpuCard> cards = DrmCardReader.read(DRM);
        assertEquals(1, cards.size(), "card1 is i915, renderD128 and card0-DP-1 are no cards");
        AmdgpuCard c = cards.get(0);
        assertEquals("card0", c.name());
        assertEquals(37, c.gpuBusyPercent());
        assertEquals(8573157376L, c.memoryGttSize());
        assertEquals(144560128L, c.memoryGttUsed());
        assertEquals(268435456L, c.memoryVisibleVramSize());
        assertEquals(201326592L, c.memoryVisibleVramUsed());
        assertEquals(17163091968L, c.memoryVramSize());
        assertEquals(1490378752L, c.memoryVramUsed());
        assertEquals("samsung", c.memoryVramVendor());
        assertEquals("auto", c.powerDpmForcePerformanceLevel());
        assertEquals("3f8c1a2b4d5e6f70", c.uniqueId());
    }

    @Test
    void missingAttributesAreZeroOrEmpty() throws Exception {
        FileTree t = copy();
        for (String f : List.of("gpu_busy_percent", "mem_info_vis_vram_total", "mem_info_vram_vendor", "unique_id")) {
            Files.delete(t.path("class/drm/card0/device/" + f));
        }
        AmdgpuCard c = DrmCardReader.read(t.path("class/drm")).get(0);
        assertEquals(0, c.gpuBusyPercent());
        assertEquals(0, c.memoryVisibleVramSize());
        assertEquals(201326592L, c.memoryVisibleVramUsed());
        assertEquals("", c.memoryVramVendor());
        assertEquals("", c.uniqueId());
        assertEquals("auto", c.powerDpmForcePerformanceLevel());
    }

    @Test
    void numbersInGoSyntaxAndUnsigned64Bits() throws Exception {
        FileTree t = copy().attr("class/drm/card0/device/mem_info_gtt_total", "0x200000000")
                .attr("class/drm/card0/device/mem_info_gtt_used", "1_024")
                .attr("class/drm/card0/device/mem_info_vram_total", "18446744073709551615");
        AmdgpuCard c = DrmCardReader.read(t.path("class/drm")).get(0);
        assertEquals(8589934592L, c.memoryGttSize());
        assertEquals(1024, c.memoryGttUsed());
        assertEquals(-1L, c.memoryVramSize(), "all 64 bits set");
    }

    @Test
    void malformedNumberFailsTheRead() throws Exception {
        FileTree t = copy().attr("class/drm/card0/device/gpu_busy_percent", "37%");
        ParseException e = assertThrows(ParseException.class, () -> DrmCardReader.read(t.path("class/drm")));
        assertTrue(e.getMessage().contains("gpu_busy_percent"), e.getMessage());
        FileTree n = copy().attr("class/drm/card0/device/mem_info_vram_used", "-1");
        assertThrows(ParseException.class, () -> DrmCardReader.read(n.path("class/drm")));
        FileTree empty = copy().file("class/drm/card0/device/mem_info_vram_used", "");
        assertThrows(ParseException.class, () -> DrmCardReader.read(empty.path("class/drm")));
    }

    @Test
    void onlyOneDigitCardNamesAreSeen() throws Exception {
        FileTree t = copy().attr("class/drm/card10/device/uevent", "DRIVER=amdgpu")
                .attr("class/drm/card10/device/gpu_busy_percent", "5")
                .attr("class/drm/card2/device/uevent", "DRIVER=amdgpu\nPCI_CLASS=38000")
                .attr("class/drm/card2/device/gpu_busy_percent", "9");
        List<AmdgpuCard> cards = DrmCardReader.read(t.path("class/drm"));
        assertEquals(List.of("card0", "card2"), cards.stream().map(AmdgpuCard::name).toList());
        assertEquals(9, cards.get(1).gpuBusyPercent());
        assertEquals(0, cards.get(1).memoryVramSize());
    }

    @Test
    void kernelLayoutWithSymlinks() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("devices/pci0000:00/0000:00:01.0/0000:03:00.0/uevent", "DRIVER=amdgpu")
                .attr("devices/pci0000:00/0000:00:01.0/0000:03:00.0/gpu_busy_percent", "12")
                .dir("devices/pci0000:00/0000:00:01.0/0000:03:00.0/drm/card0")
                .link("devices/pci0000:00/0000:00:01.0/0000:03:00.0/drm/card0/device", "../../../0000:03:00.0")
                .link("class/drm/card0", "../../devices/pci0000:00/0000:00:01.0/0000:03:00.0/drm/card0");
        List<AmdgpuCard> cards = DrmCardReader.read(t.path("class/drm"));
        assertEquals(1, cards.size());
        assertEquals(12, cards.get(0).gpuBusyPercent());
    }

    @Test
    void absentClassDirectoryHoldsNoCards() throws Exception {
        assertEquals(List.of(), DrmCardReader.read(tmp.resolve("class/drm")));
        new FileTree(tmp).dir("class/drm");
        assertEquals(List.of(), DrmCardReader.read(tmp.resolve("class/drm")));
    }

    @Test
    void cardWithoutUeventFailsTheRead() throws Exception {
        FileTree t = copy().dir("class/drm/card3/device");
        assertThrows(NoSuchFileException.class, () -> DrmCardReader.read(t.path("class/drm")));
    }
}
