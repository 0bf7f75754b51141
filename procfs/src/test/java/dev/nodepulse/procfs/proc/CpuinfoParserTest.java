package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.proc.CpuinfoParser.Format;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuinfoParserTest {

    @Test
    void x86CaptureMatchesTheFileLineByLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/cpuinfo");
        List<CpuInfo> cpus = CpuinfoParser.parse(text, Format.X86);

        // read the file independently: the value of each "key<tabs>: value" line, per processor block
        List<String> processors = values(text, "processor");
        assertEquals(processors.size(), cpus.size());
        for (int i = 0; i < cpus.size(); i++) {
            CpuInfo c = cpus.get(i);
            assertEquals(Long.parseLong(processors.get(i)), c.processor());
            assertEquals(values(text, "vendor_id").get(i), c.vendorId());
            assertEquals(values(text, "cpu family").get(i), c.cpuFamily());
            assertEquals(values(text, "model").get(i), c.model());
            assertEquals(values(text, "model name").get(i), c.modelName());
            assertEquals(values(text, "stepping").get(i), c.stepping());
            assertEquals(values(text, "microcode").get(i), c.microcode());
            assertEquals(Double.parseDouble(values(text, "cpu MHz").get(i)), c.cpuMHz());
            assertEquals(values(text, "cache size").get(i), c.cacheSize());
            assertEquals(values(text, "physical id").get(i), c.physicalId());
            assertEquals(values(text, "core id").get(i), c.coreId());
            assertEquals(Long.parseLong(values(text, "siblings").get(i)), c.siblings());
            assertEquals(Long.parseLong(values(text, "cpu cores").get(i)), c.cpuCores());
            assertEquals(List.of(values(text, "flags").get(i).split(" ")), c.flags());
            assertEquals(List.of(values(text, "bugs").get(i).split(" ")), c.bugs());
            assertEquals(Double.parseDouble(values(text, "bogomips").get(i)), c.bogoMips());
            assertEquals(values(text, "address sizes").get(i), c.addressSizes());
            // "power management:" has nothing after the colon, so no ": " and no value
            assertEquals("", c.powerManagement());
        }
    }

    @Test
    void x86ExactValues() throws Exception {
        String text = """
                processor\t: 0
                vendor_id\t: GenuineIntel
                cpu family\t: 6
                model\t\t: 142
                model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
                stepping\t: 10
                microcode\t: 0xb4
                cpu MHz\t\t: 799.998
                cache size\t: 8192 KB
                physical id\t: 0
                siblings\t: 8
                core id\t\t: 3
                cpu cores\t: 4
                cpuid level\t: 22
                flags\t\t: fpu vme  de
                bugs\t\t: cpu_meltdown spectre_v1
                clflush size\t: 64
                cache_alignment\t: 64

                processor\t: 1
                vendor_id\t: GenuineIntel
                cpu MHz\t\t: 800.037
                """;
        List<CpuInfo> cpus = CpuinfoParser.parse(text, Format.X86);
        assertEquals(2, cpus.size());
        CpuInfo c = cpus.get(0);
        assertEquals("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz", c.modelName());
        assertEquals("0xb4", c.microcode());
        assertEquals(799.998, c.cpuMHz());
        assertEquals("8192 KB", c.cacheSize());
        assertEquals("3", c.coreId());
        assertEquals(22, c.cpuidLevel());
        assertEquals(List.of("fpu", "vme", "de"), c.flags());
        assertEquals(List.of("cpu_meltdown", "spectre_v1"), c.bugs());
        assertEquals(64, c.clflushSize());
        assertEquals(1, cpus.get(1).processor());
        assertEquals(800.037, cpus.get(1).cpuMHz());
        assertEquals("", cpus.get(1).modelName());
        assertEquals(List.of(), cpus.get(1).flags());
    }

    @Test
    void x86RejectsMalformedInput() {
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("", Format.X86));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("\n\n", Format.X86));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("vendor_id\t: GenuineIntel\n", Format.X86));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("processor\t: zero\n", Format.X86));
        ParseException e = assertThrows(ParseException.class, () -> CpuinfoParser.parse(
                "processor\t: 0\nvendor_id\t: X\ncpu MHz\t\t: fast\n", Format.X86));
        assertTrue(e.getMessage().contains(":3:"), e.getMessage());
        assertThrows(ParseException.class, () -> CpuinfoParser.parse(
                "processor\t: 0\nsiblings\t: -1\n", Format.X86));
        // strconv's base 0: a leading 0x is hexadecimal, and that is accepted
        assertTrue(assertDoesNotThrow("processor\t: 0x1\n").get(0).processor() == 1);
    }

    @Test
    void x86SkipsLinesWithoutSeparator() throws Exception {
        List<CpuInfo> cpus = CpuinfoParser.parse(
                "\nprocessor\t: 4\ngarbage without colon\nmodel name:no-space\nstepping\t: 1\n", Format.X86);
        assertEquals(1, cpus.size());
        assertEquals(4, cpus.get(0).processor());
        assertEquals("", cpus.get(0).modelName());
        assertEquals("1", cpus.get(0).stepping());
    }

    @Test
    void arm64GivesEveryCpuTheFeatures() throws Exception {
        String text = Fixtures.text("handwritten/proc/cpuinfo-arm64");
        List<CpuInfo> cpus = CpuinfoParser.parse(text, Format.ARM);
        assertEquals(4, cpus.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i, cpus.get(i).processor());
            assertEquals(243.75, cpus.get(i).bogoMips());
            assertEquals(17, cpus.get(i).flags().size());
            assertEquals("fp", cpus.get(i).flags().get(0));
            assertEquals("ssbs", cpus.get(i).flags().get(16));
            assertEquals("", cpus.get(i).vendorId());
        }
    }

    @Test
    void legacyArmWithOneCpuAndModelLine() throws Exception {
        List<CpuInfo> cpus = CpuinfoParser.parse(Fixtures.text("handwritten/proc/cpuinfo-armv6-legacy"), Format.ARM);
        assertEquals(1, cpus.size());
        assertEquals(0, cpus.get(0).processor());
        assertEquals("ARMv6-compatible processor rev 7 (v6l)", cpus.get(0).modelName());
        assertEquals(697.95, cpus.get(0).bogoMips());
        assertEquals(List.of("swp", "half", "thumb", "fastmult", "vfp", "edsp", "java", "tls"), cpus.get(0).flags());
    }

    @Test
    void legacyArmWithSeveralCpusSharesTheModel() throws Exception {
        String text = "Processor\t: ARMv7 Processor rev 4 (v7l)\nprocessor\t: 0\nBogoMIPS\t: 38.40\n\n"
                + "processor\t: 1\nBogoMIPS\t: 38.40\n\nFeatures\t: half thumb neon\nHardware\t: BCM2709\n";
        List<CpuInfo> cpus = CpuinfoParser.parse(text, Format.ARM);
        assertEquals(2, cpus.size());
        assertEquals("ARMv7 Processor rev 4 (v7l)", cpus.get(1).modelName());
        assertEquals(1, cpus.get(1).processor());
        assertEquals(List.of("half", "thumb", "neon"), cpus.get(0).flags());
    }

    @Test
    void armRejectsMalformedInput() throws Exception {
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("", Format.ARM));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("Hardware\t: BCM2708\n", Format.ARM));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("processor\t: 0\nBogoMIPS\t: many\n", Format.ARM));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse(
                "Processor\t: ARMv6\nmodel name\t: ARMv6\n", Format.ARM));
        // no Features line at all: no flags rather than a failure
        assertEquals(List.of(), CpuinfoParser.parse("processor\t: 0\nBogoMIPS\t: 1.0\n", Format.ARM).get(0).flags());
    }

    @Test
    void ppc64le() throws Exception {
        List<CpuInfo> cpus = CpuinfoParser.parse(Fixtures.text("handwritten/proc/cpuinfo-ppc64le"), Format.PPC);
        assertEquals(2, cpus.size());
        assertEquals("POWER9 (architected), altivec supported", cpus.get(0).vendorId());
        assertEquals(2300.0, cpus.get(0).cpuMHz());
        assertEquals(3800.0, cpus.get(1).cpuMHz());
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("processor\t: 0\nclock\t\t: MHz\n", Format.PPC));
    }

    @Test
    void s390xTakesHeadAndPerCpuBlocks() throws Exception {
        List<CpuInfo> cpus = CpuinfoParser.parse(Fixtures.text("handwritten/proc/cpuinfo-s390x"), Format.S390X);
        assertEquals(2, cpus.size());
        for (CpuInfo c : cpus) {
            assertEquals("IBM/S390", c.vendorId());
            assertEquals(3033.0, c.bogoMips());
            assertEquals("esan3", c.flags().get(0));
            assertEquals("sie", c.flags().get(c.flags().size() - 1));
        }
        assertEquals(1, cpus.get(1).processor());
        assertEquals(5000.0, cpus.get(0).cpuMHz());
        assertEquals(4200.0, cpus.get(1).cpuMHz());
        assertEquals("2", cpus.get(1).physicalId());
        assertEquals("1", cpus.get(1).coreId());
        assertEquals(1, cpus.get(1).cpuCores());
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("processor 0: version = FF\n", Format.S390X));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse(
                "vendor_id : IBM/S390\nprocessor 0: version = FF\ncpu number : 0\ncpu number : 1\ncore id : 1\n",
                Format.S390X));
    }

    @Test
    void riscvAndMips() throws Exception {
        List<CpuInfo> rv = CpuinfoParser.parse(Fixtures.text("handwritten/proc/cpuinfo-riscv64"), Format.RISCV);
        assertEquals(2, rv.size());
        assertEquals("rv64imafdc", rv.get(1).modelName());
        assertEquals("2", rv.get(1).coreId());
        List<CpuInfo> mips = CpuinfoParser.parse(Fixtures.text("handwritten/proc/cpuinfo-mips"), Format.MIPS);
        assertEquals(2, mips.size());
        assertEquals("MediaTek MT7621 ver:1 eco:3", mips.get(0).vendorId());
        assertEquals("MIPS 1004Kc V2.15", mips.get(1).modelName());
        assertEquals(583.68, mips.get(1).bogoMips());
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("processor : 0\n", Format.MIPS));
        assertThrows(ParseException.class, () -> CpuinfoParser.parse("x", Format.UNSUPPORTED));
    }

    @Test
    void formatFollowsJavaArchitectureNames() {
        assertEquals(Format.X86, Format.forArch("amd64"));
        assertEquals(Format.X86, Format.forArch("x86"));
        assertEquals(Format.ARM, Format.forArch("aarch64"));
        assertEquals(Format.ARM, Format.forArch("arm"));
        assertEquals(Format.PPC, Format.forArch("ppc64le"));
        assertEquals(Format.S390X, Format.forArch("s390x"));
        assertEquals(Format.RISCV, Format.forArch("riscv64"));
        assertEquals(Format.LOONG64, Format.forArch("loongarch64"));
        assertEquals(Format.MIPS, Format.forArch("mips64el"));
        assertEquals(Format.UNSUPPORTED, Format.forArch("sparcv9"));
    }

    private static List<CpuInfo> assertDoesNotThrow(String text) {
        try {
            return CpuinfoParser.parse(text, Format.X86);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Every value of "key<blanks>: value" lines with exactly this key, in file order. */
    private static List<String> values(String text, String key) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int c = line.indexOf(": ");
            if (c > 0 && line.substring(0, c).trim().equals(key)) {
                out.add(line.substring(c + 2));
            }
        }
        return out;
    }
}
