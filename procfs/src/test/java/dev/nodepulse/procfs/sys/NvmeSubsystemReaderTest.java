package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.sys.nvme.NvmeSubsystem;
import dev.nodepulse.procfs.sys.nvme.NvmeSubsystemReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvmeSubsystemReaderTest {

    private static final Path CLASS = Fixtures.path("handmade/sys/class/nvme-subsystem");

    @TempDir
    Path tmp;

    /** The fixture copied where a test may change it. */
    private FileTree copy() throws IOException {
        return FileTree.copyOf(CLASS, tmp, "class/nvme-subsystem");
    }

    @Test
    void subsystemPathsAndNamespaces() throws Exception {
        List<NvmeSubsystem> all = NvmeSubsystemReader.read(CLASS);
        assertEquals(1, all.size());
        NvmeSubsystem s = all.get(0);
        assertEquals("nvme-subsys0", s.name());
        assertEquals("nqn.2014-08.org.nvmexpress:uuid:5e1c6f0a-8d2b-4c3e-9f10-2a3b4c5d6e7f", s.nqn());
        assertEquals("Linux", s.model(), "the identify field's space padding is trimmed");
        assertEquals("8b1f2c3d4e5f6a7b", s.serial());
        assertEquals("numa", s.ioPolicy());
        assertEquals(List.of(
                new NvmeSubsystem.Controller("nvme0", "live", "tcp",
                        "traddr=192.168.10.21,trsvcid=4420,src_addr=192.168.10.5"),
                new NvmeSubsystem.Controller("nvme1", "connecting", "tcp",
                        "traddr=192.168.11.21,trsvcid=4420,src_addr=192.168.11.5")), s.controllers());
        assertEquals(List.of("nvme0n1"), s.namespaces());
    }

    @Test
    void entriesAreSortedAndFilteredByName() throws Exception {
        FileTree t = copy()
                .attr("class/nvme-subsystem/nvme-subsys0/nvme10/state", "deleting (no IO)")
                .attr("class/nvme-subsystem/nvme-subsys0/nvme10/transport", "rdma")
                .attr("class/nvme-subsystem/nvme-subsys0/nvme10/address", "traddr=10.0.0.9,trsvcid=4420")
                .dir("class/nvme-subsystem/nvme-subsys0/nvme10n2")
                .dir("class/nvme-subsystem/nvme-subsys0/nvme0c0n1")
                .dir("class/nvme-subsystem/other");
        NvmeSubsystem s = NvmeSubsystemReader.read(t.path("class/nvme-subsystem")).get(0);
        assertEquals(List.of("nvme0", "nvme1", "nvme10"), s.controllers().stream().map(NvmeSubsystem.Controller::name).toList());
        assertEquals("deleting (no IO)", s.controllers().get(2).state());
        assertEquals(List.of("nvme0n1", "nvme10n2"), s.namespaces());
    }

    @Test
    void emptyAndMissingClassDirectory() throws Exception {
        assertThrows(NoSuchFileException.class, () -> NvmeSubsystemReader.read(tmp.resolve("class/nvme-subsystem")));
        new FileTree(tmp).dir("class/nvme-subsystem");
        assertEquals(List.of(), NvmeSubsystemReader.read(tmp.resolve("class/nvme-subsystem")));
    }

    @Test
    void everyAttributeIsRequired() throws Exception {
        for (String f : List.of("subsysnqn", "model", "serial", "iopolicy", "nvme0/state", "nvme1/transport",
                "nvme1/address")) {
            FileTree t = copy();
            Files.delete(t.path("class/nvme-subsystem/nvme-subsys0/" + f));
            assertThrows(NoSuchFileException.class, () -> NvmeSubsystemReader.read(t.path("class/nvme-subsystem")), f);
        }
    }

    @Test
    void unreadableAttributeIsAccessDenied() throws Exception {
        FileTree t = copy();
        Files.delete(t.path("class/nvme-subsystem/nvme-subsys0/iopolicy"));
        Assumptions.assumeTrue(t.unreadable("class/nvme-subsystem/nvme-subsys0/iopolicy", "numa\n"), "running as root");
        assertThrows(AccessDeniedException.class, () -> NvmeSubsystemReader.read(t.path("class/nvme-subsystem")));
    }
}
